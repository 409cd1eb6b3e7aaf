import { findingsMatcher, isExpired } from '../src/analysis/acceptance.js';
import type { Finding } from '../src/analysis/finding.js';
import { defineRule } from '../src/analysis/rule.js';
import { atLeast, type Severity } from '../src/analysis/severity.js';
import type { Acceptance } from '../src/model/types.js';
import { daysBetween } from '../src/util/dates.js';

const LISTED = 10;

function listIds(findings: readonly Finding[]): string {
  const ids = findings.map((f) => f.id);
  const shown = ids.slice(0, LISTED).join(', ');
  return ids.length > LISTED ? `${shown} and ${ids.length - LISTED} more` : shown;
}

export default defineRule({
  id: 'expired-acceptance',
  title: 'Accepted risk is past its expiry date',
  category: 'acceptance',
  phase: 'acceptance',
  severity: 'low',
  escalation:
    'Raised to medium when the expired acceptance re-opens findings, and to high when one of them is of high or critical severity.',
  layers: [6],
  references: ['nist-ai-rmf:GOVERN-1.5', 'nist-ai-rmf:MEASURE-3.1', 'nist-ai-rmf:MANAGE-1', 'maestro:L6'],
  rationale:
    'An acceptance is a decision with a shelf life: the approver accepted the risk as it stood, until a date when it must be looked at again. Past that date the findings it covered are open again and count against the fail threshold, and nobody has decided whether the reasons still hold.',
  remediation:
    'Review the risk with its approver: fix the findings, or renew the acceptance with a new expires date and an updated justification; remove it if it no longer covers anything.',
  *check({ graph, asOf, findings }) {
    const matches = findingsMatcher(findings);
    const byPattern = new Map<string, Acceptance[]>();
    for (const a of graph.accepted) {
      const group = byPattern.get(a.finding);
      if (group) group.push(a);
      else byPattern.set(a.finding, [a]);
    }
    // The findings that some unexpired acceptance covers, found once through the index: testing
    // each finding of an expired pattern against every other pattern costs their product.
    let covered: Set<Finding> | undefined;
    const isCovered = (f: Finding) => (covered ??= new Set(graph.accepted.filter((a) => !isExpired(a, asOf)).flatMap((a) => matches(a.finding)))).has(f);

    for (const [pattern, group] of byPattern) {
      // A renewal written as a second entry for the same pattern supersedes the expired one.
      const latest = group.reduce((a, b) => (b.expires > a.expires ? b : a));
      if (!isExpired(latest, asOf)) continue;
      const matched = matches(pattern);
      const reopened = matched
        .filter((f) => !isCovered(f))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const serious = reopened.filter((f) => atLeast(f.severity, 'high'));
      const severity: Severity = serious.length ? 'high' : reopened.length ? 'medium' : 'low';
      const reasons = serious.length
        ? [`re-opens ${serious.length} finding(s) of high or critical severity`]
        : reopened.length
          ? [`re-opens ${reopened.length} finding(s)`]
          : [];
      const days = daysBetween(latest.expires, asOf);
      const effect = reopened.length
        ? `${reopened.length} finding(s) it covered are open again: ${listIds(reopened)}`
        : matched.length
          ? 'the findings it matches are covered by other, unexpired acceptances'
          : 'it matches no current finding';
      yield {
        subject: pattern,
        related: reopened.map((f) => f.subject),
        message: `acceptance of "${pattern}" approved by "${latest.approver}" expired: its expires date ${latest.expires} is ${days} day(s) before ${asOf}; ${effect}`,
        severity,
        reasons,
      };
    }
  },
});
