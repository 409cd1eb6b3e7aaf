import { defineRule } from '../src/analysis/rule.js';
import { ACTIVE_AGENT, nodeFacts, TOOL } from '../src/graph/facts.js';
import { isCredentialActive } from '../src/graph/query.js';

export default defineRule({
  id: 'revoked-credential-still-held',
  title: 'Active agent or tool is modelled with a revoked or expired credential',
  category: 'credentials',
  severity: 'low',
  layers: [6],
  references: ['nist-ai-rmf:GOVERN-1.6', 'owasp-nhi:NHI1', 'owasp-asi:ASI10', 'maestro:L6'],
  rationale:
    'An agent or tool that is still in service cannot be authenticating with a credential that is revoked, expired or disabled. Either the model is stale, or, more often, the workload has been given another credential that the inventory does not show: an unmodelled identity that no other rule can see, with no owner, lifetime or grants on record (NIST AI RMF GOVERN 1.6, inventory). The finding is on the holder, one per credential (key: the credential); retired, suspended and planned agents are not reported.',
  remediation:
    'Model the credential the workload uses now (and give it an owner, lifetime and grants), then remove the revoked one from credential, credentials or held_by.',
  *check({ graph }) {
    const facts = nodeFacts(graph);
    for (const credential of graph.nodesOf('credential')) {
      if (isCredentialActive(credential)) continue;
      for (const k of graph.inIndex(credential.index, 'authenticates_with')) {
        // Only agents whose lifecycle is active, and tools.
        if (!(facts[graph.edgeSource[k]!]! & (ACTIVE_AGENT | TOOL))) continue;
        const holder = graph.nodes[graph.edgeSource[k]!]!;
        yield {
          subject: holder,
          key: credential.id,
          related: [credential.id],
          message: `${holder.kind} "${holder.id}" is modelled as authenticating with credential "${credential.id}", which is ${credential.spec.status}`,
        };
      }
    }
  },
});
