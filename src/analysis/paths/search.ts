import type { Endpoints } from './endpoints.js';
import { MinHeap } from './heap.js';
import { UNREACHED, type Layers } from './potentials.js';
import type { PathIndex } from './projection.js';

/**
 * Ranked loop-free paths, most likely first, by best-first search over partial paths with an
 * exact potential (A* on the tree of simple paths), grown backward from the targets.
 *
 * The path rules: a path has 1..maxHops steps, starts at a source, ends at a target, has no source
 * after its first node, and visits each entity at most once (a store's tainted and plain states
 * count as one entity). Its cost is its source's cost plus its steps' costs plus its target's.
 *
 * Why the order is exact: a partial path's key is its cost so far plus the hop-bounded lower bound
 * of finishing it (`Layers`). That bound ignores only simplicity, so it never overestimates, and
 * it is consistent (a layer is the minimum over its successors), so keys never decrease along an
 * extension. Complete paths therefore leave the heap in nondecreasing cost. Paths of equal cost are
 * gathered and emitted in the canonical order (cost, hops, entity ids, states, steps), so that the
 * first k are the same k that enumerating every path and sorting would give.
 */
export interface RawPath {
  /** Projection nodes, first to last. */
  nodes: number[];
  /** Projection edges, one per hop. */
  edges: number[];
  cost: number;
}

export interface SearchLimits {
  maxHops: number;
  /** Heap pops before the search gives up (deterministic budget, no clock). */
  budget: number;
  /** Paths of one cost gathered before they are emitted unsorted. */
  tieCap: number;
}

export interface SearchOutcome {
  /** The budget ran out before the search ended. */
  budgetHit: boolean;
  /** A batch of equal-cost paths exceeded `tieCap`: their order is the search's, not canonical. */
  tiesCut: boolean;
}

/** Compares two complete paths in the canonical order. */
export function comparePaths(index: PathIndex, a: RawPath, b: RawPath): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
  const ent = index.entity;
  for (let i = 0; i < a.nodes.length; i++) {
    const d = ent[a.nodes[i]!]! - ent[b.nodes[i]!]!;
    if (d) return d;
  }
  for (let i = 0; i < a.nodes.length; i++) {
    const d = a.nodes[i]! - b.nodes[i]!;
    if (d) return d;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const d = index.edgeStep[a.edges[i]!]! - index.edgeStep[b.edges[i]!]!;
    if (d) return d;
  }
  return 0;
}

/** Partial paths as parent-linked states (a shared-prefix tree). */
class States {
  node: number[] = [];
  parent: number[] = [];
  edge: number[] = [];
  cost: number[] = [];
  hops: number[] = [];

  add(node: number, parent: number, edge: number, cost: number, hops: number): number {
    this.node.push(node);
    this.parent.push(parent);
    this.edge.push(edge);
    this.cost.push(cost);
    this.hops.push(hops);
    return this.node.length - 1;
  }

  /** Whether `entity` is already on the partial path ending at state `s`. */
  holds(index: PathIndex, s: number, entity: number): boolean {
    const ent = index.entity;
    for (let x = s; x >= 0; x = this.parent[x]!) if (ent[this.node[x]!] === entity) return true;
    return false;
  }
}

/**
 * Emits complete paths popped from the heap, holding back equal-cost ones until their cost is
 * settled, then sorting them canonically.
 */
class Batcher {
  private batch: RawPath[] = [];
  private batchCost = -1;
  constructor(
    private readonly index: PathIndex,
    private readonly tieCap: number,
    private readonly outcome: SearchOutcome,
  ) {}

  /** Paths ready to emit once the smallest key left is `key`. */
  settle(key: number): RawPath[] {
    if (!this.batch.length || key <= this.batchCost) return [];
    return this.flush();
  }

  add(path: RawPath): RawPath[] {
    const out = this.settle(path.cost);
    this.batch.push(path);
    this.batchCost = path.cost;
    if (this.batch.length >= this.tieCap) {
      this.outcome.tiesCut = true;
      out.push(...this.flush());
    }
    return out;
  }

  flush(): RawPath[] {
    const out = this.batch.sort((a, b) => comparePaths(this.index, a, b));
    this.batch = [];
    return out;
  }
}

/**
 * Ranked paths into the targets whose projection nodes are `starts`, searched backward from them
 * with `fromSources` as the potential: every target for the global ranking, one jewel's nodes for
 * its own ranking. Yields paths in the canonical order; the consumer stops pulling when it has
 * enough.
 */
export function* rankBackward(
  index: PathIndex,
  ends: Endpoints,
  starts: readonly number[],
  fromSources: Layers,
  limits: SearchLimits,
  outcome: SearchOutcome,
): Generator<RawPath, void, undefined> {
  const N = index.size;
  const D = limits.maxHops;
  const pot = fromSources.cost;
  const { inStart, inEdge, edgeFrom, edgeCost, entity } = index;
  const states = new States();
  const heap = new MinHeap();
  const batcher = new Batcher(index, limits.tieCap, outcome);
  for (const t of starts) {
    if (!ends.isTarget[t] || ends.isSource[t]) continue;
    const h = pot[D * N + t]!;
    if (h === UNREACHED) continue;
    const g = ends.targetCost[t]!;
    heap.push(g + h, states.add(t, -1, -1, g, 0));
  }
  let pops = 0;
  while (heap.size) {
    if (++pops > limits.budget) {
      outcome.budgetHit = true;
      break;
    }
    const key = heap.peekKey();
    yield* batcher.settle(key);
    const item = heap.pop();
    if (item < 0) {
      yield* batcher.add(unwindBackward(states, ~item, key));
      continue;
    }
    const v = states.node[item]!;
    const hops = states.hops[item]!;
    if (hops >= D) continue;
    const g = states.cost[item]!;
    const r = D - hops - 1;
    for (let k = inStart[v]!; k < inStart[v + 1]!; k++) {
      const e = inEdge[k]!;
      const u = edgeFrom[e]!;
      const h = pot[r * N + u]!;
      if (h === UNREACHED) continue;
      if (states.holds(index, item, entity[u]!)) continue;
      const g2 = g + edgeCost[e]!;
      const s2 = states.add(u, item, e, g2, hops + 1);
      // A source can only start a path: the partial path is complete, and its key is exact.
      if (ends.isSource[u]) heap.push(g2 + ends.sourceCost[u]!, ~s2);
      else if (hops + 1 < D) heap.push(g2 + h, s2);
    }
  }
  yield* batcher.flush();
}

function unwindBackward(states: States, s: number, cost: number): RawPath {
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let x = s; x >= 0; x = states.parent[x]!) {
    nodes.push(states.node[x]!);
    if (states.edge[x]! >= 0) edges.push(states.edge[x]!);
  }
  return { nodes, edges, cost };
}

/** Pulls up to `k` paths from a ranked generator. */
export function take(gen: Iterator<RawPath>, k: number): RawPath[] {
  const out: RawPath[] = [];
  while (out.length < k) {
    const next = gen.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}
