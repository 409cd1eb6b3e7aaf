import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { credentialIssuers, isActiveOwner, isPlatformTeam, lifecycleOf, teamOf } from '../src/graph/query.js';

export default defineRule({
  id: 'agent-owned-only-by-credential-issuer',
  title: 'Agent is owned only by the platform team that issued its credentials',
  category: 'ownership',
  severity: 'medium',
  escalation:
    `${AGENT_ESCALATION} This is the catalogue's "high if privileged".`,
  layers: [6],
  references: [
    'owasp-asi:ASI03',
    'owasp-ttm:T3',
    'owasp-nhi:NHI1',
    'owasp-nhi:NHI5',
    'nist-ai-rmf:GOVERN-2.1',
    'nist-ai-rmf:GOVERN-3.2',
    'maestro:L6',
  ],
  rationale:
    'When the platform team that minted an agent’s credentials is also the only business owner and operator on record, ownership is nominal: the platform knows the identity exists, but not what the agent is for, whether it still needs what it holds, or whom its actions affect. Nobody on the product side reviews its purpose or accepts its risk, and when the product that needed it goes away the identity lives on. Only active business owners and operators are considered; a platform team that owns an agent whose credentials someone else issued is not reported here.',
  remediation:
    'Name the product or business team that the agent works for under owners.business (and, if it runs the agent, owners.operator); keep the platform team as issuer or creator.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const accountable = graph
        .ownersOf(agent)
        .filter((o) => (o.role === 'business' || o.role === 'operator') && isActiveOwner(o.owner));
      // Only platform-team owners can be the issuer alone: a cheap test before the credentials are read.
      if (!accountable.length || !accountable.every((o) => isPlatformTeam(graph, o.owner))) continue;
      const issuers = credentialIssuers(graph, agent);
      if (!issuers.size) continue;
      const issued = accountable.map((o) => (isPlatformTeam(graph, o.owner) ? issuers.get(teamOf(graph, o.owner).id) : undefined));
      if (issued.some((credentials) => !credentials)) continue;
      const owners = accountable.map((o) => `"${o.owner.id}" (${o.role})`);
      const teams = [...new Set(accountable.map((o) => teamOf(graph, o.owner).id))];
      const credentials = [...new Set(issued.flatMap((c) => c!))];
      const { severity, reasons } = escalateForAgent(graph, agent, 'medium');
      yield {
        subject: agent,
        related: [...accountable.map((o) => o.owner.id), ...teams, ...credentials],
        message: `agent "${agent.id}" is owned only by the platform team that issued its credentials: ${owners.join(', ')}; ${teams
          .map((t) => `"${t}" issued ${issuers.get(t)!.map((c) => `"${c}"`).join(', ')}`)
          .join('; ')}; no product or business team answers for it`,
        severity,
        reasons,
      };
    }
  },
});
