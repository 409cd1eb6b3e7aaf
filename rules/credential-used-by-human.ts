import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { holdersOf, isCredentialActive } from '../src/graph/query.js';

export default defineRule({
  id: 'credential-used-by-human',
  title: 'Non-human credential is also used by people',
  category: 'credentials',
  severity: 'high',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6, 5],
  references: ['owasp-nhi:NHI10', 'owasp-ttm:T8', 'owasp-asi:ASI03', 'nist-ai-rmf:GOVERN-3.2', 'maestro:L6'],
  rationale:
    'When people sign in with an agent\'s credential, the logs can no longer tell what the agent did from what a person did, the person bypasses the controls on their own account (MFA, joiner-mover-leaver processes), and the credential usually carries more privilege than that person should have (OWASP NHI10, Human Use of NHI). The rule reports a credential marked human_use: true, or held by an owner: a person, or a team, which stands for the people in it.',
  remediation:
    'Give the people their own, individually attributable accounts for manual work, stop human sign-in with the credential, and rotate it so that copies held by people stop working.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential)) continue;
      const people = holdersOf(graph, credential).filter((h): h is GraphNode<'owner'> => h.kind === 'owner');
      if (credential.spec.human_use !== true && !people.length) continue;
      const parts: string[] = [];
      if (credential.spec.human_use === true) parts.push('is marked human_use: true');
      if (people.length)
        parts.push(`is held by ${people.map((p) => `${(p.spec.type ?? 'team') === 'person' ? 'person' : 'team'} "${p.id}"`).join(', ')}`);
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      yield {
        subject: credential,
        related: people.map((p) => p.id),
        message: `credential "${credential.id}" ${parts.join(' and ')}`,
        severity,
        reasons,
      };
    }
  },
});
