import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { AnyGraphNode, GraphNode, ModelGraph } from '../src/graph/graph.js';
import type { OwnerRoleName } from '../src/model/schema.js';
import { LIVE_AGENT, nodeFacts, TOOL } from '../src/graph/facts.js';
import { activeAccountableRoles, isActiveOwner, isCredentialActive } from '../src/graph/query.js';

function isAccountableRole(role: OwnerRoleName | undefined): boolean {
  return role === 'business' || role === 'operator';
}

/**
 * The agent or tool that is the only workload holding the credential, when there is exactly one:
 * the credential is then that workload's own identity, and the workload's owners answer for it.
 */
function soleWorkload(g: ModelGraph, credential: GraphNode<'credential'>): AnyGraphNode | undefined {
  const facts = nodeFacts(g);
  let workload = -1;
  for (const k of g.inIndex(credential.index, 'authenticates_with')) {
    const h = g.edgeSource[k]!;
    if (!(facts[h]! & (TOOL | LIVE_AGENT))) continue;
    if (workload >= 0) return undefined;
    workload = h;
  }
  return workload >= 0 ? g.nodes[workload] : undefined;
}

export default defineRule({
  id: 'credential-without-owner',
  title: 'Credential has no accountable owner',
  category: 'credentials',
  severity: 'high',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6],
  references: ['owasp-nhi:NHI1', 'owasp-asi:ASI03', 'nist-ai-rmf:GOVERN-1.6', 'nist-ai-rmf:GOVERN-2.1', 'maestro:L6'],
  rationale:
    "Every non-human identity needs an active business owner or operator: the team that decides whether it is still needed, answers for what it can reach, and revokes it when the workload or the team goes away. The issuer does not count. The platform team that minted a key knows that it exists but not why it is used or whether its holders still need it, so a credential owned only by its issuer is exactly the orphan that outlives its purpose (OWASP NHI1, Improper Offboarding). A credential held by exactly one agent or tool (its own identity, such as an agent's SPIFFE ID) is answered for by that workload's active business owner or operator when it names none of its own; a credential held by several workloads, or by none, needs its own. Revoked, expired and disabled credentials are not reported.",
  remediation:
    'Name an active team under owner (or owners.business / owners.operator) on the credential: the team whose workload uses it, not only the team that issued it.',
  *check({ graph }) {
    const owned = activeAccountableRoles(graph);
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential) || owned[credential.index]) continue;
      const workload = soleWorkload(graph, credential);
      if (workload && owned[workload.index]) continue;
      const owners = graph.ownersOf(credential);
      const inactive = owners.filter((o) => isAccountableRole(o.role) && !isActiveOwner(o.owner));
      const issuers = owners.filter((o) => o.role === 'issuer').map((o) => o.owner.id);
      const parts: string[] = [];
      if (inactive.length)
        parts.push(`its ${inactive.map((o) => `${o.role} owner "${o.owner.id}" is ${o.owner.spec.status}`).join(', ')}`);
      if (issuers.length) parts.push(`the issuer ${issuers.map((id) => `"${id}"`).join(', ')} is not an accountable owner`);
      if (workload) parts.push(`its only holder, ${workload.kind} "${workload.id}", has no active business owner or operator either`);
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      yield {
        subject: credential,
        related: owners.map((o) => o.owner.id),
        message: `credential "${credential.id}" has no active business owner or operator${parts.length ? `: ${parts.join('; ')}` : ''}`,
        severity,
        reasons,
      };
    }
  },
});
