import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { isIrreversible, lifecycleOf } from '../src/graph/query.js';

const UNKNOWN = 0;
const IRREVERSIBLE = 1;
const REVERSIBLE = 2;

/** The ids of the irreversible tools an agent invokes, in graph order; `known` keeps each tool's answer, since tools are shared. */
function irreversibleTools(g: ModelGraph, agent: number, known: Uint8Array): string[] {
  const ids: string[] = [];
  const row = g.outIndex(agent, 'invokes');
  for (let k = 0; k < row.length; k++) {
    const tool = g.edgeTarget[row[k]!]!;
    if (known[tool] === UNKNOWN) known[tool] = isIrreversible(g.nodes[tool] as GraphNode<'tool'>) ? IRREVERSIBLE : REVERSIBLE;
    if (known[tool] === IRREVERSIBLE) ids.push(g.nodes[tool]!.id);
  }
  return ids;
}

export default defineRule({
  id: 'capability-approval-criteria-missing',
  title: 'High-impact agent has no criteria for approving new capabilities',
  category: 'lifecycle',
  severity: 'medium',
  escalation: AGENT_ESCALATION,
  layers: [3, 6],
  references: [
    'owasp-asi:ASI02',
    'owasp-asi:ASI10',
    'owasp-llm:LLM06',
    'nist-ai-rmf:GOVERN-1.4',
    'nist-ai-rmf:MANAGE-4.1',
    'maestro:L3',
    'maestro:L6',
  ],
  rationale:
    'An approver without written criteria approves by instinct, and a rubber stamp is no control. For an agent that can add tools or spawn agents at run time, or that already takes irreversible actions, the criteria a new tool, agent or action must meet (least privilege, reversibility, human approval, logging, ownership) are what make each approval comparable and auditable. Retired agents are not reported.',
  remediation:
    'Write the criteria a new capability must meet before it is approved and reference them in change_control.criteria on the agent.',
  *check({ graph }) {
    const known = new Uint8Array(graph.order);
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired' || agent.spec.change_control?.criteria) continue;
      const triggers: string[] = [];
      if (agent.spec.can_add_tools) triggers.push('can add tools at run time');
      if (agent.spec.can_spawn_agents) triggers.push('can spawn agents at run time');
      const irreversible = irreversibleTools(graph, agent.index, known);
      if (irreversible.length)
        triggers.push(`invokes irreversible tool${irreversible.length > 1 ? 's' : ''} ${irreversible.map((t) => `"${t}"`).join(', ')}`);
      if (!triggers.length) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        related: irreversible,
        message: `agent "${agent.id}" ${triggers.join(' and ')} but has no change_control.criteria for approving new capabilities`,
        severity,
        reasons,
      };
    }
  },
});
