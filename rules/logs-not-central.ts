import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { lifecycleOf } from '../src/graph/query.js';

type Logging = NonNullable<GraphNode<'agent'>['spec']['logging']>;

function logsAnything(logging: Logging): boolean {
  return logging.prompts === true || logging.tool_calls === true || logging.data_access === true || logging.privilege_changes === true;
}

function namesLogSink(g: ModelGraph, agent: GraphNode<'agent'>): boolean {
  return g.outIndex(agent.index, 'logs_to').length > 0;
}

/** Why the agent's logs are not central, in words, or undefined when they are. */
function problemsOf(g: ModelGraph, agent: GraphNode<'agent'>, logging: Logging): string | undefined {
  const central =
    logging.central === true ? undefined : logging.central === false ? 'its logs are not central (central: false)' : 'its logs are not declared central';
  if (namesLogSink(g, agent)) return central;
  return central === undefined ? 'no log sink is named' : `${central} and no log sink is named`;
}

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
      if (!logging || lifecycleOf(agent) === 'retired' || !logsAnything(logging)) continue;
      const problems = problemsOf(graph, agent, logging);
      if (problems === undefined) continue;
      const { reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        message: `agent "${agent.id}" logs, but ${problems}`,
        severity: raiseSeverity('medium', Math.min(1, reasons.length)),
        reasons,
      };
    }
  },
});
