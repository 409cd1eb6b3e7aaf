import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { grantsOf, isCredentialActive, isSensitive, lifecycleOf, untrustedEntryOf, type Grant } from '../src/graph/query.js';

function isPrivilegedGrant(grant: Grant): boolean {
  if (grant.access === 'admin') return true;
  return grant.access === 'write' && grant.target.kind === 'data' && isSensitive(grant.target);
}

function describeGrant(grant: Grant): string {
  const cls = grant.target.kind === 'data' && grant.target.spec.classification ? ` (${grant.target.spec.classification})` : '';
  return `${grant.access} on "${grant.target.id}"${cls}`;
}

export default defineRule({
  id: 'external-agent-with-privileged-credential',
  title: 'Agent that takes untrusted input holds a privileged credential directly',
  category: 'credentials',
  severity: 'high',
  escalation:
    'Raised one step when the credential grants write or admin on restricted data, and one step when the agent runs autonomously (two steps at most).',
  layers: [6, 7],
  references: ['owasp-asi:ASI03', 'owasp-asi:ASI01', 'owasp-nhi:NHI5', 'owasp-ttm:T3', 'atlas:AML.T0051', 'atlas:AML.M0030', 'maestro:L7'],
  rationale:
    "An agent that reads customer messages, web pages, e-mail or another organisation's agents can be steered by whoever writes that input (prompt injection, OWASP ASI01). When such an agent holds an admin credential, or one that writes confidential or restricted data, a single injected instruction is one step from the most damaging action, with no hop on the way where a control could sit (ASI03). Privileged work should sit behind a separate agent, tool or broker that checks each request. The finding is on the agent, one per credential (key: the credential), for agents that are externally exposed, list untrusted inputs or are exposed to an untrusted boundary, and hold the credential themselves (credential, credentials or held_by), unless the relation requires human approval of each use. Retired agents and revoked, expired or disabled credentials are ignored.",
  remediation:
    'Take the credential away from the exposed agent: let it delegate to an internal agent or a tool that holds a narrowly scoped credential and checks each request (approval, policy check, on-behalf-of), or require human approval on the relation.',
  *check({ graph }) {
    const privilegedGrants = new Map<string, Grant[]>();
    for (const agent of graph.nodesOf('agent')) {
      if (lifecycleOf(agent) === 'retired') continue;
      const entry = untrustedEntryOf(graph, agent);
      if (entry === undefined) continue;
      for (const edge of graph.outEdgesOf(agent, 'authenticates_with')) {
        const credential = graph.node(edge.to);
        if (credential?.kind !== 'credential' || !isCredentialActive(credential) || edge.attrs.approval === true) continue;
        let privileged = privilegedGrants.get(credential.id);
        if (!privileged) privilegedGrants.set(credential.id, (privileged = grantsOf(graph, credential).filter(isPrivilegedGrant)));
        if (!privileged.length) continue;
        const reasons: string[] = [];
        const restricted = privileged.find((g) => g.target.kind === 'data' && g.target.spec.classification === 'restricted');
        if (restricted) reasons.push(`grants ${restricted.access} on restricted data "${restricted.target.id}"`);
        if (agent.spec.autonomy === 'autonomous') reasons.push('the agent runs autonomously');
        const shown = privileged.slice(0, 3).map(describeGrant).join(', ');
        const more = privileged.length > 3 ? ` and ${privileged.length - 3} more` : '';
        yield {
          subject: agent,
          key: credential.id,
          related: [credential.id, ...privileged.map((g) => g.target.id)],
          message: `agent "${agent.id}" (${entry}) holds credential "${credential.id}" directly, which grants ${shown}${more}`,
          severity: raiseSeverity('high', Math.min(2, reasons.length)),
          reasons,
        };
      }
    }
  },
});
