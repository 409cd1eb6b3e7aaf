import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { lifecycleOf } from '../src/graph/query.js';
import { addDays, daysBetween, durationDays } from '../src/util/dates.js';

export default defineRule({
  id: 'review-overdue',
  title: 'Agent review is overdue or has no cadence',
  category: 'lifecycle',
  severity: 'medium',
  escalation: AGENT_ESCALATION,
  layers: [6],
  references: ['nist-ai-rmf:GOVERN-1.5', 'nist-ai-rmf:MANAGE-4.1', 'owasp-nhi:NHI5', 'maestro:L6'],
  rationale:
    'Agents accumulate tools, credentials and data access faster than anyone notices, and their purpose drifts. A defined review cadence and a recent review are how an owner confirms the agent still needs what it holds and still does what it was approved for. An active agent with no cadence (review.every, or "never"), never reviewed (review.last), or last reviewed longer ago than its cadence as of the analysis date is reported. Planned, suspended and retired agents are not.',
  remediation: 'Set review.every (for example 90d) on the agent, review it, and record the date in review.last.',
  *check({ graph, asOf }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) !== 'active') continue;
      const { every, last } = agent.spec.review ?? {};
      const gaps: string[] = [];
      if (every === undefined) gaps.push(last === undefined ? 'no review cadence' : `no review cadence (last reviewed ${last})`);
      else if (every === 'never') gaps.push('review cadence is "never"');
      if (last === undefined) gaps.push('never reviewed');
      else if (every !== undefined && every !== 'never') {
        const cadence = durationDays(every);
        const age = daysBetween(last, asOf);
        if (age > cadence)
          gaps.push(`last reviewed ${last}, ${age} days before ${asOf}; with a ${every} cadence it was due ${addDays(last, Math.ceil(cadence))}`);
      }
      if (!gaps.length) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      yield { subject: agent, message: `agent "${agent.id}": ${gaps.join('; ')}`, severity, reasons };
    }
  },
});
