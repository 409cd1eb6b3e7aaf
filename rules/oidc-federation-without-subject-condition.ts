import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { isCredentialActive } from '../src/graph/query.js';

export default defineRule({
  id: 'oidc-federation-without-subject-condition',
  title: 'OIDC federation trust accepts any subject or audience',
  category: 'credentials',
  severity: 'high',
  escalation: CREDENTIAL_ESCALATION,
  layers: [4, 6],
  references: ['owasp-nhi:NHI6', 'owasp-nhi:NHI4', 'owasp-asi:ASI03', 'maestro:L4'],
  rationale:
    'OIDC federation replaces a stored key with a token exchange, but the trust is only as narrow as its claim conditions. Without a subject condition, or with a wildcard in it, any workload the issuer vouches for (any repository or branch on a shared CI issuer, any service account of the cluster) can assume the identity; without an audience condition, a token minted for another relying party is accepted (OWASP NHI6, Insecure Cloud Deployment Configurations). The rule reports the subject (key subject) and the audience (key audience) separately, for each active oidc-federation credential: a subject that is missing or contains "*", an audience that is missing or is "*".',
  remediation:
    'Pin the trust to the exact workload: set oidc.subject to the full subject claim (for example repo:org/app:environment:production) without wildcards, and oidc.audience to the one audience the relying party expects.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      if (credential.spec.type !== 'oidc-federation' || !isCredentialActive(credential)) continue;
      const oidc = credential.spec.oidc;
      const audiences = oidc?.audience === undefined ? [] : typeof oidc.audience === 'string' ? [oidc.audience] : oidc.audience;
      const problems: { key: string; message: string }[] = [];
      if (oidc?.subject === undefined || oidc.subject.trim() === '')
        problems.push({ key: 'subject', message: 'has no subject condition (oidc.subject), so any workload the issuer vouches for can assume it' });
      else if (oidc.subject.includes('*'))
        problems.push({ key: 'subject', message: `has a wildcard subject condition "${oidc.subject}"` });
      if (!audiences.some((a) => a.trim() !== ''))
        problems.push({ key: 'audience', message: 'has no audience condition (oidc.audience), so tokens minted for other relying parties are accepted' });
      else if (audiences.includes('*')) problems.push({ key: 'audience', message: 'accepts any audience (oidc.audience: "*")' });
      if (!problems.length) continue;
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      const issuer = oidc?.issuer ? ` from issuer ${oidc.issuer}` : '';
      for (const p of problems)
        yield { subject: credential, key: p.key, message: `OIDC federation "${credential.id}"${issuer} ${p.message}`, severity, reasons };
    }
  },
});
