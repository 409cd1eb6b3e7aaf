import type { Acceptance } from '../model/types.js';
import type { Finding } from './finding.js';

/** Compiles an acceptance's finding pattern (`*` matches any run of characters) to a matcher. */
export function acceptanceMatcher(pattern: string): (id: string) => boolean {
  if (!pattern.includes('*')) return (id) => id === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`);
  return (id) => re.test(id);
}

export function isExpired(a: Acceptance, asOf: string): boolean {
  return a.expires < asOf;
}

/**
 * Indexes findings so that an acceptance pattern is matched without scanning every finding: a
 * pattern whose rule part has no wildcard looks at that rule's findings only, and an exact pattern
 * is a lookup in that rule's ids. Returns the matching findings in the order given.
 */
export function findingsMatcher(findings: readonly Finding[]): (pattern: string) => Finding[] {
  return (pattern) => {
    const index = indexOf(findings);
    const at = pattern.indexOf('@');
    const rulePart = pattern.slice(0, at);
    if (!pattern.includes('*')) {
      // A rule id with an "@" would make the rule part ambiguous: look the id up among all findings.
      const scope = index.ambiguous || at < 0 ? ALL_RULES : rulePart;
      const hit = index.idsOf(scope).get(pattern);
      return hit ? [hit] : [];
    }
    const candidates = rulePart.includes('*') ? findings : (index.byRule.get(rulePart) ?? []);
    const match = acceptanceMatcher(pattern);
    return candidates.filter((f) => match(f.id));
  };
}

const ALL_RULES = '*';

interface FindingIndex {
  byRule: Map<string, Finding[]>;
  /** Some rule id contains "@". */
  ambiguous: boolean;
  /** Findings by id, first one wins, of one rule or of all (`ALL_RULES`); built on first use. */
  idsOf(rule: string): Map<string, Finding>;
}

// The acceptance rules all ask about the same findings: they share one index, built on the first
// lookup (a model without acceptances never pays for it).
const indexes = new WeakMap<readonly Finding[], FindingIndex>();

function indexOf(findings: readonly Finding[]): FindingIndex {
  let index = indexes.get(findings);
  if (index) return index;
  const byRule = new Map<string, Finding[]>();
  let list: Finding[] | undefined;
  let last: string | undefined;
  for (const f of findings) {
    if (f.ruleId !== last) {
      last = f.ruleId;
      list = byRule.get(last);
      if (!list) byRule.set(last, (list = []));
    }
    list!.push(f);
  }
  const byId = new Map<string, Map<string, Finding>>();
  index = {
    byRule,
    ambiguous: [...byRule.keys()].some((r) => r.includes('@')),
    idsOf(rule) {
      let ids = byId.get(rule);
      if (ids) return ids;
      ids = new Map();
      for (const f of rule === ALL_RULES ? findings : (byRule.get(rule) ?? [])) if (!ids.has(f.id)) ids.set(f.id, f);
      byId.set(rule, ids);
      return ids;
    },
  };
  indexes.set(findings, index);
  return index;
}
