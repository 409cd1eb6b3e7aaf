import { escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { AnyGraphNode, ModelGraph } from '../src/graph/graph.js';
import { isCredentialActive, isWildcardScope } from '../src/graph/query.js';

/** What an admin grant is on, when it is on restricted data or a whole system: the ones the rule reports. */
function adminTargets(g: ModelGraph, credential: number): AnyGraphNode[] | undefined {
  let targets: AnyGraphNode[] | undefined;
  const row = g.outIndex(credential, 'grants');
  for (let k = 0; k < row.length; k++) {
    if (g.edges[row[k]!]!.attrs.access !== 'admin') continue;
    const target = g.nodes[g.edgeTarget[row[k]!]!]!;
    if ((target.kind === 'data' && target.spec.classification === 'restricted') || target.kind === 'system') (targets ??= []).push(target);
  }
  return targets;
}

export default defineRule({
  id: 'over-privileged-credential',
  title: 'Credential has wildcard scopes or admin access to restricted data',
  category: 'credentials',
  severity: 'high',
  escalation:
    'Raised one step when it is held by an agent that takes untrusted input, and one step when it gives access to restricted data, unless the finding is already about an admin grant on restricted data.',
  layers: [6, 3],
  references: ['owasp-nhi:NHI5', 'owasp-asi:ASI03', 'owasp-asi:ASI02', 'owasp-ttm:T3', 'owasp-llm:LLM06', 'atlas:AML.M0026', 'maestro:L6'],
  rationale:
    'A credential scoped with wildcards grants everything of a kind, including what is added later, and one with admin access to restricted data can read, change, re-share and delete the most sensitive data and its permissions: far more than any single agent task needs, and all of it available to whoever steals the credential (OWASP NHI5, Overprivileged NHI). The rule reports an active credential with a wildcard scope ("*", or ending in ":*", "/*" or ".*"), an admin grant on restricted data, or an admin grant on a whole system. Third-party credentials are left to third-party-credential-with-broad-access, which reports these and more.',
  remediation:
    'Replace wildcard scopes with the explicit scopes the holders use, and reduce admin grants on restricted data or systems to read or write on what the task needs; keep administration with a separate, human-approved credential.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential) || credential.spec.third_party === true) continue;
      const wildcards = credential.spec.scopes?.filter(isWildcardScope) ?? [];
      const admin = adminTargets(graph, credential.index) ?? [];
      if (!wildcards.length && !admin.length) continue;
      const parts: string[] = [];
      if (wildcards.length) parts.push(`has wildcard scopes ${wildcards.map((s) => `"${s}"`).join(', ')}`);
      if (admin.length)
        parts.push(`grants admin on ${admin.map((t) => (t.kind === 'system' ? `system "${t.id}"` : `restricted data "${t.id}"`)).join(', ')}`);
      const { severity, reasons } = escalateForCredential(graph, credential, 'high', {
        omit: admin.some((t) => t.kind === 'data') ? ['privilege', 'restricted'] : ['privilege'],
      });
      yield {
        subject: credential,
        related: admin.map((t) => t.id),
        message: `credential "${credential.id}" ${parts.join(' and ')}`,
        severity,
        reasons,
      };
    }
  },
});
