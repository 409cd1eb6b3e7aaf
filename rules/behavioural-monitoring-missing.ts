import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import type { GraphNode } from '../src/graph/graph.js';
import { lifecycleOf } from '../src/graph/query.js';

/** Why the agent needs behavioural monitoring, in words, or undefined when it does not. */
function whyMonitored(agent: GraphNode<'agent'>): string | undefined {
  const autonomous = agent.spec.autonomy === 'autonomous';
  if (agent.spec.exposure === 'external') return autonomous ? 'autonomous and externally exposed' : 'externally exposed';
  return autonomous ? 'autonomous' : undefined;
}

export default defineRule({
  id: 'behavioural-monitoring-missing',
  title: 'Autonomous or externally exposed agent has no behavioural monitoring',
  category: 'observability',
  severity: 'medium',
  escalation: 'Raised to high when the agent is externally exposed, reaches restricted data, or can write data or act irreversibly.',
  layers: [5],
  references: [
    'owasp-asi:ASI10',
    'owasp-asi:ASI08',
    'owasp-ttm:T13',
    'nist-ai-rmf:MEASURE-2.4',
    'nist-ai-rmf:MEASURE-3.1',
    'maestro:L5',
  ],
  rationale:
    'A hijacked or drifting agent keeps using its legitimate permissions, so access controls do not notice it; only a baseline of its normal behaviour (which tools, how often, on which data) shows when it starts to act outside its purpose. Agents that act alone or face untrusted parties are the ones that need it.',
  remediation:
    'Monitor the agent against a behavioural baseline (tool-call mix and rate, data volumes, new destinations) with alerts to its operator, and set monitoring.behavioural: true.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired' || agent.spec.monitoring?.behavioural === true) continue;
      const why = whyMonitored(agent);
      if (why === undefined) continue;
      const { reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        message: `${why} agent "${agent.id}" has no behavioural monitoring`,
        severity: raiseSeverity('medium', Math.min(1, reasons.length)),
        reasons,
      };
    }
  },
});
