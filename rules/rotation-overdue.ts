import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphNode } from '../src/graph/graph.js';
import { credentialLifetime, isCredentialActive, isTaskScoped } from '../src/graph/query.js';
import { daysBetween, durationDays, durationSeconds } from '../src/util/dates.js';

/**
 * Parsing for one run, memoized per distinct string: thousands of credentials share a handful of
 * ttls and cadences and a few hundred rotation dates.
 */
class RotationCalendar {
  private readonly ttlSeconds = new Map<string, number>();
  private readonly overdue = new Map<string, Map<string, string | null>>();

  constructor(private readonly asOf: string) {}

  /** `credentialLifetime(c)?.seconds`, with each ttl parsed once. */
  lifetimeSeconds(c: GraphNode<'credential'>): number | undefined {
    const ttl = c.spec.ttl;
    if (ttl === undefined) return credentialLifetime(c)?.seconds;
    let seconds = this.ttlSeconds.get(ttl);
    if (seconds === undefined) this.ttlSeconds.set(ttl, (seconds = durationSeconds(ttl)));
    return seconds;
  }

  /** How overdue a rotation on `last` with cadence `every` is, in words, or null when it is not. */
  overdueText(every: string, last: string): string | null {
    let byLast = this.overdue.get(every);
    if (!byLast) this.overdue.set(every, (byLast = new Map()));
    let text = byLast.get(last);
    if (text === undefined) {
      const age = daysBetween(last, this.asOf);
      const overdue = age - Math.ceil(durationDays(every));
      text = overdue <= 0 ? null : `was last rotated on ${last}, ${age} days before ${this.asOf}, against a cadence of ${every}: ${overdue} days overdue`;
      byLast.set(last, text);
    }
    return text;
  }
}

/** What is wrong with the credential's rotation, or undefined when nothing is. */
function rotationProblem(c: GraphNode<'credential'>, calendar: RotationCalendar): string | undefined {
  const rotation = c.spec.rotation;
  const every = rotation?.every !== undefined && rotation.every !== 'never' ? rotation.every : undefined;
  const last = rotation?.last;
  if (every !== undefined && last !== undefined) {
    const overdue = calendar.overdueText(every, last);
    if (overdue === null) return undefined;
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
