import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import { atLeast, severityRank, type Severity } from '../analysis/severity.js';
import type { AcceptanceChangeT, FindingRefT, OpenedFindingT, SeverityChangeT } from './schema.js';
import { compareText } from '../util/compare.js';

export interface FindingDiff {
  new: FindingRefT[];
  resolved: FindingRefT[];
  severityChanged: SeverityChangeT[];
  acceptanceChanged: AcceptanceChangeT[];
  opened: OpenedFindingT[];
}

export function findingRef(f: Finding): FindingRefT {
  return {
    id: f.id,
    ruleId: f.ruleId,
    title: f.title,
    severity: f.severity,
    status: f.status,
    subject: f.subject,
    message: f.message,
    location: { ...f.location },
  };
}

/** Most severe first, then rule, subject, id: the order of every finding list of the diff. */
function compareRefs(a: { severity: Severity; ruleId: string; subject: string; id: string }, b: typeof a): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareText(a.ruleId, b.ruleId) || compareText(a.subject, b.subject) || compareText(a.id, b.id);
}

/**
 * Findings by id: new, resolved, with another severity, newly accepted or no longer accepted;
 * and `opened`, the findings the change opens (what --fail-on counts): new and open, raised while
 * open, or open again because their acceptance went away.
 */
export function diffFindings(before: Report, after: Report): FindingDiff {
  const old = new Map(before.findings.map((f) => [f.id, f]));
  const now = new Map(after.findings.map((f) => [f.id, f]));
  const out: FindingDiff = { new: [], resolved: [], severityChanged: [], acceptanceChanged: [], opened: [] };
  for (const [id, f] of old) if (!now.has(id)) out.resolved.push(findingRef(f));
  for (const [id, f] of now) {
    const was = old.get(id);
    if (!was) {
      out.new.push(findingRef(f));
      if (f.status === 'open') out.opened.push({ id, severity: f.severity, why: 'new' });
      continue;
    }
    if (was.severity !== f.severity) out.severityChanged.push({ ...findingRef(f), oldSeverity: was.severity });
    if (was.status !== f.status) out.acceptanceChanged.push({ ...findingRef(f), change: f.status === 'accepted' ? 'accepted' : 'unaccepted' });
    if (f.status !== 'open') continue;
    if (was.status === 'accepted') out.opened.push({ id, severity: f.severity, why: 'unaccepted' });
    else if (severityRank(f.severity) > severityRank(was.severity)) out.opened.push({ id, severity: f.severity, why: 'raised', oldSeverity: was.severity });
  }
  out.new.sort(compareRefs);
  out.resolved.sort(compareRefs);
  out.severityChanged.sort(compareRefs);
  out.acceptanceChanged.sort(compareRefs);
  const byId = (o: OpenedFindingT) => now.get(o.id)!;
  out.opened.sort((a, b) => compareRefs(byId(a), byId(b)));
  return out;
}

/**
 * The opened findings that fail a build at `threshold`: at or above it, and, for a raised one,
 * below it before (one already at or above it failed the build before the change).
 */
export function failingAt(opened: readonly OpenedFindingT[], threshold: Severity): OpenedFindingT[] {
  return opened.filter((o) => atLeast(o.severity, threshold) && !(o.why === 'raised' && o.oldSeverity !== undefined && atLeast(o.oldSeverity, threshold)));
}
