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
 * Indexes findings so that an acceptance pattern is matched without scanning every finding: an
 * exact pattern is a lookup, and a pattern whose rule part has no wildcard scans that rule's
 * findings only. Returns the matching findings in the order given.
 */
export function findingsMatcher(findings: readonly Finding[]): (pattern: string) => Finding[] {
  // Built on the first lookup: a model without acceptances never pays for indexing its findings.
  let byId: Map<string, Finding> | undefined;
  let byRule: Map<string, Finding[]> | undefined;
  const index = () => {
    byId = new Map();
    byRule = new Map();
    for (const f of findings) {
      if (!byId.has(f.id)) byId.set(f.id, f);
      let list = byRule.get(f.ruleId);
      if (!list) byRule.set(f.ruleId, (list = []));
      list.push(f);
    }
  };
  return (pattern) => {
    if (!byId || !byRule) index();
    if (!pattern.includes('*')) {
      const hit = byId!.get(pattern);
      return hit ? [hit] : [];
    }
    const rulePart = pattern.slice(0, pattern.indexOf('@'));
    const candidates = rulePart.includes('*') ? findings : (byRule!.get(rulePart) ?? []);
    const match = acceptanceMatcher(pattern);
    return candidates.filter((f) => match(f.id));
  };
}
