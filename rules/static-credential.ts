import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { credentialLifetime, holdersOf, isCredentialActive, isLongLived } from '../src/graph/query.js';

function lifetimeText(c: GraphNode<'credential'>): string {
  const lifetime = credentialLifetime(c)!;
  if (lifetime.from === 'secret-type') return `is a stored secret (type: ${c.spec.type}) with no ttl, so it is treated as never expiring`;
  if (c.spec.ttl === 'never') return 'never expires (ttl: never)';
  return `lives ${c.spec.ttl}, longer than 24h`;
}

export default defineRule({
  id: 'static-credential',
  title: 'Static or long-lived credential where a short-lived identity should be',
  category: 'credentials',
  severity: 'medium',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6, 4],
  references: ['owasp-nhi:NHI7', 'owasp-nhi:NHI2', 'owasp-asi:ASI03', 'owasp-ttm:T9', 'spiffe:SVID', 'maestro:L6'],
  rationale:
    'A secret that never expires, or lives longer than a day, stays useful to whoever copies it for as long as nobody notices: leaked keys are replayed months later (OWASP NHI7, Long-Lived Secrets). A workload identity (a SPIFFE SVID from the Workload API, or an OIDC federation exchange) is issued at run time and expires within the hour, and a just-in-time credential revoked at task end lives only as long as its task. A credential counts as long-lived when its ttl is "never" or above 24h, or when it is a stored secret type (api-key, password, service-account-key, ssh-key, oauth-client, certificate) with no ttl. SPIFFE and OIDC federation credentials with no ttl take the 1h platform default. Credentials issued just in time and revoked at task end are not reported, nor are revoked, expired or disabled ones. Rotation is checked separately by rotation-overdue.',
  remediation:
    'Replace the secret with a workload identity (SPIFFE ID or OIDC federation) or a just-in-time credential revoked at task end; where the vendor offers only static keys, set the shortest ttl it allows, rotate automatically and accept the finding with that justification.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential) || !isLongLived(credential)) continue;
      const holders = holdersOf(graph, credential).map((h) => h.id);
      const { severity, reasons } = escalateForCredential(graph, credential, 'medium');
      yield {
        subject: credential,
        related: holders,
        message: `credential "${credential.id}" ${lifetimeText(credential)}${holders.length ? `; held by ${holders.map((id) => `"${id}"`).join(', ')}` : ''}`,
        severity,
        reasons,
      };
    }
  },
});
