import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { RELATION_CODE, type AnyGraphNode, type ModelGraph } from '../src/graph/graph.js';
import { accessSummaryOf, canWrite, isIrreversible, lifecycleOf } from '../src/graph/query.js';

const { delegates_to: DELEGATES_TO, invokes: INVOKES } = RELATION_CODE;

const WEAK_AUTH: Readonly<Record<string, string>> = {
  none: 'no authentication',
  basic: 'basic authentication, a reusable user name and password',
  'shared-secret': 'a shared secret',
};

/**
 * The agent's delegates_to and invokes relations with weak authentication, as edge indices, or
 * undefined when there are none (the usual case: the scan stays out of the generator).
 */
function weakRelations(g: ModelGraph, agent: AnyGraphNode): number[] | undefined {
  let weak: number[] | undefined;
  for (const k of g.outIndex(agent.index)) {
    const kind = g.edgeKind[k];
    if (kind !== DELEGATES_TO && kind !== INVOKES) continue;
    const auth = g.edges[k]!.attrs.auth;
    if (auth !== undefined && Object.hasOwn(WEAK_AUTH, auth)) (weak ??= []).push(k);
  }
  return weak;
}

/** Whether a callee can change anything: a tool that writes or acts, an agent with such a tool or write access. */
function changeCapability(g: ModelGraph): (callee: AnyGraphNode) => boolean {
  // Per node: 0 not known yet, 1 no, 2 yes.
  const memo = new Uint8Array(g.order);
  const toolActs = (t: AnyGraphNode) => t.kind === 'tool' && (canWrite(t) || isIrreversible(t) || g.outIndex(t.index, 'writes').length > 0);
  const agentActs = (a: AnyGraphNode) => {
    for (const k of g.outIndex(a.index, 'invokes')) if (toolActs(g.nodes[g.edgeTarget[k]!]!)) return true;
    return accessSummaryOf(g, a).write;
  };
  return (callee) => {
    let known = memo[callee.index]!;
    if (!known) {
      known = (callee.kind === 'tool' ? toolActs(callee) : callee.kind === 'agent' && agentActs(callee)) ? 2 : 1;
      memo[callee.index] = known;
    }
    return known === 2;
  };
}

export default defineRule({
  id: 'weak-authentication-on-relation',
  title: 'Agent calls another agent or a tool with weak or no authentication',
  category: 'credentials',
  severity: 'medium',
  escalation:
    'Raised one step when the relation has no authentication at all (so an unauthenticated delegation to another agent is high), and one step when the callee can write or act irreversibly (two steps at most).',
  layers: [6, 7],
  references: ['owasp-nhi:NHI4', 'owasp-asi:ASI07', 'owasp-ttm:T9', 'owasp-ttm:T16', 'maestro:L7'],
  rationale:
    'When an agent delegates to another agent or invokes a tool with no authentication, basic authentication or a shared secret, the callee cannot tell the real caller from anything else that reaches it: a compromised neighbour, a replayed request, a spoofed agent (OWASP NHI4, Insecure Authentication; ASI07, Insecure Inter-Agent Communication). Mutual TLS, SPIFFE SVIDs, OIDC or OAuth bind each call to a verifiable workload identity. The finding is on the caller, one per weak relation (key: the callee), for delegates_to and invokes relations whose auth is none, basic or shared-secret; relations that do not state their auth are not reported. Retired callers are ignored.',
  remediation:
    'Authenticate the relation with a workload identity (auth: mtls, spiffe or oidc) or OAuth, so that the callee verifies which agent calls it, and set auth on the relation.',
  *check({ graph }) {
    const canChange = changeCapability(graph);
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      for (const k of weakRelations(graph, agent) ?? []) {
        const kind = graph.edgeKind[k];
        const auth = graph.edges[k]!.attrs.auth!;
        const callee = graph.nodes[graph.edgeTarget[k]!]!;
        const reasons: string[] = [];
        if (auth === 'none') reasons.push('the relation has no authentication at all');
        if (canChange(callee)) reasons.push(`${callee.kind} "${callee.id}" can write or act irreversibly`);
        const verb = kind === DELEGATES_TO ? 'delegates to agent' : 'invokes tool';
        yield {
          subject: agent,
          key: callee.id,
          related: [callee.id],
          message: `agent "${agent.id}" ${verb} "${callee.id}" with ${WEAK_AUTH[auth]} (auth: ${auth})`,
          severity: raiseSeverity('medium', Math.min(2, reasons.length)),
          reasons,
        };
      }
    }
  },
});
