import type { Endpoints } from './endpoints.js';
import type { PathIndex } from './projection.js';

/**
 * Hop-bounded cost bounds, by dynamic programming over hop layers (Bellman-Ford by hop count,
 * relaxing only from the nodes whose bound changed in the previous layer).
 *
 * `layersFromSources(r, v)`: the cheapest way to reach v from a source in at most r hops. It
 * follows the path rules (no source after the first node) but not simplicity, so it is a lower
 * bound of the cost of any simple path: the exact potential of the ranked search, consistent across
 * a step because each layer is the minimum over the previous one.
 * Layer r of node v is at `r * size + v`.
 */
export interface Layers {
  readonly hops: number;
  readonly size: number;
  /** Integer costs; `UNREACHED` where there is no route. */
  readonly cost: Int32Array;
}

/** Marks a node with no route in a cost layer. Costs stay below it while hops are at most `MAX_HOPS`. */
export const UNREACHED = 0x7fffffff;

/** The largest hop bound: with it, every path cost fits in 31 bits. */
export const MAX_HOPS = 64;

export function layersFromSources(index: PathIndex, ends: Endpoints, hops: number): Layers {
  const N = index.size;
  const cost = new Int32Array((hops + 1) * N).fill(UNREACHED);
  let frontier: number[] = [];
  for (let v = 0; v < N; v++) {
    if (ends.isSource[v]) {
      cost[v] = ends.sourceCost[v]!;
      frontier.push(v);
    }
  }
  const { outStart, edgeTo, edgeCost } = index;
  const mark = new Int32Array(N).fill(-1);
  for (let r = 1; r <= hops; r++) {
    const prev = (r - 1) * N;
    const cur = r * N;
    cost.copyWithin(cur, prev, prev + N);
    const next: number[] = [];
    for (const u of frontier) {
      const cu = cost[prev + u]!;
      for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
        const v = edgeTo[k]!;
        if (ends.isSource[v]) continue;
        const c = cu + edgeCost[k]!;
        if (c < cost[cur + v]!) {
          cost[cur + v] = c;
          if (mark[v] !== r) {
            mark[v] = r;
            next.push(v);
          }
        }
      }
    }
    frontier = next;
  }
  return { hops, size: N, cost };
}

/**
 * The cheapest walk cost from a source to each node with no hop bound (relaxation to a fixed
 * point, capped at `maxRounds` rounds). Compared with the bounded layers, it tells whether the hop
 * bound hid a more likely route.
 */
export function unboundedFromSources(index: PathIndex, ends: Endpoints, start: Layers, maxRounds: number): { cost: Int32Array; converged: boolean } {
  const N = index.size;
  const cost = start.cost.slice(start.hops * N, (start.hops + 1) * N);
  const { outStart, edgeTo, edgeCost } = index;
  let frontier: number[] = [];
  const prevLayer = start.hops > 0 ? (start.hops - 1) * N : -1;
  for (let v = 0; v < N; v++) {
    if (cost[v] === UNREACHED) continue;
    if (prevLayer < 0 || cost[v]! < start.cost[prevLayer + v]!) frontier.push(v);
  }
  const mark = new Int32Array(N).fill(-1);
  for (let round = 0; round < maxRounds; round++) {
    if (!frontier.length) return { cost, converged: true };
    const next: number[] = [];
    for (const u of frontier) {
      const cu = cost[u]!;
      for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
        const v = edgeTo[k]!;
        if (ends.isSource[v]) continue;
        const c = cu + edgeCost[k]!;
        if (c < cost[v]!) {
          cost[v] = c;
          if (mark[v] !== round) {
            mark[v] = round;
            next.push(v);
          }
        }
      }
    }
    frontier = next;
  }
  return { cost, converged: frontier.length === 0 };
}
