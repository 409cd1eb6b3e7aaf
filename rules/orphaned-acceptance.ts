import { acceptanceMatcher, findingsMatcher, isExpired } from '../src/analysis/acceptance.js';
import { defineRule } from '../src/analysis/rule.js';
import type { Acceptance } from '../src/model/types.js';

export default defineRule({
  id: 'orphaned-acceptance',
  title: 'Accepted risk matches no finding',
  category: 'acceptance',
  phase: 'acceptance',
  severity: 'low',
  layers: [6],
  references: ['nist-ai-rmf:GOVERN-1.4', 'nist-ai-rmf:GOVERN-1.5', 'nist-ai-rmf:MEASURE-3.1', 'maestro:L6'],
  rationale:
    'An acceptance that covers nothing is stale paperwork: the risk was fixed, the node renamed, or the pattern mistyped. Left in place it reads as a decision nobody made, and it will silently accept a new finding that happens to match it later, one its approver never saw.',
  remediation:
    'Delete the acceptance if the risk is gone; if the node or rule was renamed, correct the finding id (run analyze with --format json to see current ids).',
  *check({ graph, asOf, findings, deselected }) {
    const matches = findingsMatcher(findings);
    // With --rule or --skip-rule, an acceptance of rules that did not run is not orphaned.
    const onlyDeselected = (pattern: string) => {
      if (!deselected.size) return false;
      const rulePart = pattern.slice(0, pattern.indexOf('@'));
      if (!rulePart.includes('*')) return deselected.has(rulePart);
      const match = acceptanceMatcher(rulePart);
      return [...deselected].some(match);
    };
    const live = new Map<string, Acceptance>();
    for (const a of graph.accepted) {
      // Expired acceptances are reported by expired-acceptance, whatever they match.
      if (isExpired(a, asOf)) continue;
      const seen = live.get(a.finding);
      if (!seen || a.expires > seen.expires) live.set(a.finding, a);
    }
    for (const [pattern, a] of live) {
      if (matches(pattern).length || onlyDeselected(pattern)) continue;
      yield {
        subject: pattern,
        message: `acceptance of "${pattern}" approved by "${a.approver}" (expires ${a.expires}) matches no finding${pattern.includes('*') ? ' (wildcard pattern)' : ''}`,
      };
    }
  },
});
