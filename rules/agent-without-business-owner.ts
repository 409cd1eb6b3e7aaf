import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { ACTIVE_BUSINESS, activeAccountableRoles, isActiveOwner, lifecycleOf, ownersWithRole, parentOf } from '../src/graph/query.js';

export default defineRule({
  id: 'agent-without-business-owner',
  title: 'Agent has no named business owner',
  category: 'ownership',
  severity: 'high',
  escalation: AGENT_ESCALATION,
  layers: [6, 7],
  references: ['owasp-asi:ASI03', 'owasp-ttm:T13', 'owasp-nhi:NHI1', 'nist-ai-rmf:GOVERN-2.1', 'nist-ai-rmf:GOVERN-2.3', 'maestro:L6'],
  rationale:
    'Someone must answer for what an agent does and for the risk it carries. Without an active business owner, nobody decides whether the agent should keep running after an incident, and nobody accepts its risks. A sub-agent with neither a business owner nor an operator of its own is reported once, by sub-agent-without-own-owner; retired agents are not reported.',
  remediation: 'Name an active team or person under owners.business for the agent.',
  *check({ graph }) {
    const roles = activeAccountableRoles(graph);
    for (const agent of graph.nodesOf('agent')) {
      const active = roles[agent.index]!;
      if ((active & ACTIVE_BUSINESS) !== 0 || lifecycleOf(agent) === 'retired') continue;
      // A sub-agent with no accountable owner at all is sub-agent-without-own-owner's finding.
      if (!active && parentOf(graph, agent)) continue;
      const owners = ownersWithRole(graph, agent, 'business');
      const { severity, reasons } = escalateForAgent(graph, agent, 'high');
      yield {
        subject: agent,
        related: owners.map((o) => o.id),
        message: owners.length
          ? `agent "${agent.id}" has no active business owner: ${owners.map((o) => `"${o.id}" is ${o.spec.status}`).join(', ')}`
          : `agent "${agent.id}" has no business owner`,
        severity,
        reasons,
      };
    }
  },
});
