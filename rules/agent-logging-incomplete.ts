import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { lifecycleOf } from '../src/graph/query.js';

const FACETS = ['prompts', 'tool_calls', 'data_access', 'privilege_changes'] as const;

export default defineRule({
  id: 'agent-logging-incomplete',
  title: 'Agent does not log prompts, tool calls, data access and privilege changes',
  category: 'observability',
  severity: 'medium',
  escalation: 'Raised to high when the agent is externally exposed, reaches restricted data, or can write data or act irreversibly.',
  layers: [5],
  references: [
    'owasp-ttm:T8',
    'owasp-asi:ASI10',
    'atlas:AML.M0024',
    'nist-ai-rmf:MEASURE-2.4',
    'nist-ai-rmf:MANAGE-4.1',
    'nist-ai-rmf:MANAGE-4.3',
    'maestro:L5',
  ],
  rationale:
    'After an incident the questions are what the agent was told, which tools it called with which arguments, what data it touched and which privileges it gained. Each facet that is not logged is a question nobody can answer, so the action cannot be attributed, the injection point cannot be found, and the agent cannot be shown to have stayed within its purpose.',
  remediation:
    'Log every facet: set logging.prompts, logging.tool_calls, logging.data_access and logging.privilege_changes to true, with the agent’s identity and credential on each record.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const logging = agent.spec.logging ?? {};
      const missing = FACETS.filter((f) => logging[f] !== true);
      if (!missing.length) continue;
      const { reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        message: agent.spec.logging
          ? `agent "${agent.id}" does not log ${missing.join(', ')}`
          : `agent "${agent.id}" declares no logging (missing: ${missing.join(', ')})`,
        severity: raiseSeverity('medium', Math.min(1, reasons.length)),
        reasons,
      };
    }
  },
});
