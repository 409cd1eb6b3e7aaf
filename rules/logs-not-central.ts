import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { lifecycleOf } from '../src/graph/query.js';

const FACETS = ['prompts', 'tool_calls', 'data_access', 'privilege_changes'] as const;

export default defineRule({
  id: 'logs-not-central',
  title: 'Agent logs are not sent to a central log store',
  category: 'observability',
  severity: 'medium',
  escalation: 'Raised to high when the agent is externally exposed, reaches restricted data, or can write data or act irreversibly.',
  layers: [5],
  references: ['owasp-ttm:T8', 'owasp-asi:ASI10', 'atlas:AML.M0024', 'nist-ai-rmf:MEASURE-2.4', 'nist-ai-rmf:MANAGE-4.3', 'maestro:L5'],
  rationale:
    'Logs that stay where the agent runs can be lost with the host, altered by whoever controls the agent, and cannot be correlated with the other agents in a chain. An incident that crosses agents is reconstructed from a central store or not at all.',
  remediation:
    'Ship the agent’s logs to a central, append-only store that the agent cannot write to, name it in logging.sink, and set logging.central: true.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      const logging = agent.spec.logging;
      if (!logging || lifecycleOf(agent) === 'retired' || !FACETS.some((f) => logging[f] === true)) continue;
      const problems = [
        ...(logging.central === true ? [] : [logging.central === false ? 'its logs are not central (central: false)' : 'its logs are not declared central']),
        ...(graph.outEdgesOf(agent, 'logs_to').length ? [] : ['no log sink is named']),
      ];
      if (!problems.length) continue;
      const { reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        message: `agent "${agent.id}" logs, but ${problems.join(' and ')}`,
        severity: raiseSeverity('medium', Math.min(1, reasons.length)),
        reasons,
      };
    }
  },
});
