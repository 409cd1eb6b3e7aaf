import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { isExternal, lifecycleOf, ownersWithRole } from '../src/graph/query.js';
import { ShutdownReview } from './external-agent-without-tested-shutdown.js';

export default defineRule({
  id: 'shutdown-untested',
  title: 'Autonomous agent has no owned, tested emergency shutdown',
  category: 'ownership',
  severity: 'medium',
  escalation:
    'Raised one step for each of: reaches restricted data, can act irreversibly or write data (the shared agent escalation).',
  layers: [5, 6],
  references: ['owasp-asi:ASI10', 'owasp-ttm:T13', 'nist-ai-rmf:MANAGE-2.4', 'nist-ai-rmf:MANAGE-4.1', 'maestro:L5', 'maestro:L6'],
  rationale:
    'An autonomous agent acts without a human confirming each step, so when it misbehaves the only brake is its emergency shutdown. Like any control that is used rarely, a shutdown that has no owner or has not been tested recently (within shutdown.every, 90 days by default) tends not to work when needed. This rule covers active internal agents; externally facing agents are reported, at a higher base severity, by external-agent-without-tested-shutdown.',
  remediation:
    'Give the agent shutdown.mechanism and shutdown.owner, test the shutdown and record shutdown.tested (and shutdown.every if the cadence is not 90 days).',
  *check({ graph, asOf }) {
    const review = new ShutdownReview(asOf);
    for (const agent of graph.nodesOf('agent')) {
      if (agent.spec.autonomy !== 'autonomous' || isExternal(agent) || lifecycleOf(agent) !== 'active') continue;
      const owners = ownersWithRole(graph, agent, 'shutdown');
      const gaps = review.gaps(agent, owners, true);
      if (gaps === undefined) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        related: owners.map((o) => o.id),
        message: `autonomous agent "${agent.id}" cannot be relied on to stop: ${gaps}`,
        severity,
        reasons,
      };
    }
  },
});
