import type { PathIndex } from './projection.js';

/**
 * Plain reachability over the projection (every step, any number of hops, no path rules):
 * breadth-first search, strongly connected components and set propagation over their
 * condensation. All iterative, all linear in the projection (times the bitset width for sets).
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

/** Bits per chunk of a set propagation: bounds memory at (components x CHUNK_BITS / 8) bytes. */
const CHUNK_BITS = 2048;

export interface Propagation {
  /** Per component (those asked for): distinct items in its reach set. */
  count: Int32Array;
  /** Per component (those asked for): the summed weight of those items. */
  score: Float64Array;
}

/** One chunk of items during a propagation: positions lo..hi-1 of `order`. */
export interface ChunkView {
  lo: number;
  hi: number;
  /** Item at each position. */
  order: Int32Array;
  words: number;
  /** ORs component c's reach set (within the chunk) into `target` (`words` words). */
  orInto(c: number, target: Uint32Array): void;
}

/**
 * For each component, the set of items reachable from it (`down`: along steps; `up`: against
 * them), counted and weighted. `itemOf` maps a projection node to its item (several nodes may
 * share one) or -1. Items are processed in chunks of one weight, as a bitset row per component;
 * a component with no successor (a leaf) keeps no row, its few own items are set directly.
 * Counts are computed only for the components flagged in `wanted`.
 */
export function propagate(
  index: PathIndex,
  cond: Condensation,
  itemOf: Int32Array,
  weights: Float64Array,
  direction: 'down' | 'up',
  wanted: Uint8Array,
  onChunk?: (view: ChunkView) => void,
): Propagation {
  const items = weights.length;
  const C = cond.count;
  const count = new Int32Array(C);
  const score = new Float64Array(C);
  if (!items || !C) return { count, score };

  const order = new Int32Array(items);
  for (let i = 0; i < items; i++) order[i] = i;
  order.sort((a, b) => weights[b]! - weights[a]! || a - b);
  const pos = new Int32Array(items);
  for (let i = 0; i < items; i++) pos[order[i]!] = i;

  const { comp, memberStart, members } = cond;
  const { outStart, edgeTo, inStart, inEdge, edgeFrom } = index;
  const down = direction === 'down';
  const seen = new Int32Array(C).fill(-1);

  // Own items per component (as positions), and each component's successors, deduplicated.
  const ownStart = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) {
    let n = 0;
    for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) if (itemOf[members[k]!]! >= 0) n++;
    ownStart[c + 1] = ownStart[c]! + n;
  }
  const own = new Int32Array(ownStart[C]!);
  for (let c = 0, j = 0; c < C; c++) {
    for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) {
      const it = itemOf[members[k]!]!;
      if (it >= 0) own[j++] = pos[it]!;
    }
  }
  const succStart = new Int32Array(C + 1);
  let succ = new Int32Array(Math.max(16, C));
  let ns = 0;
  for (let c = 0; c < C; c++) {
    for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) {
      const v = members[k]!;
      const end = down ? outStart[v + 1]! : inStart[v + 1]!;
      for (let x = down ? outStart[v]! : inStart[v]!; x < end; x++) {
        const c2 = comp[down ? edgeTo[x]! : edgeFrom[inEdge[x]!]!]!;
        if (c2 === c || seen[c2] === c) continue;
        seen[c2] = c;
        if (ns === succ.length) {
          const grown = new Int32Array(ns * 2);
          grown.set(succ);
          succ = grown;
        }
        succ[ns++] = c2;
      }
    }
    succStart[c + 1] = ns;
  }
  // Rows only for components that have successors.
  const slot = new Int32Array(C).fill(-1);
  let slots = 0;
  for (let c = 0; c < C; c++) if (succStart[c + 1]! > succStart[c]!) slot[c] = slots++;

  let bits = new Uint32Array(0);
  // Per row, the words that may be non-zero: [rowLo, rowHi). Most rows reach few items of a chunk,
  // so ORing and counting only that range skips most of the zero words.
  const rowLo = new Int32Array(slots);
  const rowHi = new Int32Array(slots);
  let lo = 0;
  while (lo < items) {
    const w = weights[order[lo]!]!;
    let hi = lo;
    while (hi < items && hi - lo < CHUNK_BITS && weights[order[hi]!] === w) hi++;
    const W = (hi - lo + 31) >>> 5;
    if (bits.length < slots * W) bits = new Uint32Array(slots * W);
    else bits.fill(0, 0, slots * W);
    // Sets c's own items of the chunk in `target` at `base`, widening the touched word range.
    let touchedLo = 0;
    let touchedHi = 0;
    const setOwn = (c: number, target: Uint32Array, base: number) => {
      for (let j = ownStart[c]!; j < ownStart[c + 1]!; j++) {
        const p = own[j]!;
        if (p < lo || p >= hi) continue;
        const q = (p - lo) >>> 5;
        target[base + q]! |= 1 << ((p - lo) & 31);
        if (q < touchedLo) touchedLo = q;
        if (q + 1 > touchedHi) touchedHi = q + 1;
      }
    };
    for (let step = 0; step < C; step++) {
      const c = down ? step : C - 1 - step;
      const row = slot[c]!;
      if (row < 0) {
        if (wanted[c]) {
          let n = 0;
          for (let j = ownStart[c]!; j < ownStart[c + 1]!; j++) if (own[j]! >= lo && own[j]! < hi) n++;
          count[c]! += n;
          score[c]! += n * w;
        }
        continue;
      }
      const base = row * W;
      touchedLo = W;
      touchedHi = 0;
      setOwn(c, bits, base);
      for (let j = succStart[c]!; j < succStart[c + 1]!; j++) {
        const c2 = succ[j]!;
        const r2 = slot[c2]!;
        if (r2 < 0) setOwn(c2, bits, base);
        else {
          const a = rowLo[r2]!;
          const b = rowHi[r2]!;
          if (a >= b) continue;
          const base2 = r2 * W;
          for (let q = a; q < b; q++) bits[base + q]! |= bits[base2 + q]!;
          if (a < touchedLo) touchedLo = a;
          if (b > touchedHi) touchedHi = b;
        }
      }
      rowLo[row] = touchedLo;
      rowHi[row] = touchedHi;
      if (wanted[c]) {
        let n = 0;
        for (let q = touchedLo; q < touchedHi; q++) n += popcount(bits[base + q]!);
        count[c]! += n;
        score[c]! += n * w;
      }
    }
    onChunk?.({
      lo,
      hi,
      order,
      words: W,
      orInto: (c, target) => {
        const row = slot[c]!;
        if (row < 0) setOwn(c, target, 0);
        else for (let q = rowLo[row]!; q < rowHi[row]!; q++) target[q]! |= bits[row * W + q]!;
      },
    });
    lo = hi;
  }
  return { count, score };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return (x * 0x01010101) >>> 24;
}
