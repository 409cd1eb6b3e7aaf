import type { ModelDiff } from '../../diff/schema.js';
import { terminalSafe } from '../terminal-safe.js';
import { controlsText, fieldText, headline, pathText, pct, relationText } from './words.js';
import { plural } from '../plural.js';

/** Rows shown per list in the terminal; the JSON format has them all. */
const ROWS = 50;

function section(out: string[], title: string, rows: string[][], total: number): void {
  if (!total) return;
  out.push('', title);
  for (const lines of rows.slice(0, ROWS)) out.push(...lines);
  if (total > ROWS) out.push(`  ... and ${total - ROWS} more (--format json lists them all)`);
}

const t = terminalSafe;

/** The terminal rendering of a diff: findings first, then paths, blast radius, entities, relations. */
export function renderDiffTable(d: ModelDiff): string {
  const out: string[] = [];
  out.push(`Steward diff as of ${d.asOf}: ${plural(d.old.files.length, 'file')} (old) -> ${plural(d.new.files.length, 'file')} (new)`);
  const f = d.findings;
  section(out, `New findings (${f.new.length}):`, f.new.map((x) => [
    `  + ${(x.status === 'accepted' ? 'accepted' : x.severity.toUpperCase()).padEnd(9)} ${t(x.id)}  ${t(x.location.file)}:${x.location.line}:${x.location.column}`,
    `              ${t(x.message)}`,
  ]), f.new.length);
  section(out, `Resolved findings (${f.resolved.length}):`, f.resolved.map((x) => [`  - ${x.severity.toUpperCase().padEnd(9)} ${t(x.id)}`]), f.resolved.length);
  section(out, `Severity changed (${f.severityChanged.length}):`, f.severityChanged.map((x) => [`  ~ ${t(x.id)}  ${x.oldSeverity} -> ${x.severity}`]), f.severityChanged.length);
  section(out, `Acceptance changed (${f.acceptanceChanged.length}):`, f.acceptanceChanged.map((x) => [`  ~ ${t(x.id)}  ${x.change === 'accepted' ? 'now accepted' : 'no longer accepted'} (${x.severity})`]), f.acceptanceChanged.length);

  const p = d.paths;
  section(out, `New paths to crown jewels (${p.added.length}):`, p.added.map((x) => [
    `  + ${x.severity.toUpperCase().padEnd(9)} risk ${x.risk.toFixed(3)}  ${t(pathText(x))}  (${plural(x.hops, 'hop')}, ${x.uncontrolledHops} uncontrolled${x.shorter ? `; shorter than the ${x.shorter.oldHops}-hop route before` : ''})`,
  ]), p.added.length);
  section(out, `Paths that lost a control (${p.lostControl.length}):`, p.lostControl.map((x) => [
    `  ! ${t(pathText(x))}`,
    ...x.lostOn.map((h) => `      hop ${h.index + 1} ${t(h.from)} -> ${t(h.to)} (${h.step}) lost ${h.lost.join(', ')}`),
  ]), p.lostControl.length);
  section(out, `Paths more likely (${p.moreLikely.length}):`, p.moreLikely.map((x) => [`  ^ ${t(pathText(x))}  ${pct(x.oldLikelihood)} -> ${pct(x.likelihood)}`]), p.moreLikely.length);
  section(out, `Paths less likely (${p.lessLikely.length}):`, p.lessLikely.map((x) => [`  v ${t(pathText(x))}  ${pct(x.oldLikelihood)} -> ${pct(x.likelihood)}`]), p.lessLikely.length);
  section(out, `Removed paths (${p.removed.length}):`, p.removed.map((x) => [`  - ${x.severity.toUpperCase().padEnd(9)} ${t(pathText(x))}`]), p.removed.length);
  if (p.enteredRanking.length || p.leftRanking.length) {
    out.push('', `Ranking moved: ${plural(p.enteredRanking.length, 'existing route')} now ranked, ${plural(p.leftRanking.length, 'route')} still there but no longer ranked.`);
  }

  const ep = d.endpoints;
  const endpointRows = (xs: typeof ep.newEntries, sign: string) => xs.map((x) => [`  ${sign} ${x.kind} ${t(x.id)}  (${t(x.detail.join('; '))})`]);
  section(out, `New entry points (${ep.newEntries.length}):`, endpointRows(ep.newEntries, '+'), ep.newEntries.length);
  section(out, `Entry points no more (${ep.removedEntries.length}):`, endpointRows(ep.removedEntries, '-'), ep.removedEntries.length);
  section(out, `New crown jewels (${ep.newJewels.length}):`, endpointRows(ep.newJewels, '+'), ep.newJewels.length);
  section(out, `Crown jewels no more (${ep.removedJewels.length}):`, endpointRows(ep.removedJewels, '-'), ep.removedJewels.length);

  const radius = (r: { jewels: number; score: number } | null) => (r ? `${r.jewels} (${r.score.toFixed(2)})` : 'absent');
  section(out, `Blast radius of the touched agents (${d.blastRadius.length}): crown jewels reached (impact), before -> after`, d.blastRadius.map((r) => [
    `  ${t(r.id).padEnd(28)} ${radius(r.old).padStart(12)} -> ${radius(r.new).padEnd(12)}  ${r.why.join(', ')}`,
  ]), d.blastRadius.length);

  const e = d.entities;
  section(out, `Entities added (${e.added.length}):`, e.added.map((x) => [`  + ${x.kind} ${t(x.id)}  ${t(x.location.file)}:${x.location.line}`]), e.added.length);
  section(out, `Entities removed (${e.removed.length}):`, e.removed.map((x) => [`  - ${x.kind} ${t(x.id)}`]), e.removed.length);
  section(out, `Entities changed (${e.changed.length}):`, e.changed.map((x) => [
    `  ~ ${x.kind} ${t(x.id)}  ${t(x.location.file)}:${x.location.line}`,
    ...x.fields.slice(0, 10).map((c) => `      ${t(fieldText(c))}`),
    ...(x.fields.length > 10 ? [`      ... and ${x.fields.length - 10} more fields`] : []),
  ]), e.changed.length);
  const r = d.relations;
  section(out, `Relations added (${r.added.length}):`, r.added.map((x) => [`  + ${t(relationText(x))}  [${t(controlsText(x.controls))}]`]), r.added.length);
  section(out, `Relations removed (${r.removed.length}):`, r.removed.map((x) => [`  - ${t(relationText(x))}`]), r.removed.length);
  section(out, `Relations changed (${r.changed.length}):`, r.changed.map((x) => {
    const notes = [
      ...(x.old.access !== x.new.access ? [`access ${x.old.access ?? 'unset'} -> ${x.new.access ?? 'unset'}`] : []),
      ...(x.lost.length ? [`lost ${x.lost.join(', ')}`] : []),
      ...(x.gained.length ? [`gained ${x.gained.join(', ')}`] : []),
      ...(x.altered.length ? [`altered ${x.altered.join(', ')}`] : []),
    ];
    return [`  ~ ${t(relationText(x))}  ${notes.join('; ') || `${t(controlsText(x.old.controls))} -> ${t(controlsText(x.new.controls))}`}`];
  }), r.changed.length);

  out.push('', `${d.summary.findings.opened ? '✖' : '✔'} ${headline(d)}`);
  return `${out.join('\n')}\n`;
}
