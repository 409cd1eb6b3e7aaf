import { NODE_KINDS } from '../../model/schema.js';
import type { Endpoints } from './endpoints.js';
import type { PathIndex } from './projection.js';
import type { Condensation } from './reach.js';

/** What a node's reach set holds, for the blast-radius listing. */
export interface BlastSummary {
  /** Distinct entities reached (the node's own included). */
  reaches: number;
  /** Crown jewels reached, by node kind (position in NODE_KINDS). */
  byKind: Int32Array;
  /** The first crown jewels reached, by impact then id: one more than listed, for the node itself. */
  top: number[];
}

const TOP = 11;

/**
 * Reach-set summaries of the few agents and credentials the listing names, one per component.
 * A search from a node stops where the set of a known component takes over; the largest
 * component's set is computed the first time a search enters it. When a single known set took
 * over (in a dense estate, the giant component's), the summary is that set's, extended by the
 * few nodes the search found itself; otherwise the union is built and summarized in full.
 */
export class BlastSummaries {
  private readonly known = new Map<number, Uint8Array>();
  private readonly summaries = new Map<number, BlastSummary>();
  /** Full summaries of known sets, with their entities. */
  private readonly bases = new Map<number, BlastSummary & { entities: Uint8Array }>();
  private readonly largest: number;
  /** Marks of the current search (nodes) and extension (entities). */
  private readonly mark: Int32Array;
  private readonly entityMark: Int32Array;
  private round = 0;

  constructor(
    private readonly index: PathIndex,
    private readonly ends: Endpoints,
    private readonly cond: Condensation,
  ) {
    const size = (c: number) => cond.memberStart[c + 1]! - cond.memberStart[c]!;
    let largest = 0;
    for (let c = 1; c < cond.count; c++) if (size(c) > size(largest)) largest = c;
    this.largest = largest;
    this.mark = new Int32Array(index.size);
    this.entityMark = new Int32Array(index.entities);
  }

  of(e: number): BlastSummary {
    const c = this.cond.comp[e]!;
    let sum = this.summaries.get(c);
    if (sum) return sum;
    const set = this.known.get(c);
    if (set) sum = this.base(c, set);
    else {
      const { found, covered } = this.search(e);
      if (covered.length === 1) sum = this.extend(this.base(covered[0]!, this.known.get(covered[0]!)!), found, this.known.get(covered[0]!)!);
      else {
        const seen = this.union(found, covered);
        this.known.set(c, seen);
        sum = this.base(c, seen);
      }
    }
    this.summaries.set(c, sum);
    return sum;
  }

  /** Nodes reachable from e up to the known sets that take over (marked with this round), and those sets. */
  private search(e: number): { found: number[]; covered: number[] } {
    const { index, known, mark } = this;
    const comp = this.cond.comp;
    const round = ++this.round;
    const found = [e];
    const covered = new Set<number>();
    mark[e] = round;
    for (let i = 0; i < found.length; i++) {
      const u = found[i]!;
      for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
        const v = index.edgeTo[k]!;
        if (mark[v] === round) continue;
        mark[v] = round;
        const c = comp[v]!;
        if (c !== comp[e] && c === this.largest && !known.has(c)) this.materialize(v);
        if (c !== comp[e] && known.has(c)) covered.add(c);
        else found.push(v);
      }
    }
    return { found, covered: [...covered].sort((a, b) => a - b) };
  }

  /** The full reach set of v's component, kept as known (its own marks: it runs inside a search). */
  private materialize(v: number): void {
    const { index, known } = this;
    const comp = this.cond.comp;
    const seen = new Uint8Array(index.size);
    const covered = new Set<number>();
    const stack = [v];
    seen[v] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
        const w = index.edgeTo[k]!;
        if (seen[w]) continue;
        seen[w] = 1;
        const c = comp[w]!;
        if (c !== comp[v] && known.has(c)) covered.add(c);
        else stack.push(w);
      }
    }
    for (const c of covered) {
      const set = known.get(c)!;
      for (let x = 0; x < seen.length; x++) if (set[x]) seen[x] = 1;
    }
    known.set(comp[v]!, seen);
  }

  private union(found: readonly number[], covered: readonly number[]): Uint8Array {
    const seen = new Uint8Array(this.index.size);
    for (const v of found) seen[v] = 1;
    for (const c of covered) {
      const set = this.known.get(c)!;
      for (let v = 0; v < seen.length; v++) if (set[v]) seen[v] = 1;
    }
    return seen;
  }

  /** The summary of a whole set, computed once per component. */
  private base(c: number, seen: Uint8Array): BlastSummary & { entities: Uint8Array } {
    let sum = this.bases.get(c);
    if (sum) return sum;
    const { index, ends } = this;
    const entities = new Uint8Array(index.entities);
    for (let v = 0; v < index.size; v++) if (seen[v]) entities[index.entity[v]!] = 1;
    let reaches = 0;
    const byKind = new Int32Array(NODE_KINDS.length);
    const jewels: number[] = [];
    for (let x = 0; x < index.entities; x++) {
      if (!entities[x]) continue;
      reaches++;
      if (this.isReachedJewel(x, (v) => seen[v] === 1)) {
        byKind[index.facts.kind[x]!]!++;
        jewels.push(ends.jewelOf[x]!);
      }
    }
    sum = { reaches, byKind, top: this.topOf(jewels), entities };
    this.bases.set(c, sum);
    return sum;
  }

  /** A base summary extended by the nodes one search found beyond the base's set. */
  private extend(base: BlastSummary & { entities: Uint8Array }, found: readonly number[], set: Uint8Array): BlastSummary {
    const { index, mark, entityMark } = this;
    const round = this.round;
    const inUnion = (v: number) => set[v] === 1 || mark[v] === round;
    const inBase = (v: number) => set[v] === 1;
    let reaches = base.reaches;
    const byKind = base.byKind.slice();
    const added: number[] = [];
    for (const v of found) {
      const x = index.entity[v]!;
      if (entityMark[x] === round) continue;
      entityMark[x] = round;
      if (!base.entities[x]) reaches++;
      else if (this.isReachedJewel(x, inBase)) continue;
      if (this.isReachedJewel(x, inUnion)) {
        byKind[index.facts.kind[x]!]!++;
        added.push(this.ends.jewelOf[x]!);
      }
    }
    return { reaches, byKind, top: added.length ? this.topOf([...base.top, ...added]) : base.top };
  }

  /** Whether entity x is a crown jewel reached in a set: its plain or tainted node, where a path may end. */
  private isReachedJewel(x: number, has: (v: number) => boolean): boolean {
    const { index, ends } = this;
    if (ends.jewelOf[x]! < 0) return false;
    const t = index.tainted[x]!;
    return (has(x) && ends.isTarget[x] === 1) || (t >= 0 && has(t) && ends.isTarget[t] === 1);
  }

  /** The first TOP jewels by impact (highest first), then by position (id order). */
  private topOf(jewels: number[]): number[] {
    const impact = (j: number) => this.ends.jewels[j]!.impact;
    return jewels.sort((a, b) => impact(b) - impact(a) || a - b).slice(0, TOP);
  }
}
