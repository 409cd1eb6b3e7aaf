import type { PathIndex } from './projection.js';
import { popcount, type Condensation } from './reach.js';

/**
 * Reach sets over the condensation of the projection, counted and weighted per component:
 * what each agent and credential reaches (blast radius), and which entries reach each jewel
 * (exposure). Linear in the projection times the bitset width.
 */

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
  /** The number of items in component c's reach set within the chunk. */
  count(c: number): number;
  /** Whether position p (lo <= p < hi) is in component c's reach set. */
  has(c: number, p: number): boolean;
  /** A key for component c's set within the chunk: equal keys, sets known to be the same. */
  setKey(c: number): number;
}

/** Lists per component, in compressed rows: `list[start[c] .. start[c+1])`. */
interface Rows {
  start: Int32Array;
  list: Int32Array;
}

/**
 * For each component, the set of items reachable from it (`down`: along steps; `up`: against
 * them), counted and weighted. `itemOf` maps a projection node to its item (several nodes may
 * share one) or -1. Items are processed in chunks of one weight, as a bitset row per component;
 * a component with no successor (a leaf) keeps no row, its few own items are set directly, and a
 * component whose set within a chunk is one successor's shares that successor's row.
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
  const sets = new ChunkSets(order, ownPositions(cond, itemOf, order), successorRows(index, cond, direction === 'down'));
  let lo = 0;
  while (lo < items) {
    const w = weights[order[lo]!]!;
    let hi = lo;
    while (hi < items && hi - lo < CHUNK_BITS && weights[order[hi]!] === w) hi++;
    sets.begin(lo, hi);
    for (let step = 0; step < C; step++) {
      const c = direction === 'down' ? step : C - 1 - step;
      sets.settle(c);
      if (!wanted[c]) continue;
      const n = sets.count(c);
      count[c]! += n;
      score[c]! += n * w;
    }
    onChunk?.(sets);
    lo = hi;
  }
  return { count, score };
}

/** Each component's own items, as positions in `order`, ascending. */
function ownPositions(cond: Condensation, itemOf: Int32Array, order: Int32Array): Rows {
  const C = cond.count;
  const { memberStart, members } = cond;
  const pos = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) pos[order[i]!] = i;
  const start = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) {
    let n = 0;
    for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) if (itemOf[members[k]!]! >= 0) n++;
    start[c + 1] = start[c]! + n;
  }
  const list = new Int32Array(start[C]!);
  for (let c = 0, j = 0; c < C; c++) {
    for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) {
      const it = itemOf[members[k]!]!;
      if (it >= 0) list[j++] = pos[it]!;
    }
    if (j - start[c]! > 1) list.subarray(start[c]!, j).sort();
  }
  // Several nodes of a component may share an item (a store's plain and tainted nodes): keep
  // each position once, compacting the rows in place.
  let kept = 0;
  for (let c = 0; c < C; c++) {
    const begin = start[c]!;
    const end = start[c + 1]!;
    start[c] = kept;
    for (let j = begin; j < end; j++) if (j === begin || list[j] !== list[j - 1]) list[kept++] = list[j]!;
  }
  start[C] = kept;
  return { start, list: list.subarray(0, kept) };
}

/** Each component's successors (`down`: along steps; otherwise against them), deduplicated. */
function successorRows(index: PathIndex, cond: Condensation, down: boolean): Rows {
  const C = cond.count;
  const { comp, memberStart, members } = cond;
  const { outStart, edgeTo, inStart, inEdge, edgeFrom } = index;
  const seen = new Int32Array(C).fill(-1);
  const start = new Int32Array(C + 1);
  let list = new Int32Array(Math.max(16, C));
  let n = 0;
  for (let c = 0; c < C; c++) {
    for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) {
      const v = members[k]!;
      const begin = down ? outStart[v]! : inStart[v]!;
      const end = down ? outStart[v + 1]! : inStart[v + 1]!;
      for (let x = begin; x < end; x++) {
        const c2 = comp[down ? edgeTo[x]! : edgeFrom[inEdge[x]!]!]!;
        if (c2 === c || seen[c2] === c) continue;
        seen[c2] = c;
        if (n === list.length) {
          const grown = new Int32Array(n * 2);
          grown.set(list);
          list = grown;
        }
        list[n++] = c2;
      }
    }
    start[c + 1] = n;
  }
  return { start, list };
}

/** A component's set in a chunk is empty. */
const EMPTY = -1;

/**
 * The reach sets of every component within one chunk of positions, settled one component at a
 * time, successors first. A component with successors holds its set in a bitset row: its own, or
 * the row of the one successor its set equals (in an estate with one large strongly connected
 * component, most of the others share that component's row instead of copying it).
 */
class ChunkSets implements ChunkView {
  lo = 0;
  hi = 0;
  words = 0;
  /** The rows of the chunk, `words` words each, handed out in turn as components need one. */
  private bits = new Uint32Array(0);
  private rows = 0;
  /** Per component: 1 if it has successors (and may need a row), 0 for a leaf. */
  private readonly inner: Uint8Array;
  /** Per component with successors: the row holding its set in this chunk, or EMPTY. */
  private readonly rowOf: Int32Array;
  /** Per row: the words that may be non-zero, [rowLo, rowHi), and its count once computed (-1 before). */
  private rowLo: Int32Array = new Int32Array(0);
  private rowHi: Int32Array = new Int32Array(0);
  private rowCount: Int32Array = new Int32Array(0);
  /** Per component: its own positions within the chunk, `own.list[ownLo .. ownHi)`. */
  private readonly ownLo: Int32Array;
  private readonly ownHi: Int32Array;

  constructor(
    readonly order: Int32Array,
    private readonly own: Rows,
    private readonly succ: Rows,
  ) {
    const C = own.start.length - 1;
    this.inner = new Uint8Array(C);
    for (let c = 0; c < C; c++) if (succ.start[c + 1]! > succ.start[c]!) this.inner[c] = 1;
    this.rowOf = new Int32Array(C);
    this.ownLo = new Int32Array(C);
    this.ownHi = own.start.slice(0, C);
  }

  begin(lo: number, hi: number): void {
    this.lo = lo;
    this.hi = hi;
    this.words = (hi - lo + 31) >>> 5;
    this.rows = 0;
  }

  /** A zeroed row for this chunk. */
  private newRow(): number {
    const row = this.rows++;
    const W = this.words;
    if (row >= this.rowLo.length) {
      const grown = Math.max(64, 2 * this.rowLo.length);
      this.rowLo = grow(this.rowLo, grown);
      this.rowHi = grow(this.rowHi, grown);
      this.rowCount = grow(this.rowCount, grown);
    }
    if ((row + 1) * W > this.bits.length) {
      const bits = new Uint32Array(Math.max(64 * W, 2 * this.bits.length, (row + 1) * W));
      bits.set(this.bits.subarray(0, row * W));
      this.bits = bits;
    }
    this.bits.fill(0, row * W, (row + 1) * W);
    return row;
  }

  /** Settles component c's set for the chunk; its successors must be settled already. */
  settle(c: number): void {
    const { own, succ, inner, rowOf, rowLo, rowHi } = this;
    let j = this.ownHi[c]!;
    this.ownLo[c] = j;
    const end = own.start[c + 1]!;
    while (j < end && own.list[j]! < this.hi) j++;
    this.ownHi[c] = j;
    if (!inner[c]) return;
    // The one row c's set equals, if there is one: c has no own items here, no successor that is
    // a leaf with items here, and every non-empty successor shares one row.
    let single = EMPTY;
    let many = j > this.ownLo[c]!;
    for (let k = succ.start[c]!; k < succ.start[c + 1]! && !many; k++) {
      const c2 = succ.list[k]!;
      if (!inner[c2]) {
        many = this.ownHi[c2]! > this.ownLo[c2]!;
        continue;
      }
      const r = rowOf[c2]!;
      if (r === EMPTY || r === single || rowLo[r]! >= rowHi[r]!) continue;
      if (single === EMPTY) single = r;
      else many = true;
    }
    if (!many) {
      rowOf[c] = single;
      return;
    }
    const row = this.newRow();
    this.fill(c, row);
    rowOf[c] = row;
  }

  private fill(c: number, row: number): void {
    const { own, succ, inner, rowOf, rowLo, rowHi, bits, lo } = this;
    const W = this.words;
    const base = row * W;
    let touchedLo = W;
    let touchedHi = 0;
    for (let k = succ.start[c]! - 1; k < succ.start[c + 1]!; k++) {
      // k = start - 1 stands for c itself: its own items.
      const c2 = k < succ.start[c]! ? c : succ.list[k]!;
      if (c2 === c || !inner[c2]) {
        for (let x = this.ownLo[c2]!; x < this.ownHi[c2]!; x++) {
          const q = (own.list[x]! - lo) >>> 5;
          bits[base + q]! |= 1 << ((own.list[x]! - lo) & 31);
          if (q < touchedLo) touchedLo = q;
          if (q >= touchedHi) touchedHi = q + 1;
        }
        continue;
      }
      const r = rowOf[c2]!;
      if (r === EMPTY) continue;
      const a = rowLo[r]!;
      const b = rowHi[r]!;
      const base2 = r * W;
      for (let q = a; q < b; q++) bits[base + q]! |= bits[base2 + q]!;
      if (a < touchedLo) touchedLo = a;
      if (b > touchedHi) touchedHi = b;
    }
    rowLo[row] = touchedLo;
    rowHi[row] = touchedHi;
    this.rowCount[row] = -1;
  }

  count(c: number): number {
    if (!this.inner[c]) return this.ownHi[c]! - this.ownLo[c]!;
    const r = this.rowOf[c]!;
    if (r === EMPTY) return 0;
    let n = this.rowCount[r]!;
    if (n >= 0) return n;
    n = 0;
    const base = r * this.words;
    for (let q = this.rowLo[r]!; q < this.rowHi[r]!; q++) n += popcount(this.bits[base + q]!);
    this.rowCount[r] = n;
    return n;
  }

  orInto(c: number, target: Uint32Array): void {
    if (!this.inner[c]) {
      const { own, lo } = this;
      for (let x = this.ownLo[c]!; x < this.ownHi[c]!; x++) target[(own.list[x]! - lo) >>> 5]! |= 1 << ((own.list[x]! - lo) & 31);
      return;
    }
    const r = this.rowOf[c]!;
    if (r === EMPTY) return;
    const base = r * this.words;
    for (let q = this.rowLo[r]!; q < this.rowHi[r]!; q++) target[q]! |= this.bits[base + q]!;
  }

  has(c: number, p: number): boolean {
    if (!this.inner[c]) {
      for (let x = this.ownLo[c]!; x < this.ownHi[c]!; x++) if (this.own.list[x] === p) return true;
      return false;
    }
    const r = this.rowOf[c]!;
    if (r === EMPTY) return false;
    const q = (p - this.lo) >>> 5;
    return (this.bits[r * this.words + q]! & (1 << ((p - this.lo) & 31))) !== 0;
  }

  setKey(c: number): number {
    return this.inner[c] ? this.rowOf[c]! : -2 - c;
  }
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}
