import { escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { accessAtLeast, grantsOf, isCredentialActive, isWildcardScope } from '../src/graph/query.js';

export default defineRule({
  id: 'third-party-credential-with-broad-access',
  title: 'Third-party credential has write, admin or wildcard access',
  category: 'credentials',
  severity: 'high',
  escalation:
    'Raised one step when it gives access to restricted data or is held by an agent that takes untrusted input.',
  layers: [7, 6],
  references: ['owasp-nhi:NHI3', 'owasp-asi:ASI03', 'owasp-asi:ASI04', 'owasp-ttm:T17', 'nist-ai-rmf:GOVERN-6.1', 'maestro:L7'],
  rationale:
    "A credential issued to or held by a third party (a vendor's SaaS, an OAuth app, a hosted MCP server, a bring-your-own-AI connector) is exposed to every compromise of that party, outside the organisation's own monitoring and revocation (OWASP NHI3, Vulnerable Third-Party NHI). Such a credential should be read-only and narrowly scoped. The rule reports an active credential marked third_party: true that grants write or admin access, or carries a wildcard scope (\"*\", or ending in \":*\", \"/*\" or \".*\").",
  remediation:
    'Reduce the third-party credential to the read scopes the integration needs, name each scope explicitly, and route writes through an interface of your own that checks them.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      if (credential.spec.third_party !== true || !isCredentialActive(credential)) continue;
      const broadGrants = grantsOf(graph, credential).filter((g) => accessAtLeast(g.access, 'write'));
      const wildcards = (credential.spec.scopes ?? []).filter(isWildcardScope);
      if (!broadGrants.length && !wildcards.length) continue;
      const parts: string[] = [];
      if (broadGrants.length) parts.push(`grants ${broadGrants.map((g) => `${g.access} on "${g.target.id}"`).join(', ')}`);
      if (wildcards.length) parts.push(`has wildcard scopes ${wildcards.map((s) => `"${s}"`).join(', ')}`);
      const vendor = credential.spec.vendor ? ` of vendor ${credential.spec.vendor}` : '';
      const { severity, reasons } = escalateForCredential(graph, credential, 'high', { omit: ['privilege'] });
      yield {
        subject: credential,
        related: broadGrants.map((g) => g.target.id),
        message: `third-party credential "${credential.id}"${vendor} ${parts.join(' and ')}`,
        severity,
        reasons,
      };
    }
  },
});
