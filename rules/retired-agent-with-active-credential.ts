import { defineRule } from '../src/analysis/rule.js';
import type { AnyGraphNode, GraphNode } from '../src/graph/graph.js';
import { holdersOf, isCredentialActive, lifecycleOf } from '../src/graph/query.js';

function isStopped(node: GraphNode<'agent'>): boolean {
  const lifecycle = lifecycleOf(node);
  return lifecycle === 'retired' || lifecycle === 'suspended';
}

export default defineRule({
  id: 'retired-agent-with-active-credential',
  title: 'Retired or suspended agent still holds an active credential',
  category: 'lifecycle',
  severity: 'high',
  escalation: 'Critical when the agent is retired; a suspended agent, which may be resumed, stays at high.',
  layers: [6, 4],
  references: [
    'owasp-nhi:NHI1',
    'owasp-nhi:NHI7',
    'owasp-asi:ASI03',
    'owasp-ttm:T3',
    'nist-ai-rmf:GOVERN-1.7',
    'nist-ai-rmf:MANAGE-4.1',
    'atlas:AML.M0027',
    'maestro:L6',
    'maestro:L4',
  ],
  rationale:
    'When an agent is retired, the identity it acted with must go too. A key that still works after its workload is gone is used by nobody legitimate, watched by nobody, and is exactly what an attacker who finds it in an old config or repository can use unnoticed (OWASP NHI1, Improper Offboarding; ASI03’s orphaned privilege persistence). A suspended agent is reported as well, at a lower severity: suspension that leaves the credential live stops the agent, not someone holding its key.',
  remediation:
    'Revoke or disable the credential (status: revoked) as part of retiring the agent, or remove it from the agent if another workload still needs it; if other agents share it, give them their own credentials first.',
  *check({ graph }) {
    // Live holders per credential, computed once: many retired agents may share one key. The
    // stopped agent itself is never among them.
    const liveHolders = new Map<string, AnyGraphNode[]>();
    const liveHoldersOf = (credentialId: string) => {
      let live = liveHolders.get(credentialId);
      if (!live) liveHolders.set(credentialId, (live = holdersOf(graph, credentialId).filter((h) => !(h.kind === 'agent' && isStopped(h)))));
      return live;
    };
    for (const agent of graph.nodesOf('agent')) {
      if (!isStopped(agent)) continue;
      const lifecycle = lifecycleOf(agent);
      for (const edge of graph.outEdgesOf(agent, 'authenticates_with')) {
        const credential = graph.nodes[edge.target] as GraphNode<'credential'>;
        if (!isCredentialActive(credential)) continue;
        const others = liveHoldersOf(credential.id);
        yield {
          subject: agent,
          key: credential.id,
          related: [credential.id, ...others.map((h) => h.id)],
          message: `${lifecycle} agent "${agent.id}" still holds active credential "${credential.id}"${
            others.length
              ? `; ${others.map((h) => `${h.kind} "${h.id}"`).join(', ')} also ${others.length > 1 ? 'hold it and need credentials of their own' : 'holds it and needs a credential of its own'} before it can be revoked`
              : ''
          }`,
          severity: lifecycle === 'retired' ? 'critical' : 'high',
          reasons: lifecycle === 'retired' ? ['the agent is retired'] : [],
        };
      }
    }
  },
});
