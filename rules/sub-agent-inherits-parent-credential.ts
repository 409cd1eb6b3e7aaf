import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphEdge } from '../src/graph/graph.js';
import { isCredentialActive, lifecycleOf, parentOf } from '../src/graph/query.js';

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((s) => set.has(s));
}

/**
 * Whether the sub-agent's use of the credential is limited to other scopes than its parent's:
 * the relation names scopes, and they differ from the parent's relation scopes or, failing those,
 * from the credential's own.
 */
function isDownScoped(child: GraphEdge, parent: GraphEdge, credentialScopes: readonly string[] | undefined): boolean {
  const own = child.attrs.scopes;
  if (own === undefined) return false;
  const inherited = parent.attrs.scopes ?? credentialScopes;
  return inherited === undefined || !sameScopes(own, inherited);
}

export default defineRule({
  id: 'sub-agent-inherits-parent-credential',
  title: "Sub-agent holds its parent's credential without down-scoping",
  category: 'credentials',
  severity: 'high',
  escalation: AGENT_ESCALATION,
  layers: [3, 6],
  references: ['owasp-asi:ASI03', 'owasp-ttm:T3', 'owasp-ttm:T14', 'atlas:AML.M0028', 'maestro:L3'],
  rationale:
    "A sub-agent exists to do a narrower job than its parent. When it authenticates with the parent's own credential, it can do everything the parent can, and a hijacked sub-agent (whose input often comes from the parent, a tool or another agent) inherits the parent's whole reach: OWASP ASI03 calls this unscoped privilege inheritance. One finding per inherited credential (key: the credential). A sub-agent whose relation to the credential is limited to other scopes than the parent's (credentials: [{ credential, scopes }]) is taken as down-scoped and not reported. Retired sub-agents and revoked, expired or disabled credentials are ignored.",
  remediation:
    "Give the sub-agent its own credential scoped to its task, or a token exchanged from the parent's with narrower scopes (and the parent's principal propagated), and record the scopes on the relation.",
  *check({ graph }) {
    // Per parent, the relation to each credential it holds, by credential index: a parent has many sub-agents.
    const parentCredentials = new Map<number, Map<number, GraphEdge>>();
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const parent = parentOf(graph, agent);
      if (!parent) continue;
      let held = parentCredentials.get(parent.index);
      if (!held) {
        held = new Map();
        for (const e of graph.outIndex(parent.index, 'authenticates_with')) held.set(graph.edgeTarget[e]!, graph.edges[e]!);
        parentCredentials.set(parent.index, held);
      }
      let escalation: ReturnType<typeof escalateForAgent> | undefined;
      for (const e of graph.outIndex(agent.index, 'authenticates_with')) {
        const parentEdge = held.get(graph.edgeTarget[e]!);
        const credential = graph.nodes[graph.edgeTarget[e]!]!;
        if (!parentEdge || credential.kind !== 'credential' || !isCredentialActive(credential)) continue;
        if (isDownScoped(graph.edges[e]!, parentEdge, credential.spec.scopes)) continue;
        escalation ??= escalateForAgent(graph, agent, 'high');
        const { severity, reasons } = escalation;
        yield {
          subject: agent,
          key: credential.id,
          related: [parent.id, credential.id],
          message: `sub-agent "${agent.id}" authenticates with "${credential.id}", the same credential as its parent "${parent.id}", with no narrower scopes`,
          severity,
          reasons,
        };
      }
    }
  },
});
