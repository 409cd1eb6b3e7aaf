import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { isCredentialActive } from '../src/graph/query.js';

type Oidc = GraphNode<'credential'>['spec']['oidc'];

/** What is wrong with the subject condition, or undefined when nothing is. */
function subjectProblem(oidc: Oidc): string | undefined {
  if (oidc?.subject === undefined || oidc.subject.trim() === '')
    return 'has no subject condition (oidc.subject), so any workload the issuer vouches for can assume it';
  if (oidc.subject.includes('*')) return `has a wildcard subject condition "${oidc.subject}"`;
  return undefined;
}

const NO_AUDIENCE = 'has no audience condition (oidc.audience), so tokens minted for other relying parties are accepted';

/** What is wrong with the audience condition, or undefined when nothing is. */
function audienceProblem(oidc: Oidc): string | undefined {
  const audience = oidc?.audience;
  const audiences = audience === undefined ? [] : typeof audience === 'string' ? [audience] : audience;
  if (!audiences.some((a) => a.trim() !== '')) return NO_AUDIENCE;
  if (audiences.includes('*')) return 'accepts any audience (oidc.audience: "*")';
  return undefined;
}

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
      const subject = subjectProblem(oidc);
      const audience = audienceProblem(oidc);
      if (subject === undefined && audience === undefined) continue;
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      const named = `OIDC federation "${credential.id}"${oidc?.issuer ? ` from issuer ${oidc.issuer}` : ''}`;
      if (subject !== undefined) yield { subject: credential, key: 'subject', message: `${named} ${subject}`, severity, reasons };
      if (audience !== undefined) yield { subject: credential, key: 'audience', message: `${named} ${audience}`, severity, reasons };
    }
  },
});
