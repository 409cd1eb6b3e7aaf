import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { credentialLifetime, isCredentialActive, isTaskScoped } from '../src/graph/query.js';
import { daysBetween, durationDays, durationSeconds } from '../src/util/dates.js';
import { memoByPair, memoByString } from '../src/util/memo.js';

/** Parsing and date arithmetic for one run, once per distinct ttl and per distinct (cadence, date). */
class RotationCalendar {
  private readonly ttlSeconds = memoByString(durationSeconds);

  /** How overdue a rotation on `last` with cadence `every` is, in words, or undefined when it is not. */
  readonly overdueText: (every: string, last: string) => string | undefined;

  constructor(asOf: string) {
    this.overdueText = memoByPair((every, last) => {
      const age = daysBetween(last, asOf);
      const overdue = age - Math.ceil(durationDays(every));
      return overdue <= 0 ? undefined : `was last rotated on ${last}, ${age} days before ${asOf}, against a cadence of ${every}: ${overdue} days overdue`;
    });
  }

  /** `credentialLifetime(c)?.seconds`, with each ttl parsed once. */
  lifetimeSeconds(c: GraphNode<'credential'>): number | undefined {
    return credentialLifetime(c, this.ttlSeconds)?.seconds;
  }
}

/** What is wrong with the credential's rotation, or undefined when nothing is. */
function rotationProblem(c: GraphNode<'credential'>, calendar: RotationCalendar): string | undefined {
  const rotation = c.spec.rotation;
  const every = rotation?.every !== undefined && rotation.every !== 'never' ? rotation.every : undefined;
  const last = rotation?.last;
  if (every !== undefined && last !== undefined) {
    const overdue = calendar.overdueText(every, last);
    if (overdue === undefined) return undefined;
    return rotation?.automated ? `${overdue} although rotation is automated` : overdue;
  }
  if (calendar.lifetimeSeconds(c) !== Infinity) return undefined;
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
    const calendar = new RotationCalendar(asOf);
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential) || isTaskScoped(credential)) continue;
      const problem = rotationProblem(credential, calendar);
      if (problem === undefined) continue;
      const { severity, reasons } = escalateForCredential(graph, credential, 'medium');
      yield { subject: credential, message: `credential "${credential.id}" ${problem}`, severity, reasons };
    }
  },
});
