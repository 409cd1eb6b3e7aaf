import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { isActiveOwner, lifecycleOf, ownersWithRole } from '../src/graph/query.js';

/** How the agent can extend itself at run time, in words, or undefined when it cannot. */
function selfExtension(agent: GraphNode<'agent'>): string | undefined {
  if (agent.spec.can_add_tools) return agent.spec.can_spawn_agents ? 'add tools and spawn agents' : 'add tools';
  return agent.spec.can_spawn_agents ? 'spawn agents' : undefined;
}

export default defineRule({
  id: 'self-extending-agent-without-approval',
  title: 'Agent can add tools or spawn agents with nobody to approve or operate it',
  category: 'ownership',
  severity: 'high',
  escalation:
    'Raised to critical by the shared agent escalation (externally exposed, reaches restricted data, can act irreversibly or write data). The base is high rather than critical because the finding is the missing accountability; what the agent already reaches decides how bad unapproved growth would be.',
  layers: [3, 7],
  references: [
    'owasp-asi:ASI02',
    'owasp-asi:ASI04',
    'owasp-asi:ASI10',
    'owasp-ttm:T2',
    'owasp-ttm:T13',
    'owasp-ttm:T17',
    'owasp-llm:LLM06',
    'atlas:AML.T0081',
    'atlas:AML.T0103',
    'nist-ai-rmf:GOVERN-2.1',
    'maestro:L3',
    'maestro:L7',
  ],
  rationale:
    'An agent that can register new tools or create new agents at run time can widen its own reach without a deployment: a hijacked or confused agent can install a poisoned tool or spawn a helper with powers nobody granted. That capability is acceptable only when someone is accountable for it: an active runtime operator who watches what the agent adds, and an approver (change_control.approver or owners.approver) who must agree to each new tool or agent. A named approver who has departed is reported by departed-owner. Retired agents are not reported.',
  remediation:
    'Name an active runtime operator (owners.operator) and an approver for new capabilities (change_control.approver), and make the agent’s tool registration or spawning wait for that approval; or turn can_add_tools and can_spawn_agents off.',
  *check({ graph }) {
    for (const agent of graph.nodesOf('agent')) {
      const can = selfExtension(agent);
      if (can === undefined || lifecycleOf(agent) === 'retired') continue;
      const operators = ownersWithRole(graph, agent, 'operator');
      const approvers = ownersWithRole(graph, agent, 'approver');
      const missing: string[] = [];
      if (!operators.some(isActiveOwner))
        missing.push(
          operators.length
            ? `no active runtime operator (${operators.map((o) => `"${o.id}" is ${o.spec.status}`).join(', ')})`
            : 'no runtime operator',
        );
      if (!approvers.length) missing.push('no approver for new capabilities');
      if (!missing.length) continue;
      const { severity, reasons } = escalateForAgent(graph, agent, 'high');
      yield {
        subject: agent,
        related: [...operators, ...approvers].map((o) => o.id),
        message: `agent "${agent.id}" can ${can} at run time but has ${missing.join(' and ')}`,
        severity,
        reasons,
      };
    }
  },
});
