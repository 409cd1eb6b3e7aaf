import { findingsMatcher, isExpired } from '../src/analysis/acceptance.js';
import { defineRule } from '../src/analysis/rule.js';
import { atLeast } from '../src/analysis/severity.js';
import type { GraphNode } from '../src/graph/graph.js';

/** Why an approver cannot answer for the risk, or undefined when they can. */
function approverProblem(owner: GraphNode<'owner'>): string | undefined {
  const status = owner.spec.status ?? 'active';
  if (status === 'departed') return `approver "${owner.id}" has departed`;
  if (status === 'unknown') return `approver "${owner.id}" has status unknown`;
  if (owner.spec.kind === 'vendor') return `approver "${owner.id}" is a vendor, outside the organisation that carries the risk`;
  return undefined;
}

export default defineRule({
  id: 'acceptance-without-accountable-approver',
  title: 'Accepted risk is approved by someone who can no longer answer for it',
  category: 'acceptance',
  phase: 'acceptance',
  severity: 'medium',
  escalation: 'Raised to high when the acceptance covers a finding of high or critical severity.',
  layers: [6],
  references: ['nist-ai-rmf:GOVERN-2.1', 'nist-ai-rmf:GOVERN-2.3', 'nist-ai-rmf:GOVERN-1.5', 'owasp-nhi:NHI1', 'maestro:L6'],
  rationale:
    'Accepting a risk is only meaningful if the approver stays answerable for it until the acceptance expires. When the approver has left, or is a vendor rather than someone in the organisation carrying the risk, the finding is silenced with nobody who will revisit the decision when circumstances change.',
  remediation:
    'Have an active, accountable owner (security, risk or the business owner of the subject) review the acceptance and record themselves as approver, or withdraw the acceptance.',
  *check({ graph, asOf, findings }) {
    const matches = findingsMatcher(findings);
    const byPattern = new Map<string, string[]>();
    for (const a of graph.accepted) {
      if (isExpired(a, asOf)) continue;
      const owner = graph.node(a.approver);
      if (owner?.kind !== 'owner') continue;
      const problem = approverProblem(owner);
      if (!problem) continue;
      const problems = byPattern.get(a.finding) ?? [];
      if (!problems.includes(problem)) problems.push(problem);
      byPattern.set(a.finding, problems);
    }
    for (const [pattern, problems] of byPattern) {
      const serious = matches(pattern).filter((f) => atLeast(f.severity, 'high'));
      yield {
        subject: pattern,
        related: serious.map((f) => f.subject),
        message: `acceptance of "${pattern}": ${problems.join('; ')}`,
        severity: serious.length ? 'high' : 'medium',
        reasons: serious.length ? [`covers ${serious.length} finding(s) of high or critical severity`] : [],
      };
    }
  },
});
