/**
 * Answers remembered per distinct string argument, for the life of the returned function (one
 * rule's run). Thousands of nodes share a handful of durations and a few hundred dates, so the
 * parsing and date arithmetic for each is done once.
 */
export function memoByString<T>(compute: (a: string) => T): (a: string) => T {
  const known = new Map<string, T>();
  return (a) => {
    if (known.has(a)) return known.get(a) as T;
    const value = compute(a);
    known.set(a, value);
    return value;
  };
}

/** `memoByString` for two string arguments. */
export function memoByPair<T>(compute: (a: string, b: string) => T): (a: string, b: string) => T {
  const byFirst = new Map<string, (b: string) => T>();
  return (a, b) => {
    let ofFirst = byFirst.get(a);
    if (!ofFirst) byFirst.set(a, (ofFirst = memoByString((second) => compute(a, second))));
    return ofFirst(b);
  };
}
