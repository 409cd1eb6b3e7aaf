import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { accountableOwners, lifecycleOf, parentOf } from '../src/graph/query.js';

export default defineRule({
  id: 'sub-agent-without-own-owner',
  title: 'Sub-agent has no business owner or operator of its own',
  category: 'ownership',
  severity: 'high',
  escalation: AGENT_ESCALATION,
  layers: [3, 6],
  references: [
    'owasp-asi:ASI03',
    'owasp-asi:ASI10',
    'owasp-ttm:T13',
    'owasp-ttm:T14',
    'nist-ai-rmf:GOVERN-2.1',
    'maestro:L3',
    'maestro:L6',
  ],
  rationale:
    'A sub-agent has its own tools, credentials and data, and often more privilege than the agent that delegates to it. Its parent’s owners answer for the parent’s purpose, not for what the sub-agent can do on its own, and they rarely know what it holds. Without an active business owner or operator of its own, nobody reviews its capabilities or decides to pull it when the parent is hijacked. This rule reports such a sub-agent once, in place of agent-without-business-owner and agent-without-runtime-operator.',
  remediation: 'Name an active business owner (owners.business) or runtime operator (owners.operator) on the sub-agent itself, even when it is the parent’s team.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const parent = parentOf(graph, agent);
      if (!parent || accountableOwners(graph, agent).length) continue;
      const inactive = graph
        .ownersOf(agent)
        .filter((o) => o.role === 'business' || o.role === 'operator')
        .map((o) => `${o.role === 'business' ? 'business owner' : 'operator'} "${o.owner.id}" is ${o.owner.spec.status}`);
      const parentOwners = [...new Set(accountableOwners(graph, parent).map((o) => o.id))];
      const { severity, reasons } = escalateForAgent(graph, agent, 'high');
      yield {
        subject: agent,
        related: [parent.id, ...parentOwners],
        message: `sub-agent "${agent.id}" of "${parent.id}" has no active business owner or operator of its own${inactive.length ? ` (${inactive.join('; ')})` : ''}; ${
          parentOwners.length
            ? `its parent's owners ${parentOwners.map((o) => `"${o}"`).join(', ')} do not answer for it`
            : 'its parent has none either'
        }`,
        severity,
        reasons,
      };
    }
  },
});
