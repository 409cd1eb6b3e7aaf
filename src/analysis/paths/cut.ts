import type { Endpoints } from './endpoints.js';
import type { PathIndex } from './projection.js';
import { reachFrom } from './reach.js';

/**
 * A smallest set of steps whose removal leaves no route from any source to any target: a minimum
 * edge cut, from a unit-capacity maximum flow between an implicit super-source feeding every
 * source and an implicit super-sink fed by every target (Dinic: breadth-first levels, then
 * blocking flows found by an iterative depth-first search with per-node pointers). The flow runs
 * on a compact copy of the relevant steps (see `relevantNetwork`) plus one flow bit per step.
 *
 * Only steps on some source-to-target route count. Steps into a source and out of a target are
 * left out: every route through them has a shorter one that starts later or ends sooner, which the
 * cut must cut anyway. A node that is both a source and a target cannot be separated by any step;
 * it is set aside and reported. When the work budget runs out, the cut falls back to the smaller of
 * "every step out of a source" and "every step into a target": valid, not proven minimal.
 */
export interface CutResult {
  /** Projection edges of the cut, ascending. */
  edges: number[];
  minimal: boolean;
  /** Projection nodes that are both source and target. */
  uncuttable: number[];
}

/** Reachability the caller already has: from all sources forward, from all targets backward. */
export interface KnownReach {
  fromSources: Uint8Array;
  toTargets: Uint8Array;
}

export function minimumCut(index: PathIndex, ends: Endpoints, budget: number, known?: KnownReach): CutResult {
  const N = index.size;
  const uncuttable: number[] = [];
  const src: number[] = [];
  const dst: number[] = [];
  const isSrc = new Uint8Array(N);
  const isDst = new Uint8Array(N);
  for (let v = 0; v < N; v++) {
    if (ends.isSource[v] && ends.isTarget[v]) uncuttable.push(v);
    else if (ends.isSource[v]) {
      src.push(v);
      isSrc[v] = 1;
    } else if (ends.isTarget[v]) {
      dst.push(v);
      isDst[v] = 1;
    }
  }
  // The caller's reach sets also start from the nodes set aside as uncuttable. That only marks
  // more steps relevant next to nodes no source reaches or that reach no target, which no
  // augmenting path can use (flow into a node always continues to a target): flow and cut are
  // the same.
  const fwd = known ? known.fromSources : reachFrom(index, src);
  const bwd = known ? known.toTargets : reachFrom(index, dst, true);
  const net = relevantNetwork(index, ends, fwd, bwd, isSrc, isDst);
  const { outStart, to, inStart, inEdge, from } = net;
  const M = net.steps;

  const flow = new Uint8Array(M);
  const level = new Int32Array(N);
  const it = new Int32Array(N);
  const queue = new Int32Array(N);
  // The path of the current search: the step and whether it is walked backward (cancelling flow).
  const pathEdge = new Int32Array(N + 1);
  const pathBack = new Uint8Array(N + 1);
  const work = { done: 0 };

  // A step straight from a source to a target is a path of its own, disjoint from every other:
  // some maximum flow saturates it, so it is saturated at once and the phases skip it.
  for (const s of src) for (let k = outStart[s]!; k < outStart[s + 1]!; k++) if (isDst[to[k]!]) flow[k] = 1;

  let exhausted = false;
  phases: for (;;) {
    const sink = levels(net, src, isDst, flow, level, queue, work);
    if (sink < 0) break;
    it.fill(0);
    for (const s of src) {
      let depth = 0;
      let u = s;
      while (level[s]! >= 0) {
        if (++work.done > budget) {
          exhausted = true;
          break phases;
        }
        if (isDst[u] && level[u]! + 1 === sink) {
          for (let i = 0; i < depth; i++) flow[pathEdge[i]!] = pathBack[i] ? 0 : 1;
          depth = 0;
          u = s;
          continue;
        }
        let advanced = false;
        const od = outStart[u + 1]! - outStart[u]!;
        const total = od + inStart[u + 1]! - inStart[u]!;
        if (!isDst[u]) {
          for (; it[u]! < total; it[u]!++) {
            const i = it[u]!;
            if (i < od) {
              const k = outStart[u]! + i;
              if (flow[k]) continue;
              const v = to[k]!;
              if (level[v] !== level[u]! + 1) continue;
              pathEdge[depth] = k;
              pathBack[depth] = 0;
              depth++;
              u = v;
            } else {
              const e = inEdge[inStart[u]! + i - od]!;
              if (!flow[e]) continue;
              const v = from[e]!;
              if (level[v] !== level[u]! + 1) continue;
              pathEdge[depth] = e;
              pathBack[depth] = 1;
              depth++;
              u = v;
            }
            advanced = true;
            break;
          }
        }
        if (advanced) continue;
        // Dead end: retire the node for this phase and step back.
        level[u] = -1;
        if (depth === 0) break;
        depth--;
        const e = pathEdge[depth]!;
        u = pathBack[depth] ? to[e]! : from[e]!;
        it[u]!++;
      }
    }
  }

  if (exhausted) {
    const out: number[] = [];
    const into: number[] = [];
    for (let e = 0; e < M; e++) {
      if (isSrc[from[e]!]) out.push(net.step[e]!);
      if (isDst[to[e]!]) into.push(net.step[e]!);
    }
    return { edges: out.length <= into.length ? out : into, minimal: false, uncuttable };
  }

  // The cut: steps from the part the sources still reach in the residual graph to the rest.
  const side = new Uint8Array(N);
  let head = 0;
  let tail = 0;
  for (const s of src) {
    side[s] = 1;
    queue[tail++] = s;
  }
  while (head < tail) {
    const u = queue[head++]!;
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      if (!flow[k] && !side[to[k]!]) {
        side[to[k]!] = 1;
        queue[tail++] = to[k]!;
      }
    }
    for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
      const e = inEdge[k]!;
      if (flow[e] && !side[from[e]!]) {
        side[from[e]!] = 1;
        queue[tail++] = from[e]!;
      }
    }
  }
  const edges: number[] = [];
  for (let e = 0; e < M; e++) if (side[from[e]!] && !side[to[e]!]) edges.push(net.step[e]!);
  return { edges, minimal: true, uncuttable };
}

/**
 * The flow network: only the steps on some source-to-target route (reached from a source,
 * reaching a target, neither into a source nor out of a target, nor at a node that is both), in
 * compressed rows out and in. In a large estate about half the steps are left out, and every
 * phase of the flow walks the rest only.
 */
interface Network {
  steps: number;
  /** The projection step of each network edge; network edges follow projection order. */
  step: Int32Array;
  from: Int32Array;
  to: Int32Array;
  outStart: Int32Array;
  inStart: Int32Array;
  /** Network edges by target node. */
  inEdge: Int32Array;
}

function relevantNetwork(index: PathIndex, ends: Endpoints, fwd: Uint8Array, bwd: Uint8Array, isSrc: Uint8Array, isDst: Uint8Array): Network {
  const { edgeFrom, edgeTo } = index;
  const N = index.size;
  const M = index.steps;
  const relevant = new Uint8Array(M);
  let count = 0;
  for (let e = 0; e < M; e++) {
    const u = edgeFrom[e]!;
    const v = edgeTo[e]!;
    if (fwd[u] && bwd[v] && !isDst[u] && !isSrc[v] && !(ends.isSource[u] && ends.isTarget[u]) && !(ends.isSource[v] && ends.isTarget[v])) {
      relevant[e] = 1;
      count++;
    }
  }
  const step = new Int32Array(count);
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  const outStart = new Int32Array(N + 1);
  const inStart = new Int32Array(N + 1);
  for (let e = 0, k = 0; e < M; e++) {
    if (!relevant[e]) continue;
    step[k] = e;
    from[k] = edgeFrom[e]!;
    to[k] = edgeTo[e]!;
    outStart[from[k]! + 1]!++;
    inStart[to[k]! + 1]!++;
    k++;
  }
  for (let v = 0; v < N; v++) {
    outStart[v + 1]! += outStart[v]!;
    inStart[v + 1]! += inStart[v]!;
  }
  const inEdge = new Int32Array(count);
  const fill = inStart.slice(0, N);
  for (let k = 0; k < count; k++) inEdge[fill[to[k]!]!++] = k;
  return { steps: count, step, from, to, outStart, inStart, inEdge };
}

/** Breadth-first levels from the sources over residual steps; the level at which a target is met, or -1. */
function levels(net: Network, src: readonly number[], isDst: Uint8Array, flow: Uint8Array, level: Int32Array, queue: Int32Array, work: { done: number }): number {
  const { outStart, to, inStart, inEdge, from } = net;
  level.fill(-1);
  let head = 0;
  let tail = 0;
  for (const s of src) {
    level[s] = 0;
    queue[tail++] = s;
  }
  let sink = -1;
  while (head < tail) {
    const u = queue[head++]!;
    if (sink >= 0 && level[u]! >= sink) break;
    if (isDst[u]) {
      sink = level[u]! + 1;
      continue;
    }
    for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
      if (flow[k]) continue;
      const v = to[k]!;
      if (level[v] === -1) {
        level[v] = level[u]! + 1;
        queue[tail++] = v;
      }
    }
    for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
      const e = inEdge[k]!;
      if (!flow[e]) continue;
      const v = from[e]!;
      if (level[v] === -1) {
        level[v] = level[u]! + 1;
        queue[tail++] = v;
      }
    }
    work.done += outStart[u + 1]! - outStart[u]! + inStart[u + 1]! - inStart[u]!;
  }
  return sink;
}
