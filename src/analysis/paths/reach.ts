import type { PathIndex } from './projection.js';

/**
 * Plain reachability over the projection (every step, any number of hops, no path rules):
 * breadth-first search and strongly connected components, iterative and linear in the
 * projection. Set propagation over the condensation is in `propagate.ts`.
 */

/** Projection nodes reachable from `starts` (the starts included). */
export function reachFrom(index: PathIndex, starts: Iterable<number>, backward = false): Uint8Array {
  const N = index.size;
  const seen = new Uint8Array(N);
  const queue = new Int32Array(N);
  let head = 0;
  let tail = 0;
  for (const s of starts) {
    if (!seen[s]) {
      seen[s] = 1;
      queue[tail++] = s;
    }
  }
  const { outStart, edgeTo, inStart, inEdge, edgeFrom } = index;
  while (head < tail) {
    const u = queue[head++]!;
    if (backward) {
      for (let k = inStart[u]!; k < inStart[u + 1]!; k++) {
        const w = edgeFrom[inEdge[k]!]!;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    } else {
      for (let k = outStart[u]!; k < outStart[u + 1]!; k++) {
        const w = edgeTo[k]!;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
  }
  return seen;
}

export interface Condensation {
  /** Component of each projection node. Components are numbered in Tarjan completion order,
   * so every step between two components goes from a higher number to a lower one. */
  comp: Int32Array;
  count: number;
  /** Projection nodes grouped by component: `members[memberStart[c] .. memberStart[c+1])`. */
  memberStart: Int32Array;
  members: Int32Array;
}

/** Strongly connected components by Tarjan's algorithm with an explicit call stack. */
export function condense(index: PathIndex): Condensation {
  const N = index.size;
  const { outStart, edgeTo } = index;
  const order = new Int32Array(N).fill(-1);
  const low = new Int32Array(N);
  const onStack = new Uint8Array(N);
  const stack = new Int32Array(N);
  const callNode = new Int32Array(N);
  const callEdge = new Int32Array(N);
  const comp = new Int32Array(N);
  let sp = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < N; root++) {
    if (order[root] !== -1) continue;
    let csp = 0;
    order[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[csp] = root;
    callEdge[csp] = outStart[root]!;
    csp++;
    while (csp > 0) {
      const v = callNode[csp - 1]!;
      const k = callEdge[csp - 1]!;
      if (k < outStart[v + 1]!) {
        callEdge[csp - 1] = k + 1;
        const w = edgeTo[k]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[csp] = w;
          callEdge[csp] = outStart[w]!;
          csp++;
        } else if (onStack[w] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      csp--;
      if (low[v] === order[v]) {
        let x: number;
        do {
          x = stack[--sp]!;
          onStack[x] = 0;
          comp[x] = count;
        } while (x !== v);
        count++;
      }
      if (csp > 0) {
        const u = callNode[csp - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  const memberStart = new Int32Array(count + 1);
  for (let v = 0; v < N; v++) memberStart[comp[v]! + 1]!++;
  for (let c = 0; c < count; c++) memberStart[c + 1]! += memberStart[c]!;
  const members = new Int32Array(N);
  const fill = memberStart.slice(0, count);
  for (let v = 0; v < N; v++) members[fill[comp[v]!]!++] = v;
  return { comp, count, memberStart, members };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return (x * 0x01010101) >>> 24;
}
