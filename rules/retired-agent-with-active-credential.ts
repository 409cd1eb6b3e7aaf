import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { isCredentialActive, lifecycleOf } from '../src/graph/query.js';
import { uniqueAscending } from '../src/util/compare.js';

function isStopped(node: GraphNode<'agent'>): boolean {
  const lifecycle = lifecycleOf(node);
  return lifecycle === 'retired' || lifecycle === 'suspended';
}

/** What every finding on one credential shares: its related ids and the note on its live holders. */
interface HeldCredential {
  /** The credential and its live holders, once each and ascending. */
  related: readonly string[];
  /** The message's tail naming the live holders, or '' when there are none. */
  note: string;
}

/** The credential's live holders (all but stopped agents; the stopped agent itself is never among them). */
function heldCredential(g: ModelGraph, credential: GraphNode<'credential'>): HeldCredential {
  const ids: string[] = [];
  const named: string[] = [];
  for (const k of g.inIndex(credential.index, 'authenticates_with')) {
    const holder = g.nodes[g.edgeSource[k]!]!;
    if (holder.kind === 'agent' && isStopped(holder)) continue;
    ids.push(holder.id);
    named.push(`${holder.kind} "${holder.id}"`);
  }
  const note = !named.length
    ? ''
    : `; ${named.join(', ')} also ${named.length > 1 ? 'hold it and need credentials of their own' : 'holds it and needs a credential of its own'} before it can be revoked`;
  // Ascending, as the engine keeps related lists: shared by every finding on the credential.
  return { related: uniqueAscending([credential.id, ...ids]), note };
}

const RETIRED: readonly string[] = Object.freeze(['the agent is retired']);

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
    // Many stopped agents may share one key: what its findings share is worked out once.
    const held = new Map<number, HeldCredential>();
    for (const agent of graph.nodesOf('agent')) {
      if (!isStopped(agent)) continue;
      const lifecycle = lifecycleOf(agent);
      for (const k of graph.outIndex(agent.index, 'authenticates_with')) {
        const credential = graph.nodes[graph.edgeTarget[k]!] as GraphNode<'credential'>;
        if (!isCredentialActive(credential)) continue;
        let shared = held.get(credential.index);
        if (!shared) held.set(credential.index, (shared = heldCredential(graph, credential)));
        yield {
          subject: agent,
          key: credential.id,
          related: shared.related,
          message: `${lifecycle} agent "${agent.id}" still holds active credential "${credential.id}"${shared.note}`,
          severity: lifecycle === 'retired' ? 'critical' : 'high',
          reasons: lifecycle === 'retired' ? RETIRED : [],
        };
      }
    }
  },
});
