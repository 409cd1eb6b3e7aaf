import type { PathIndex } from './projection.js';
import type { RawPath } from './search.js';

/**
 * Folding of near-duplicate paths. Two paths are near-duplicates when they have the same steps
 * and the same nodes except one intermediate node (fifty agents that all reach a store through
 * their own copy of one tool). Paths arrive in rank order; each either starts a group or folds into
 * the first group it is a near-duplicate of, which keeps the best path as the representative.
 */
export interface FoldGroup {
  path: RawPath;
  /** Paths folded into it. */
  count: number;
  /** Position -> entities seen there in the folded paths. */
  variants: Map<number, Set<number>>;
}

export class Folder {
  readonly groups: FoldGroup[] = [];
  private readonly keys = new Map<string, number>();

  constructor(private readonly index: PathIndex) {}

  private key(p: RawPath, wildcard: number): string {
    const parts: string[] = [];
    for (let i = 0; i < p.nodes.length; i++) parts.push(i === wildcard ? '*' : String(p.nodes[i]));
    parts.push('|');
    for (const e of p.edges) parts.push(String(this.index.edgeStep[e]));
    return parts.join(',');
  }

  /** Adds the next path in rank order; returns true when it started a new group. */
  add(p: RawPath): boolean {
    const last = p.nodes.length - 1;
    for (let i = 1; i < last; i++) {
      const g = this.keys.get(this.key(p, i));
      if (g === undefined) continue;
      const group = this.groups[g]!;
      group.count++;
      let seen = group.variants.get(i);
      if (!seen) group.variants.set(i, (seen = new Set()));
      seen.add(this.index.entity[p.nodes[i]!]!);
      return false;
    }
    const g = this.groups.length;
    this.groups.push({ path: p, count: 0, variants: new Map() });
    for (let i = 1; i < last; i++) {
      const k = this.key(p, i);
      if (!this.keys.has(k)) this.keys.set(k, g);
    }
    return true;
  }
}

export interface Collected {
  groups: FoldGroup[];
  /** Raw paths pulled. */
  pulled: number;
  /** The ranking had more paths than were pulled (the list is full or the pull cap was hit). */
  more: boolean;
  /** The pull cap was hit before `k` groups were formed. */
  capHit: boolean;
}

/** Pulls ranked paths until `k` groups are formed, the ranking ends, or `cap` paths were pulled. */
export function collectFolded(index: PathIndex, ranked: Iterator<RawPath>, k: number, cap: number): Collected {
  const folder = new Folder(index);
  let pulled = 0;
  while (folder.groups.length < k) {
    if (pulled >= cap) return { groups: folder.groups, pulled, more: true, capHit: true };
    const next = ranked.next();
    if (next.done) return { groups: folder.groups, pulled, more: false, capHit: false };
    pulled++;
    folder.add(next.value);
  }
  return { groups: folder.groups, pulled, more: !peekDone(ranked), capHit: false };
}

/** Whether a ranked generator has nothing left (consumes one path when it has). */
function peekDone(ranked: Iterator<RawPath>): boolean {
  return ranked.next().done === true;
}
