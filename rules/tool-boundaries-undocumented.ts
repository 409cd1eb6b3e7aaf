import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { ModelGraph } from '../src/graph/graph.js';
import { lifecycleOf } from '../src/graph/query.js';

/** The ids of the tools an agent invokes, in graph order. */
function toolIds(g: ModelGraph, agent: number): string[] {
  const ids: string[] = [];
  const row = g.outIndex(agent, 'invokes');
  for (let k = 0; k < row.length; k++) ids.push(g.nodes[g.edgeTarget[row[k]!]!]!.id);
  return ids;
}

/** How many tool ids a message names before it summarises the rest. */
const NAMED_TOOLS = 5;

export default defineRule({
  id: 'tool-boundaries-undocumented',
  title: 'Agent uses tools with no documented tool boundaries',
  category: 'lifecycle',
  severity: 'low',
  escalation: AGENT_ESCALATION,
  layers: [3],
  references: ['owasp-asi:ASI02', 'owasp-ttm:T2', 'owasp-llm:LLM06', 'nist-ai-rmf:GOVERN-4.2', 'maestro:L3'],
  rationale:
    'Which tools an agent may call, with which arguments, how often and on whose behalf, is the operating boundary its reviewers, operators and on-call engineers need to tell normal use from misuse. When it is written nowhere, a tool call is legitimate merely because the agent could make it, and a change to the toolset has nothing to be checked against. Retired agents are not reported.',
  remediation:
    'Document the agent’s permitted tools and their limits (allowed operations, argument bounds, rate limits) and point change_control.tool_boundaries at that document.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired' || agent.spec.change_control?.tool_boundaries) continue;
      const tools = toolIds(graph, agent.index);
      if (!tools.length) continue;
      const named = tools.slice(0, NAMED_TOOLS).map((t) => `"${t}"`);
      if (tools.length > NAMED_TOOLS) named.push(`and ${tools.length - NAMED_TOOLS} more`);
      const { severity, reasons } = escalateForAgent(graph, agent, 'low');
      yield {
        subject: agent,
        related: tools,
        message: `agent "${agent.id}" may invoke ${tools.length > 1 ? `${tools.length} tools` : 'tool'} ${named.join(', ')} but has no change_control.tool_boundaries saying where ${tools.length > 1 ? 'their' : 'its'} permitted use and limits are documented`,
        severity,
        reasons,
      };
    }
  },
});
