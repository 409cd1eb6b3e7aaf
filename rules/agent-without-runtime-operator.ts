import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import {
  accountableOwners,
  credentialIssuers,
  isActiveOwner,
  isPlatformTeam,
  lifecycleOf,
  ownersWithRole,
  parentOf,
  teamOf,
} from '../src/graph/query.js';

export default defineRule({
  id: 'agent-without-runtime-operator',
  title: 'Agent has no runtime operator apart from its credential issuer',
  category: 'ownership',
  severity: 'high',
  escalation: AGENT_ESCALATION,
  layers: [6, 7],
  references: [
    'owasp-asi:ASI10',
    'owasp-asi:ASI03',
    'owasp-ttm:T8',
    'owasp-ttm:T13',
    'nist-ai-rmf:GOVERN-2.1',
    'nist-ai-rmf:GOVERN-3.2',
    'nist-ai-rmf:MANAGE-2.4',
    'atlas:AML.M0027',
    'maestro:L6',
    'maestro:L7',
  ],
  rationale:
    'The runtime operator watches the agent in production, takes the page when it misbehaves and pulls it out of service. The platform team that issued its credentials is not that: it knows the identity exists, not what the agent is doing with it. An agent with no active operator, or whose only operator is the issuing platform team, runs with nobody watching it for its own sake. When every accountable owner of the agent is the issuing platform team, agent-owned-only-by-credential-issuer reports it instead; a sub-agent with no owner of its own at all is reported by sub-agent-without-own-owner.',
  remediation:
    'Name an active team under owners.operator that runs the agent day to day and is distinct from the platform team that issues its credentials.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const accountable = accountableOwners(graph, agent);
      if (!accountable.length && parentOf(graph, agent)) continue;
      const operators = ownersWithRole(graph, agent, 'operator');
      const active = operators.filter(isActiveOwner);
      let message: string;
      const related = operators.map((o) => o.id);
      if (!active.length) {
        message = operators.length
          ? `agent "${agent.id}" has no active runtime operator: ${operators.map((o) => `"${o.id}" is ${o.spec.status}`).join(', ')}`
          : `agent "${agent.id}" has no runtime operator`;
      } else {
        // Only platform-team operators can be issuers: a cheap test before the credentials are read.
        if (!active.every((o) => isPlatformTeam(graph, o))) continue;
        const issuers = credentialIssuers(graph, agent);
        const issuedBy = (o: GraphNode<'owner'>) => (isPlatformTeam(graph, o) ? issuers.get(teamOf(graph, o).id) : undefined);
        if (!active.every((o) => issuedBy(o))) continue;
        if (accountable.every((o) => issuedBy(o))) continue;
        const issued = active.map((o) => {
          const team = teamOf(graph, o).id;
          return `${team === o.id ? '' : `"${o.id}" of `}"${team}" issued ${issuedBy(o)!.map((c) => `"${c}"`).join(', ')}`;
        });
        related.push(...active.flatMap((o) => issuedBy(o)!));
        message = `agent "${agent.id}" is operated only by the platform team that issues its credentials (${issued.join('; ')}); no runtime operator of its own watches it`;
      }
      const { severity, reasons } = escalateForAgent(graph, agent, 'high');
      yield { subject: agent, related, message, severity, reasons };
    }
  },
});
