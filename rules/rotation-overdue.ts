import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { credentialLifetime, isCredentialActive, isTaskScoped } from '../src/graph/query.js';
import { daysBetween, durationDays } from '../src/util/dates.js';

/** What is wrong with the credential's rotation as of `asOf`, or undefined when nothing is. */
function rotationProblem(c: GraphNode<'credential'>, asOf: string): string | undefined {
  const rotation = c.spec.rotation;
  const every = rotation?.every !== undefined && rotation.every !== 'never' ? rotation.every : undefined;
  const last = rotation?.last;
  if (every !== undefined && last !== undefined) {
    const age = daysBetween(last, asOf);
    const overdue = age - Math.ceil(durationDays(every));
    if (overdue <= 0) return undefined;
    return `was last rotated on ${last}, ${age} days before ${asOf}, against a cadence of ${every}: ${overdue} days overdue${rotation?.automated ? ' although rotation is automated' : ''}`;
  }
  if (credentialLifetime(c)?.seconds !== Infinity) return undefined;
  if (every === undefined) {
    const never = rotation?.every === 'never' ? ' (rotation.every: never)' : '';
    return last !== undefined
      ? `never expires and has no rotation cadence${never}; last rotated on ${last}`
      : `never expires and has no rotation cadence${never} or record of rotation`;
  }
  if (rotation?.automated) return undefined;
  return `never expires; rotation every ${every} is declared but not automated, and no last rotation date is recorded`;
}

export default defineRule({
  id: 'rotation-overdue',
  title: 'Long-lived credential is not rotated, or its rotation is overdue',
  category: 'credentials',
  severity: 'medium',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6, 4],
  references: ['owasp-nhi:NHI7', 'owasp-asi:ASI03', 'nist-ai-rmf:GOVERN-1.5', 'maestro:L6'],
  rationale:
    'A secret that never expires is only as fresh as its last rotation; lack of rotation figures in close to half of NHI incidents (OWASP NHI7). The rule reports a credential whose declared rotation is overdue as of the analysis date (rotation.last older than rotation.every), whatever its ttl, and a never-expiring credential (ttl "never", or a stored secret type with no ttl) that has no rotation cadence, or a manual cadence with no record of the last rotation. Automated rotation with a cadence is trusted until a recorded date shows it late. Credentials issued just in time and revoked at task end are not reported, nor are revoked, expired or disabled ones. Whether the credential should be static at all is the concern of static-credential.',
  remediation:
    'Rotate the credential now and automate its rotation; record the cadence and the last rotation under rotation: { every, last, automated }.',
  *check({ graph, asOf }) {
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential) || isTaskScoped(credential)) continue;
      const problem = rotationProblem(credential, asOf);
      if (problem === undefined) continue;
      const { severity, reasons } = escalateForCredential(graph, credential, 'medium');
      yield { subject: credential, message: `credential "${credential.id}" ${problem}`, severity, reasons };
    }
  },
});
