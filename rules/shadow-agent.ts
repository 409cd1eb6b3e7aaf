import { AGENT_ESCALATION, escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { credentialsOf, lifecycleOf, toolsOf } from '../src/graph/query.js';

export default defineRule({
  id: 'shadow-agent',
  title: 'Agent runs but is missing from the agent inventory',
  category: 'lifecycle',
  severity: 'high',
  escalation: AGENT_ESCALATION,
  layers: [7, 6],
  references: ['owasp-asi:ASI10', 'owasp-ttm:T13', 'nist-ai-rmf:GOVERN-1.6', 'atlas:AML.T0103', 'maestro:L7', 'maestro:L6'],
  rationale:
    'An agent found running that nobody registered (registered: false) is outside every control that keys off the inventory: reviews, access certification, monitoring, offboarding. It may be a team’s unsanctioned experiment, or an agent an attacker deployed in the environment; either way its tools and credentials are in use with nobody answering for them. Retired agents are not reported.',
  remediation:
    'Register the agent in the inventory with its owners and purpose (and set registered: true), or shut it down and revoke its credentials.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      if (agent.spec.registered !== false || lifecycleOf(agent) === 'retired') continue;
      const credentials = credentialsOf(graph, agent).map((c) => c.id);
      const tools = toolsOf(graph, agent).map((t) => t.id);
      const holds = [
        credentials.length ? `credential${credentials.length > 1 ? 's' : ''} ${credentials.map((c) => `"${c}"`).join(', ')}` : '',
        tools.length ? `tool${tools.length > 1 ? 's' : ''} ${tools.map((t) => `"${t}"`).join(', ')}` : '',
      ].filter(Boolean);
      const { severity, reasons } = escalateForAgent(graph, agent, 'high');
      yield {
        subject: agent,
        related: [...credentials, ...tools],
        message: `agent "${agent.id}" is not in the agent inventory (registered: false)${holds.length ? ` yet uses ${holds.join(' and ')}` : ''}`,
        severity,
        reasons,
      };
    }
  },
});
