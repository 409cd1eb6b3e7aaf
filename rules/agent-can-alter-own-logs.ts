import { defineRule } from '../src/analysis/rule.js';
import type { GraphEdge, GraphNode, ModelGraph } from '../src/graph/graph.js';
import { dataAccessOf, isIrreversible, lifecycleOf, takesUntrustedInput, toolsOf } from '../src/graph/query.js';

const isHop = (e: GraphEdge) => e.kind === 'invokes' || e.kind === 'authenticates_with';

/** How the access is obtained: "directly", or through the tool and credential on the way. */
function describeVia(g: ModelGraph, via: readonly GraphEdge[]): string {
  const hops = via
    .filter(isHop)
    .map((e) => `${g.node(e.to)?.kind ?? 'node'} "${e.to}"`);
  return hops.length ? `through ${hops.join(' and ')}` : 'directly';
}

function escalationReasons(g: ModelGraph, agent: GraphNode<'agent'>): string[] {
  const reasons: string[] = [];
  if (takesUntrustedInput(agent)) reasons.push('takes untrusted input: a hijacked session can erase its own trace');
  if (toolsOf(g, agent).some(isIrreversible)) reasons.push('can take irreversible actions whose record it can alter');
  return reasons;
}

export default defineRule({
  id: 'agent-can-alter-own-logs',
  title: 'Agent can write to the log store that records it',
  category: 'observability',
  severity: 'medium',
  escalation: 'Raised to high when the agent takes untrusted input or can take irreversible actions.',
  layers: [5],
  references: ['owasp-ttm:T8', 'owasp-asi:ASI10', 'atlas:AML.M0024', 'nist-ai-rmf:MEASURE-2.4', 'maestro:L5'],
  rationale:
    'A log that its subject can write is not evidence. An agent that is hijacked, or misbehaves, can delete or rewrite the records of what it did, directly or with a credential or tool that has write access to its own log store, and the incident then leaves no trace.',
  remediation:
    'Make the agent’s log store append-only for the agent’s identity and for every credential and tool it uses: remove write and admin grants on the sink, and let a separate collector identity write the logs.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const sinks = graph.outEdgesOf(agent, 'logs_to');
      if (!sinks.length) continue;
      const access = new Map(dataAccessOf(graph, agent.id).map((a) => [a.data.id, a]));
      let reasons: string[] | undefined;
      for (const sink of sinks) {
        const a = access.get(sink.to);
        if (!a || a.access === 'read') continue;
        reasons ??= escalationReasons(graph, agent);
        yield {
          subject: agent,
          key: sink.to,
          related: [sink.to, ...a.via.filter(isHop).map((e) => e.to)],
          message: `agent "${agent.id}" logs to "${sink.to}" and has ${a.access} access to it ${describeVia(graph, a.via)}`,
          severity: reasons.length ? 'high' : 'medium',
          reasons,
        };
      }
    }
  },
});
