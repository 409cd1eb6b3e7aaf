import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import type { Acceptance } from '../model/types.js';
import { findingId, type FindingLocation } from './finding.js';

/**
 * The finding ids already reported, by rule: an id is `rule@subject[/key]`, so two rules' ids never
 * meet. A finding on a node is remembered by the node's index and its key rather than by hashing
 * a freshly built id string; other ids go in a set.
 */
export class SeenFindings {
  private readonly byRule = new Map<string, SeenOfRule>();
  private plain: boolean | undefined;
  constructor(private readonly graph: ModelGraph) {}

  forRule(ruleId: string): SeenOfRule {
    let seen = this.byRule.get(ruleId);
    if (!seen) this.byRule.set(ruleId, (seen = new SeenOfRule(this.graph, ruleId, () => this.plainIds())));
    return seen;
  }

  /**
   * Whether no node id holds "/" (the loader allows none): then `rule@subject/key` names exactly
   * one pair of node and key, and no keyed id can also be the unkeyed id of another node.
   */
  private plainIds(): boolean {
    return (this.plain ??= !this.graph.nodes.some((n) => n.id.includes('/')));
  }
}

export class SeenOfRule {
  private nodes: Uint8Array | undefined;
  /** Per node, the keys of its keyed findings: one, or a set of several. */
  private keys: (string | Set<string> | undefined)[] | undefined;
  private readonly ids = new Set<string>();
  constructor(
    private readonly graph: ModelGraph,
    private readonly ruleId: string,
    private readonly plainIds: () => boolean,
  ) {}

  /**
   * Records the finding `rule@subject[/key]`: false when this rule already reported it, else its
   * id when one had to be written to tell, or undefined.
   */
  add(node: AnyGraphNode | undefined, subject: string, key: string): string | undefined | false {
    if (node && this.plainIds()) return this.addOnNode(node.index, key) ? undefined : false;
    const id = findingId(this.ruleId, subject, key);
    if (this.ids.has(id)) return false;
    // An unkeyed finding on a node is remembered by the node's bit alone; the set holds the others.
    if (node && !key) return this.addOnNode(node.index, '') ? id : false;
    // A keyed id `rule@a/b` is also the unkeyed id of a node named "a/b", if there is one.
    const same = key && this.nodes ? this.graph.node(`${subject}/${key}`) : undefined;
    if (same && this.nodes![same.index]) return false;
    this.ids.add(id);
    return id;
  }

  private addOnNode(index: number, key: string): boolean {
    if (!key) {
      this.nodes ??= new Uint8Array(this.graph.order);
      if (this.nodes[index]) return false;
      this.nodes[index] = 1;
      return true;
    }
    this.keys ??= new Array(this.graph.order);
    const known = this.keys[index];
    if (known === undefined) this.keys[index] = key;
    else if (typeof known === 'string') {
      if (known === key) return false;
      this.keys[index] = new Set([known, key]);
    } else {
      if (known.has(key)) return false;
      known.add(key);
    }
    return true;
  }
}

/** One location object per subject node, shared by every finding on it. */
export class LocationTable {
  private readonly byNode: (FindingLocation | undefined)[];
  /** The first acceptance of each pattern, by pattern: built when a finding's subject is one. */
  private acceptances: Map<string, Acceptance> | undefined;
  private fallback: FindingLocation | undefined;
  constructor(private readonly graph: ModelGraph) {
    this.byNode = new Array(graph.order);
  }

  /** Where the subject is declared: its node, else the first acceptance of that pattern, else the first file. */
  of(node: AnyGraphNode | undefined, subject: string): FindingLocation {
    if (node) {
      const { file, line, column } = node.source;
      return (this.byNode[node.index] ??= { file, line, column });
    }
    const source = this.acceptanceOf(subject)?.source;
    if (source) return { file: source.file, line: source.line, column: source.column };
    return (this.fallback ??= { file: this.graph.files[0] ?? '', line: 1, column: 1 });
  }

  /** Looked up, not searched: a model may hold thousands of acceptances, each the subject of a finding. */
  private acceptanceOf(pattern: string): Acceptance | undefined {
    if (!this.acceptances) {
      this.acceptances = new Map();
      for (const a of this.graph.accepted) if (!this.acceptances.has(a.finding)) this.acceptances.set(a.finding, a);
    }
    return this.acceptances.get(pattern);
  }
}
