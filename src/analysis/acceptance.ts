import type { Acceptance } from '../model/types.js';
import { lowerBound } from '../util/compare.js';
import type { Finding } from './finding.js';

/**
 * Compiles an acceptance's finding pattern (`*` matches any run of characters) to a matcher. The
 * pattern comes from the model, which is untrusted: it is matched by its literal pieces in turn,
 * each at its first place after the last, in time linear in the id, where a regular expression
 * of many wildcards backtracks for ever (eight took a second per id, twelve did not end).
 * Leftmost is right for `*` alone: any later place of a piece leaves less room for the rest.
 */
export function acceptanceMatcher(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern;
  const pieces = pattern.split('*');
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((piece) => piece.length > 0);
  const shortest = pieces.reduce((n, piece) => n + piece.length, 0);
  return (id) => {
    if (id.length < shortest || !id.startsWith(first) || !id.endsWith(last)) return false;
    const end = id.length - last.length;
    let at = first.length;
    for (const piece of middle) {
      const found = id.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

export function isExpired(a: Acceptance, asOf: string): boolean {
  return a.expires < asOf;
}

/**
 * Indexes findings so that an acceptance pattern is matched without scanning every finding: a
 * pattern whose rule part has no wildcard looks at that rule's findings only, an exact pattern is
 * a lookup in that rule's ids, and one for any rule whose subject starts with literal text looks
 * only at the findings whose subject starts so. Returns the matching findings in the order given.
 */
export function findingsMatcher(findings: readonly Finding[]): (pattern: string) => readonly Finding[] {
  return (pattern) => {
    const index = indexOf(findings);
    // The three acceptance rules and the engine ask about the same patterns: each is matched once.
    let found = index.matched.get(pattern);
    if (!found) index.matched.set(pattern, (found = matchAll(findings, index, pattern)));
    return found;
  };
}

/** The findings the pattern matches, through the index, in the order given. */
function matchAll(findings: readonly Finding[], index: FindingIndex, pattern: string): readonly Finding[] {
  const at = pattern.indexOf('@');
  const rulePart = pattern.slice(0, at);
  if (!pattern.includes('*')) {
    // A rule id with an "@" would make the rule part ambiguous: look the id up among all findings.
    const scope = index.ambiguous || at < 0 ? ALL_RULES : rulePart;
    const hit = index.idsOf(scope).get(pattern);
    return hit ? [hit] : [];
  }
  const match = acceptanceMatcher(pattern);
  if (rulePart.includes('*')) {
    // Any rule: a literal start of the subject part (`*@agent-7*`) still narrows the search.
    const star = pattern.indexOf('*', at + 1);
    const prefix = pattern.slice(at + 1, star < 0 ? undefined : star);
    const candidates = prefix && !index.ambiguous ? index.withSubjectPrefix(prefix) : findings;
    return candidates.filter((f) => match(f.id));
  }
  const found: Finding[] = [];
  forEachOfRule(findings, index.runsOf, rulePart, (f) => {
    if (match(f.id)) found.push(f);
  });
  return found;
}

const ALL_RULES = '*';

interface FindingIndex {
  /** Per rule, where its findings lie: the start and end of each run of them, in order. */
  runsOf: Map<string, number[]>;
  /** Some rule id contains "@". */
  ambiguous: boolean;
  /** Findings by id, first one wins, of one rule or of all (`ALL_RULES`); built on first use. */
  idsOf(rule: string): Map<string, Finding>;
  /** The findings whose id goes on after its "@" with `prefix`, in the order given. */
  withSubjectPrefix(prefix: string): Finding[];
  /** The findings each pattern asked about so far matches. */
  matched: Map<string, readonly Finding[]>;
}

// The acceptance rules all ask about the same findings: they share one index, built on the first
// lookup (a model without acceptances never pays for it).
const indexes = new WeakMap<readonly Finding[], FindingIndex>();

function indexOf(findings: readonly Finding[]): FindingIndex {
  let index = indexes.get(findings);
  if (index) return index;
  // The engine gives each rule's findings in one run; other lists may interleave them.
  const runsOf = new Map<string, number[]>();
  for (let start = 0; start < findings.length; ) {
    const rule = findings[start]!.ruleId;
    let end = start + 1;
    while (end < findings.length && findings[end]!.ruleId === rule) end++;
    let runs = runsOf.get(rule);
    if (!runs) runsOf.set(rule, (runs = []));
    runs.push(start, end);
    start = end;
  }
  const byId = new Map<string, Map<string, Finding>>();
  let bySubject: { keys: string[]; order: Int32Array } | undefined;
  index = {
    runsOf,
    ambiguous: [...runsOf.keys()].some((r) => r.includes('@')),
    matched: new Map(),
    idsOf(rule) {
      const known = byId.get(rule);
      if (known) return known;
      const ids = new Map<string, Finding>();
      const keep = (f: Finding) => {
        if (!ids.has(f.id)) ids.set(f.id, f);
      };
      if (rule === ALL_RULES) findings.forEach(keep);
      else forEachOfRule(findings, runsOf, rule, keep);
      byId.set(rule, ids);
      return ids;
    },
    withSubjectPrefix(prefix) {
      const { keys, order } = (bySubject ??= sortedBySubject(findings));
      // Keys that start with the prefix are one run of the sorted keys, from the first not below it.
      const hits: number[] = [];
      for (let i = lowerBound(keys.length, (k) => keys[k]! < prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) hits.push(order[i]!);
      return hits.sort((a, b) => a - b).map((i) => findings[i]!);
    },
  };
  indexes.set(findings, index);
  return index;
}

/** The part of each finding's id after its "@", sorted, with the position of its finding. */
function sortedBySubject(findings: readonly Finding[]): { keys: string[]; order: Int32Array } {
  const after = findings.map((f) => f.id.slice(f.id.indexOf('@') + 1));
  const order = Int32Array.from(after.keys()).sort((a, b) => (after[a]! < after[b]! ? -1 : after[a]! > after[b]! ? 1 : a - b));
  return { keys: Array.from(order, (i) => after[i]!), order };
}

/** Calls `visit` with each finding of one rule, in the order given. */
function forEachOfRule(findings: readonly Finding[], runsOf: ReadonlyMap<string, number[]>, rule: string, visit: (f: Finding) => void): void {
  const runs = runsOf.get(rule) ?? [];
  for (let r = 0; r < runs.length; r += 2) for (let i = runs[r]!; i < runs[r + 1]!; i++) visit(findings[i]!);
}
