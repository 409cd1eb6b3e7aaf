import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import type { GraphNode } from '../src/graph/graph.js';
import { lifecycleOf } from '../src/graph/query.js';

/** The budget limits the agent lacks, in words, or undefined when it has both. */
function missingLimits(agent: GraphNode<'agent'>): string | undefined {
  const budget = agent.spec.budget;
  if (budget?.rate_limit) return budget.cost_limit ? undefined : 'budget.cost_limit';
  return budget?.cost_limit ? 'budget.rate_limit' : 'budget.rate_limit and no budget.cost_limit';
}

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
      const missing = missingLimits(agent);
      if (missing === undefined) continue;
      const { reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        message: `autonomous agent "${agent.id}" has no ${missing}`,
        severity: raiseSeverity('medium', Math.min(1, reasons.length)),
        reasons,
      };
    }
  },
});
