import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import type { FindingLocation } from './finding.js';

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
    if (!seen) this.byRule.set(ruleId, (seen = new SeenOfRule(this.graph)));
    return seen;
  }
}

export class SeenOfRule {
  private nodes: Uint8Array | undefined;
  private readonly ids = new Set<string>();
  constructor(private readonly graph: ModelGraph) {}

  /** Records the finding's id; false when this rule already reported it. */
  add(id: string, node: AnyGraphNode | undefined, subject: string, key: string | undefined): boolean {
    if (node && !key) {
      this.nodes ??= new Uint8Array(this.graph.order);
      if (this.nodes[node.index] || (this.ids.size > 0 && this.ids.has(id))) return false;
      this.nodes[node.index] = 1;
      return true;
    }
    if (this.ids.has(id)) return false;
    // A keyed id `rule@a/b` is also the unkeyed id of a node named "a/b", if there is one.
    const same = key && this.nodes ? this.graph.node(`${subject}/${key}`) : undefined;
    if (same && this.nodes![same.index]) return false;
    this.ids.add(id);
    return true;
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
