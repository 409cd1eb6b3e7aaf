import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { lifecycleOf } from '../src/graph/query.js';

export default defineRule({
  id: 'autonomous-agent-without-budget',
  title: 'Autonomous agent has no rate or cost limit',
  category: 'privilege',
  severity: 'medium',
  escalation: 'Raised to high when the agent is externally exposed, reaches restricted data, or can write data or act irreversibly.',
  layers: [4],
  references: ['owasp-asi:ASI08', 'owasp-ttm:T4', 'owasp-llm:LLM10', 'atlas:AML.T0034.002', 'maestro:L4'],
  rationale:
    'An agent that plans and acts with no human in the loop can be driven, by a loop, a bug or an attacker, into unbounded tool calls and model spend. A rate limit caps how fast it can do damage and a cost limit caps the bill; without both, a runaway agent is stopped only when someone notices.',
  remediation: 'Set budget.rate_limit (calls per interval) and budget.cost_limit (spend per interval) for the agent, enforced outside the agent.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (agent.spec.autonomy !== 'autonomous' || lifecycleOf(agent) === 'retired') continue;
      const missing = [
        ...(agent.spec.budget?.rate_limit ? [] : ['rate_limit']),
        ...(agent.spec.budget?.cost_limit ? [] : ['cost_limit']),
      ];
      if (!missing.length) continue;
      const { reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        message: `autonomous agent "${agent.id}" has no budget.${missing.join(' and no budget.')}`,
        severity: raiseSeverity('medium', Math.min(1, reasons.length)),
        reasons,
      };
    }
  },
});
