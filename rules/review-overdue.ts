import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { lifecycleOf } from '../src/graph/query.js';
import { addDays, daysBetween, durationDays } from '../src/util/dates.js';
import { memoByPair } from '../src/util/memo.js';

/**
 * Whether a review on `last` with cadence `every` is overdue as of `asOf`, and if so how, in words;
 * once per distinct (every, last) in a run, since the date arithmetic was most of the rule's cost.
 */
function overdueReviews(asOf: string): (every: string, last: string) => string | undefined {
  return memoByPair((every, last) => {
    const cadence = durationDays(every);
    const age = daysBetween(last, asOf);
    if (!(age > cadence)) return undefined;
    return `last reviewed ${last}, ${age} days before ${asOf}; with a ${every} cadence it was due ${addDays(last, Math.ceil(cadence))}`;
  });
}

/** What is wrong with an active agent's review, in words, or undefined when nothing is. */
function reviewGaps(agent: GraphNode<'agent'>, overdue: (every: string, last: string) => string | undefined): string | undefined {
  const { every, last } = agent.spec.review ?? {};
  if (every === undefined) return last === undefined ? 'no review cadence; never reviewed' : `no review cadence (last reviewed ${last})`;
  if (every === 'never') return last === undefined ? 'review cadence is "never"; never reviewed' : 'review cadence is "never"';
  if (last === undefined) return 'never reviewed';
  return overdue(every, last);
}

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
    const overdue = overdueReviews(asOf);
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) !== 'active') continue;
      const gaps = reviewGaps(agent, overdue);
      if (gaps === undefined) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      yield { subject: agent, message: `agent "${agent.id}": ${gaps}`, severity, reasons };
    }
  },
});
