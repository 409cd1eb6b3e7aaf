import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { ModelGraph } from '../src/graph/graph.js';
import { ACTIVE_CREDENTIAL, LIVE_AGENT, nodeFacts } from '../src/graph/facts.js';

/** The ids of the agents that hold a credential, retired ones left out, in graph order. */
function liveAgentHolders(g: ModelGraph, facts: Uint8Array, credential: number): string[] {
  const agents: string[] = [];
  const row = g.inIndex(credential, 'authenticates_with');
  for (let k = 0; k < row.length; k++) {
    const e = row[k]!;
    if (facts[g.edgeSource[e]!]! & LIVE_AGENT) agents.push(g.nodes[g.edgeSource[e]!]!.id);
  }
  return agents;
}

export default defineRule({
  id: 'credential-shared-between-agents',
  title: 'Credential is shared by two or more agents',
  category: 'credentials',
  severity: 'high',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6, 7],
  references: ['owasp-nhi:NHI9', 'owasp-asi:ASI03', 'owasp-ttm:T8', 'owasp-ttm:T9', 'maestro:L7'],
  rationale:
    'When two agents hold the same credential, compromising either one yields everything the credential grants to both, a leak cannot be traced to the agent that caused it, and revoking it for one agent stops the other (OWASP NHI9, NHI Reuse). Each agent should have an identity of its own. The finding is on the credential, one per shared credential, with its holders as related nodes; agent-without-own-identity reports, on the agent, the stronger case where an agent has nothing but shared credentials. Holders are agents that list the credential (credential, credentials) or that the credential lists under held_by; tools that run with a credential and retired agents are not counted, and revoked, expired or disabled credentials are not reported.',
  remediation:
    'Issue a separate credential to each agent, scoped to what that agent needs, and revoke the shared one.',
  *check({ graph }) {
    const facts = nodeFacts(graph);
    for (const credential of graph.nodesOf('credential')) {
      if (!(facts[credential.index]! & ACTIVE_CREDENTIAL)) continue;
      const agents = liveAgentHolders(graph, facts, credential.index);
      if (agents.length < 2) continue;
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      yield {
        subject: credential,
        related: agents,
        message: `credential "${credential.id}" is held by ${agents.length} agents: ${agents.map((id) => `"${id}"`).join(', ')}`,
        severity,
        reasons,
      };
    }
  },
});
