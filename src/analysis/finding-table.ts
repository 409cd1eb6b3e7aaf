import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import { findingId, type FindingLocation } from './finding.js';

/**
 * The finding ids already reported, by rule: an id is `rule@subject[/key]`, so two rules' ids never
 * meet. An unkeyed finding on a node (nearly all of them) is remembered by the node's index rather
 * than by hashing its freshly built id string; other ids go in a set.
 */
export class SeenFindings {
  private readonly byRule = new Map<string, SeenOfRule>();
  constructor(private readonly graph: ModelGraph) {}

  forRule(ruleId: string): SeenOfRule {
    let seen = this.byRule.get(ruleId);
    if (!seen) this.byRule.set(ruleId, (seen = new SeenOfRule(this.graph, ruleId)));
    return seen;
  }
}

export class SeenOfRule {
  private nodes: Uint8Array | undefined;
  private readonly ids = new Set<string>();
  constructor(
    private readonly graph: ModelGraph,
    private readonly ruleId: string,
  ) {}

  /**
   * Records the finding `rule@subject[/key]`: false when this rule already reported it, else its
   * id when one had to be written to tell, or undefined. An unkeyed finding on a node, nearly
   * every one, is told by the node's index alone.
   */
  add(node: AnyGraphNode | undefined, subject: string, key: string): string | undefined | false {
    if (node && !key) {
      this.nodes ??= new Uint8Array(this.graph.order);
      if (this.nodes[node.index]) return false;
      if (this.ids.size > 0) {
        const id = findingId(this.ruleId, subject, key);
        if (this.ids.has(id)) return false;
      }
      this.nodes[node.index] = 1;
      return undefined;
    }
    const id = findingId(this.ruleId, subject, key);
    if (this.ids.has(id)) return false;
    // A keyed id `rule@a/b` is also the unkeyed id of a node named "a/b", if there is one.
    const same = key && this.nodes ? this.graph.node(`${subject}/${key}`) : undefined;
    if (same && this.nodes![same.index]) return false;
    this.ids.add(id);
    return id;
  }
}

/** One location object per subject node, shared by every finding on it. */
export class LocationTable {
  private readonly byNode: (FindingLocation | undefined)[];
  private fallback: FindingLocation | undefined;
  constructor(private readonly graph: ModelGraph) {
    this.byNode = new Array(graph.order);
  }

  /** Where the subject is declared: its node, else the acceptance of that pattern, else the first file. */
  of(node: AnyGraphNode | undefined, subject: string): FindingLocation {
    if (node) {
      const { file, line, column } = node.source;
      return (this.byNode[node.index] ??= { file, line, column });
    }
    const source = this.graph.accepted.find((a) => a.finding === subject)?.source;
    if (source) return { file: source.file, line: source.line, column: source.column };
    return (this.fallback ??= { file: this.graph.files[0] ?? '', line: 1, column: 1 });
  }
}
