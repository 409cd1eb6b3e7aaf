import type { Endpoints } from './endpoints.js';
import type { PathIndex } from './projection.js';
import { reachFrom } from './reach.js';

/**
 * A smallest set of steps whose removal leaves no route from any source to any target: a minimum
 * edge cut, from a unit-capacity maximum flow between an implicit super-source feeding every
 * source and an implicit super-sink fed by every target (Dinic: breadth-first levels, then
 * blocking flows found by an iterative depth-first search with per-node pointers). The residual
 * graph is the projection itself plus one flow bit per step, so the flow allocates next to nothing.
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
  const M = index.steps;
  const { outStart, edgeTo, edgeFrom, inStart, inEdge } = index;
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
  const relevant = relevantSteps(index, ends, fwd, bwd, isSrc, isDst);

  const flow = new Uint8Array(M);
  const level = new Int32Array(N);
  const it = new Int32Array(N);
  const queue = new Int32Array(N);
  // The path of the current search: the step and whether it is walked backward (cancelling flow).
  const pathEdge = new Int32Array(N + 1);
  const pathBack = new Uint8Array(N + 1);
  const outDeg = (u: number) => outStart[u + 1]! - outStart[u]!;
  let work = 0;

  /** Breadth-first levels from the sources over residual steps; the level at which a target is met, or -1. */
  const levels = (): number => {
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
        if (!relevant[k] || flow[k]) continue;
        const v = edgeTo[k]!;
        if (level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
      for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
        const e = inEdge[k]!;
        if (!relevant[e] || !flow[e]) continue;
        const v = edgeFrom[e]!;
        if (level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
      work += outStart[u + 1]! - outStart[u]! + inStart[u + 1]! - inStart[u]!;
    }
    return sink;
  };

  // A step straight from a source to a target is a path of its own, disjoint from every other:
  // some maximum flow saturates it, so it is saturated at once and the phases skip it.
  for (const s of src) for (let k = outStart[s]!; k < outStart[s + 1]!; k++) if (relevant[k] && isDst[edgeTo[k]!]) flow[k] = 1;

  let exhausted = false;
  phases: for (;;) {
    const sink = levels();
    if (sink < 0) break;
    it.fill(0);
    for (const s of src) {
      let depth = 0;
      let u = s;
      while (level[s]! >= 0) {
        if (++work > budget) {
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
        const od = outDeg(u);
        const total = od + inStart[u + 1]! - inStart[u]!;
        if (!isDst[u]) {
          for (; it[u]! < total; it[u]!++) {
            const i = it[u]!;
            if (i < od) {
              const k = outStart[u]! + i;
              if (!relevant[k] || flow[k]) continue;
              const v = edgeTo[k]!;
              if (level[v] !== level[u]! + 1) continue;
              pathEdge[depth] = k;
              pathBack[depth] = 0;
              depth++;
              u = v;
            } else {
              const e = inEdge[inStart[u]! + i - od]!;
              if (!relevant[e] || !flow[e]) continue;
              const v = edgeFrom[e]!;
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
        u = pathBack[depth] ? edgeTo[e]! : edgeFrom[e]!;
        it[u]!++;
      }
    }
  }

  if (exhausted) {
    const out: number[] = [];
    const into: number[] = [];
    for (let e = 0; e < M; e++) {
      if (!relevant[e]) continue;
      if (isSrc[edgeFrom[e]!]) out.push(e);
      if (isDst[edgeTo[e]!]) into.push(e);
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
      if (relevant[k] && !flow[k] && !side[edgeTo[k]!]) {
        side[edgeTo[k]!] = 1;
        queue[tail++] = edgeTo[k]!;
      }
    }
    for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
      const e = inEdge[k]!;
      if (relevant[e] && flow[e] && !side[edgeFrom[e]!]) {
        side[edgeFrom[e]!] = 1;
        queue[tail++] = edgeFrom[e]!;
      }
    }
  }
  const edges: number[] = [];
  for (let e = 0; e < M; e++) if (relevant[e] && side[edgeFrom[e]!] && !side[edgeTo[e]!]) edges.push(e);
  return { edges, minimal: true, uncuttable };
}

/**
 * The steps on some source-to-target route: reached from a source, reaching a target, neither
 * into a source nor out of a target, nor at a node that is both.
 */
function relevantSteps(index: PathIndex, ends: Endpoints, fwd: Uint8Array, bwd: Uint8Array, isSrc: Uint8Array, isDst: Uint8Array): Uint8Array {
  const { edgeFrom, edgeTo } = index;
  const M = index.steps;
  const relevant = new Uint8Array(M);
  for (let e = 0; e < M; e++) {
    const u = edgeFrom[e]!;
    const v = edgeTo[e]!;
    if (fwd[u] && bwd[v] && !isDst[u] && !isSrc[v] && !(ends.isSource[u] && ends.isTarget[u]) && !(ends.isSource[v] && ends.isTarget[v])) relevant[e] = 1;
  }
  return relevant;
}
