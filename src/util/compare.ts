/** Code-unit order of strings: the same on every machine and locale, which `localeCompare` is not. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The strings once each, in code-unit order; a list that already is so (the usual case) is returned
 * as it is. Short lists, a handful of ids, are sorted by insertion, dropping duplicates as they meet.
 */
export function uniqueAscending(list: readonly string[]): readonly string[] {
  let ordered = true;
  for (let i = 1; i < list.length && ordered; i++) ordered = list[i - 1]! < list[i]!;
  if (ordered) return list;
  if (list.length > SHORT_LIST) return [...new Set(list)].sort();
  const out: string[] = [];
  for (const item of list) {
    let at = out.length;
    while (at > 0 && out[at - 1]! > item) at--;
    if (at > 0 && out[at - 1] === item) continue;
    out.push(item);
    for (let j = out.length - 1; j > at; j--) out[j] = out[j - 1]!;
    out[at] = item;
  }
  return out;
}

const SHORT_LIST = 16;

/**
 * The first position of an ascending list at which `isBelow` stops holding (`length` when it always
 * holds): where a value would go, found by halving.
 */
export function lowerBound(length: number, isBelow: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBelow(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
