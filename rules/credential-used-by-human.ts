import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode, ModelGraph } from '../src/graph/graph.js';
import { isCredentialActive } from '../src/graph/query.js';

/**
 * Per node, 1 when an owner holds it. Read from the owners' out-rows, which lie together in memory,
 * rather than from every credential's in-row, whose relations are scattered: most credentials have
 * no human holder, and this spares looking up each of their holders.
 */
function heldByOwners(g: ModelGraph): Uint8Array {
  const held = new Uint8Array(g.order);
  for (const owner of g.nodesOf('owner')) {
    for (const k of g.outIndex(owner.index, 'authenticates_with')) held[g.edgeTarget[k]!] = 1;
  }
  return held;
}

/** The owners (people or teams) that hold the credential, in relation order; read from its raw in-row. */
function peopleHolding(g: ModelGraph, credential: GraphNode<'credential'>): GraphNode<'owner'>[] {
  const people: GraphNode<'owner'>[] = [];
  for (const k of g.inIndex(credential.index, 'authenticates_with')) {
    const holder = g.nodes[g.edgeSource[k]!]!;
    if (holder.kind === 'owner') people.push(holder);
  }
  return people;
}

export default defineRule({
  id: 'credential-used-by-human',
  title: 'Non-human credential is also used by people',
  category: 'credentials',
  severity: 'high',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6, 5],
  references: ['owasp-nhi:NHI10', 'owasp-ttm:T8', 'owasp-asi:ASI03', 'nist-ai-rmf:GOVERN-3.2', 'maestro:L6'],
  rationale:
    'When people sign in with an agent\'s credential, the logs can no longer tell what the agent did from what a person did, the person bypasses the controls on their own account (MFA, joiner-mover-leaver processes), and the credential usually carries more privilege than that person should have (OWASP NHI10, Human Use of NHI). The rule reports a credential marked human_use: true, or held by an owner: a person, or a team, which stands for the people in it.',
  remediation:
    'Give the people their own, individually attributable accounts for manual work, stop human sign-in with the credential, and rotate it so that copies held by people stop working.',
  *check({ graph }) {
    const held = heldByOwners(graph);
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential) || (credential.spec.human_use !== true && !held[credential.index])) continue;
      const people = held[credential.index] ? peopleHolding(graph, credential) : [];
      const parts: string[] = [];
      if (credential.spec.human_use === true) parts.push('is marked human_use: true');
      if (people.length)
        parts.push(`is held by ${people.map((p) => `${(p.spec.type ?? 'team') === 'person' ? 'person' : 'team'} "${p.id}"`).join(', ')}`);
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      yield {
        subject: credential,
        related: people.map((p) => p.id),
        message: `credential "${credential.id}" ${parts.join(' and ')}`,
        severity,
        reasons,
      };
    }
  },
});
