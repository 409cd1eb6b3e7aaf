import { escalateForAgent, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { Severity } from '../src/analysis/severity.js';
import type { AnyGraphNode, GraphNode, ModelGraph } from '../src/graph/graph.js';
import { isActiveOwner, isCredentialActive, lifecycleOf, teamOf } from '../src/graph/query.js';
import type { NodeKind, OwnerRoleName } from '../src/model/schema.js';

/** Roles that carry accountability; the creator built the entity and answers for nothing at run time. */
const ROLES: readonly { role: OwnerRoleName; label: string }[] = [
  { role: 'business', label: 'business owner' },
  { role: 'operator', label: 'runtime operator' },
  { role: 'issuer', label: 'issuer' },
  { role: 'shutdown', label: 'shutdown owner' },
  { role: 'data', label: 'data owner' },
  { role: 'approver', label: 'approver' },
];

/**
 * Roles whose dedicated rule already reports an owner who is not active, naming them:
 * agent-without-business-owner, agent-without-runtime-operator, sub-agent-without-own-owner,
 * system-without-owner and credential-without-owner.
 */
const REPORTED_ELSEWHERE: Partial<Record<NodeKind, readonly OwnerRoleName[]>> = {
  agent: ['business', 'operator'],
  system: ['business'],
  credential: ['business', 'operator'],
};

function isLive(node: AnyGraphNode): boolean {
  if (node.kind === 'agent') return lifecycleOf(node) !== 'retired';
  if (node.kind === 'credential') return isCredentialActive(node);
  return true;
}

export default defineRule({
  id: 'departed-owner',
  title: 'Accountable owner has departed and nobody took over the role',
  category: 'ownership',
  severity: 'high',
  escalation:
    'On an agent, the shared agent escalation (external exposure, restricted data, write or irreversible capability); on a credential, the shared credential escalation (write or admin grant, restricted data, a holder taking untrusted input). One step when any factor holds, two when all three do.',
  layers: [6],
  references: [
    'owasp-nhi:NHI1',
    'owasp-asi:ASI03',
    'nist-ai-rmf:GOVERN-2.1',
    'nist-ai-rmf:GOVERN-1.5',
    'maestro:L6',
  ],
  rationale:
    'Ownership decays silently: people leave and teams are reorganised, while the agents, tools, credentials and data stores they answered for keep running. A role whose every holder is departed (or of unknown status) is a role nobody fills: no one rotates the key, approves the change, pulls the kill switch or answers for the data. The finding is keyed by role. The creator role is not checked, and neither are retired agents or credentials that are no longer active. The business owner and operator of agents and credentials, and the business owner of systems, are reported by their own rules.',
  remediation:
    'Transfer the role to an active team or person (their successor, or the team a departed person belonged to) and fold the handover into the offboarding process so that the next departure does not leave a gap.',
  *check({ graph }) {
    // A role is reported only when all its owners are inactive: only what some inactive owner owns
    // is read, from the few inactive owners' side.
    const touched = ownedByInactive(graph);
    for (let i = 0; i < graph.order; i++) {
      if (!touched[i]) continue;
      const node = graph.nodes[i]!;
      if (!isLive(node)) continue;
      const owners = graph.ownersOf(node);
      const skip = REPORTED_ELSEWHERE[node.kind] ?? [];
      let escalated: { severity: Severity; reasons: readonly string[] } | undefined;
      for (const { role, label } of ROLES) {
        if (skip.includes(role)) continue;
        const holders = owners.filter((o) => o.role === role).map((o) => o.owner);
        if (!holders.length || holders.some(isActiveOwner)) continue;
        escalated ??=
          node.kind === 'agent'
            ? escalateForAgent(graph, node, 'high')
            : node.kind === 'credential'
              ? escalateForCredential(graph, node, 'high')
              : { severity: 'high', reasons: [] };
        const kind = node.kind === 'data' ? 'data store' : node.kind;
        yield {
          subject: node,
          key: role,
          related: holders.map((h) => h.id),
          message: `${kind} "${node.id}" has no active ${label}: ${holders.map((h) => describe(graph, h)).join(', ')}`,
          severity: escalated.severity,
          reasons: escalated.reasons,
        };
      }
    }
  },
});

/** Per node: whether some owner that is not active owns it, in any role. */
function ownedByInactive(graph: ModelGraph): Uint8Array {
  const touched = new Uint8Array(graph.order);
  for (const owner of graph.nodesOf('owner')) {
    if (isActiveOwner(owner)) continue;
    for (const e of graph.outEdgesOf(owner, 'owns')) touched[e.target] = 1;
  }
  return touched;
}

function describe(graph: ModelGraph, owner: GraphNode<'owner'>): string {
  const status = owner.spec.status === 'unknown' ? 'of unknown status' : 'departed';
  const team = teamOf(graph, owner);
  const successor = team !== owner && isActiveOwner(team) ? ` (their team "${team.id}" is active and could take over)` : '';
  return `"${owner.id}" is ${status}${successor}`;
}
