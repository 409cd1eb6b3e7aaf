import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { accessSummaryOf, isIrreversible, lifecycleOf, takesUntrustedInput, toolRequiresApproval } from '../src/graph/query.js';

const IRREVERSIBLE_ACTIONS = new Set(['pay', 'delete', 'deploy', 'send-external']);

/** Why the tool counts as irreversible, in the model's own words. */
function irreversibility(tool: GraphNode<'tool'>): string {
  if (tool.spec.reversible === false) return 'reversible: false';
  return (tool.spec.actions ?? []).filter((a) => IRREVERSIBLE_ACTIONS.has(a)).join(', ');
}

function changesRestrictedData(g: ModelGraph, tool: GraphNode<'tool'>): boolean {
  return accessSummaryOf(g, tool).restrictedWrite;
}

export default defineRule({
  id: 'irreversible-tool-without-approval',
  title: 'Agent can invoke an irreversible tool without human approval',
  category: 'privilege',
  severity: 'high',
  escalation:
    'Raised to critical when the agent takes untrusted input (external exposure or untrusted input sources), or the tool writes restricted data.',
  layers: [3, 5, 6],
  references: [
    'owasp-asi:ASI02',
    'owasp-asi:ASI09',
    'owasp-ttm:T7',
    'owasp-llm:LLM06',
    'nist-ai-rmf:GOVERN-3.2',
    'nist-ai-rmf:MAP-3.5',
    'atlas:AML.M0029',
    'atlas:AML.T0101',
    'maestro:L3',
  ],
  rationale:
    'Payments, deletions, deployments and messages sent outside cannot be taken back. When an agent can fire them on its own judgement, one hijacked or mistaken plan becomes a loss that no later control can undo; a human approval on the tool or on the agent’s use of it is the last point where the action can still be stopped.',
  remediation:
    'Require human approval on the tool (approval: true, or approval.required with named approvers) or on this agent’s relation to it (tools: [{ tool: <id>, approval: true }]); or make the tool reversible and say so with reversible: true.',
  *check({ graph }) {
    // Per tool, whether it is irreversible with no approval of its own (then its wording), whether
    // it writes restricted data, and its id as a related list: each tool is called by many agents.
    const unguarded: (string | null | undefined)[] = new Array(graph.order);
    const writesRestricted: (boolean | undefined)[] = new Array(graph.order);
    const related: (readonly string[] | undefined)[] = new Array(graph.order);
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const untrusted = takesUntrustedInput(agent);
      const row = graph.outIndex(agent.index, 'invokes');
      for (let k = 0; k < row.length; k++) {
        const e = row[k]!;
        const tool = graph.nodes[graph.edgeTarget[e]!] as GraphNode<'tool'>;
        let wording = unguarded[tool.index];
        if (wording === undefined) wording = unguarded[tool.index] = isIrreversible(tool) && !toolRequiresApproval(tool) ? irreversibility(tool) : null;
        if (wording === null || graph.edges[e]!.attrs.approval === true) continue;
        const restricted = (writesRestricted[tool.index] ??= changesRestrictedData(graph, tool));
        const reasons = REASONS[(untrusted ? 1 : 0) + (restricted ? 2 : 0)]!;
        yield {
          subject: agent,
          key: tool.id,
          related: (related[tool.index] ??= [tool.id]),
          message: `agent "${agent.id}" can invoke irreversible tool "${tool.id}" (${wording}) with no human approval on the tool or on the invocation`,
          severity: reasons.length ? 'critical' : 'high',
          reasons,
        };
      }
    }
  },
});

const UNTRUSTED = 'the agent takes untrusted input, so injected content can trigger the call';
const RESTRICTED = 'the tool changes restricted data';
/** The reasons for raising, by (untrusted input: 1) + (restricted writes: 2), shared by every finding. */
const REASONS: readonly (readonly string[])[] = [[], [UNTRUSTED], [RESTRICTED], [UNTRUSTED, RESTRICTED]].map((r) => Object.freeze(r));
