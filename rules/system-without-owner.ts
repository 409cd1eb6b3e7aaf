import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { agentsOfSystem, isActiveOwner, isExternal, lifecycleOf, ownersWithRole } from '../src/graph/query.js';

/** How many agent ids a message names before it summarises the rest. */
const NAMED_AGENTS = 5;

export default defineRule({
  id: 'system-without-owner',
  title: 'Multi-agent system has no accountable business owner',
  category: 'ownership',
  severity: 'high',
  escalation: 'Raised to critical when the system is regulated or of high sensitivity, or when one of its agents is externally exposed.',
  layers: [7, 6],
  references: [
    'owasp-asi:ASI08',
    'owasp-asi:ASI10',
    'owasp-ttm:T13',
    'owasp-ttm:T14',
    'nist-ai-rmf:GOVERN-2.1',
    'nist-ai-rmf:GOVERN-2.3',
    'nist-ai-rmf:MANAGE-4.3',
    'maestro:L7',
  ],
  rationale:
    'Each agent may have an owner, yet nobody answers for what the agents do together: a failure that cascades from one agent to the next, a delegation chain that crosses teams, an incident that must be communicated across the whole system. That needs one accountable owner at system level, above the agents’. Systems whose agents are all retired are not reported.',
  remediation: 'Name an active team or person under owners.business on the system.',
  *check({ graph }) {
    for (const system of graph.nodesOf('system')) {
      const agents = agentsOfSystem(graph, system).filter((a) => lifecycleOf(a) !== 'retired');
      if (!agents.length) continue;
      const owners = ownersWithRole(graph, system, 'business');
      if (owners.some(isActiveOwner)) continue;
      const reasons: string[] = [];
      if (system.spec.regulated) reasons.push('the system is regulated');
      if (system.spec.sensitivity === 'high') reasons.push('the system is of high sensitivity');
      const external = agents.filter(isExternal);
      if (external.length) reasons.push(`${external.length > 1 ? 'agents' : 'agent'} ${external.map((a) => `"${a.id}"`).join(', ')} ${external.length > 1 ? 'are' : 'is'} externally exposed`);
      const named = agents.slice(0, NAMED_AGENTS).map((a) => `"${a.id}"`);
      if (agents.length > NAMED_AGENTS) named.push(`and ${agents.length - NAMED_AGENTS} more`);
      const gap = owners.length
        ? `no active business owner (${owners.map((o) => `"${o.id}" is ${o.spec.status}`).join(', ')})`
        : 'no business owner';
      yield {
        subject: system,
        related: [...owners.map((o) => o.id), ...agents.map((a) => a.id)],
        message: `system "${system.id}" has ${agents.length} agent${agents.length > 1 ? 's' : ''} (${named.join(', ')}) but ${gap}`,
        severity: reasons.length ? raiseSeverity('high') : 'high',
        reasons,
      };
    }
  },
});
