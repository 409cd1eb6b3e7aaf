import type { ModelDiff } from '../../diff/schema.js';
import { escapeMarkdown, escapeMarkdownCell } from '../markdown-escape.js';
import { terminalSafe } from '../terminal-safe.js';
import { controlsText, fieldText, headline, pathText, pct, relationText } from './words.js';
import { plural } from '../plural.js';

/** GitHub refuses comments over 65,536 characters: stay under it with room for a header. */
export const MARKDOWN_CAP = 60_000;
/** Rows per table; the JSON format has them all. */
const ROWS = 30;

export interface DiffMarkdownOptions {
  /** A Mermaid diagram of the new risky paths, put in its own collapsed block. */
  diagram?: string;
  /** Largest output in characters (default `MARKDOWN_CAP`). */
  cap?: number;
}

/** Model text in a table cell: control characters replaced, markup and pipes escaped. */
const c = (text: string) => escapeMarkdownCell(terminalSafe(text));

function table(headers: string[], rows: string[][], total: number): string {
  const lines = [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.slice(0, ROWS).map((r) => `| ${r.join(' | ')} |`)];
  if (total > ROWS) lines.push('', `… and ${total - ROWS} more (\`steward diff --format json\` lists them all).`);
  return lines.join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/**
 * The diff as a pull-request comment: the verdict and a summary table first, the findings the
 * change opens in the open, every other list in a collapsed block. Capped at `cap` characters:
 * blocks that would pass it are left out, and a note says so.
 */
export function renderDiffMarkdown(d: ModelDiff, options: DiffMarkdownOptions = {}): string {
  const cap = options.cap ?? MARKDOWN_CAP;
  const s = d.summary;
  const head = [
    '## Steward: what this change does to the threat model',
    '',
    `${s.findings.opened ? '**✖' : '**✔'} ${escapeMarkdown(headline(d))}.**`,
    '',
    table(
      ['', 'added', 'removed', 'changed'],
      [
        ['Findings', `${s.findings.new} new (${s.findings.opened} opened)`, `${s.findings.resolved} resolved`, `${s.findings.severityChanged} severity, ${s.findings.acceptanceChanged} acceptance`],
        ['Paths to crown jewels', `${s.paths.added} (${s.paths.shorter} shorter)`, String(s.paths.removed), `${s.paths.lostControl} lost a control, ${s.paths.moreLikely} more likely, ${s.paths.lessLikely} less likely`],
        ['Entry points', String(s.endpoints.newEntries), String(s.endpoints.removedEntries), ''],
        ['Crown jewels', String(s.endpoints.newJewels), String(s.endpoints.removedJewels), ''],
        ['Entities', String(s.entities.added), String(s.entities.removed), String(s.entities.changed)],
        ['Relations', String(s.relations.added), String(s.relations.removed), String(s.relations.changed)],
        ['Blast radius of touched agents', `${s.blastRadius.grew} grew`, `${s.blastRadius.shrank} shrank`, `${s.blastRadius.same} unchanged`],
      ],
      7,
    ),
    '',
    `<sub>As of ${escapeMarkdown(d.asOf)}; ${plural(d.old.files.length, 'file')} before, ${plural(d.new.files.length, 'file')} after.</sub>`,
  ].join('\n');

  const blocks: string[] = [];
  const f = d.findings;
  const opened = new Map(f.opened.map((o) => [o.id, o]));
  const openedRows = [...f.new.filter((x) => opened.has(x.id)), ...f.severityChanged.filter((x) => opened.has(x.id)), ...f.acceptanceChanged.filter((x) => opened.has(x.id))];
  const why = { new: 'new', raised: 'raised', unaccepted: 'no longer accepted' } as const;
  if (openedRows.length) {
    blocks.push(
      `### Findings this change opens (${f.opened.length})\n\n${table(
        ['Severity', 'Finding', 'Why', 'Where', 'Message'],
        f.opened.map((o) => {
          const x = openedRows.find((r) => r.id === o.id)!;
          const raised = o.why === 'raised' && o.oldSeverity ? ` from ${o.oldSeverity}` : '';
          return [o.severity, c(o.id), `${why[o.why]}${raised}`, c(`${x.location.file}:${x.location.line}`), c(x.message)];
        }),
        f.opened.length,
      )}`,
    );
  }
  const p = d.paths;
  if (p.added.length) {
    blocks.push(details(`New paths to crown jewels (${p.added.length})`, table(
      ['Severity', 'Risk', 'Path', 'Hops', 'Uncontrolled hops'],
      p.added.map((x) => [x.severity, x.risk.toFixed(3), c(pathText(x, '→')), `${x.hops}${x.shorter ? ` (was ${x.shorter.oldHops})` : ''}`, String(x.uncontrolledHops)]),
      p.added.length,
    )));
  }
  if (p.lostControl.length) {
    blocks.push(details(`Paths that lost a control (${p.lostControl.length})`, table(
      ['Risk', 'Path', 'Hop that lost it', 'Lost'],
      p.lostControl.flatMap((x) => x.lostOn.map((h) => [x.risk.toFixed(3), c(pathText(x, '→')), c(`${h.index + 1}. ${h.from} → ${h.to} (${h.step})`), c(h.lost.join(', '))])),
      p.lostControl.reduce((n, x) => n + x.lostOn.length, 0),
    )));
  }
  if (options.diagram !== undefined && (p.added.length || p.lostControl.length || p.moreLikely.length)) {
    blocks.push(details('Diagram of the new and riskier paths', `\`\`\`mermaid\n${options.diagram}\`\`\``));
  }
  const likely = [...p.moreLikely.map((x) => ({ x, dir: 'more' })), ...p.lessLikely.map((x) => ({ x, dir: 'less' }))];
  if (likely.length) {
    blocks.push(details(`Paths more or less likely (${likely.length})`, table(
      ['Path', 'Likelihood before', 'after'],
      likely.map(({ x }) => [c(pathText(x, '→')), pct(x.oldLikelihood), pct(x.likelihood)]),
      likely.length,
    )));
  }
  if (p.removed.length) {
    blocks.push(details(`Removed paths (${p.removed.length})`, table(['Severity', 'Path'], p.removed.map((x) => [x.severity, c(pathText(x, '→'))]), p.removed.length)));
  }
  if (f.resolved.length) {
    blocks.push(details(`Resolved findings (${f.resolved.length})`, table(['Severity', 'Finding', 'Message'], f.resolved.map((x) => [x.severity, c(x.id), c(x.message)]), f.resolved.length)));
  }
  const others = [
    ...f.new.filter((x) => !opened.has(x.id)).map((x) => [c(x.id), `new, ${x.status} (${x.severity})`]),
    ...f.severityChanged.filter((x) => !opened.has(x.id)).map((x) => [c(x.id), `${x.oldSeverity} to ${x.severity}`]),
    ...f.acceptanceChanged.filter((x) => !opened.has(x.id)).map((x) => [c(x.id), x.change === 'accepted' ? `now accepted (${x.severity})` : `no longer accepted (${x.severity})`]),
  ];
  if (others.length) blocks.push(details(`Other finding changes (${others.length})`, table(['Finding', 'Change'], others, others.length)));
  const ep = d.endpoints;
  const endpointRows = [
    ...ep.newEntries.map((x) => ['new entry point', x.kind, c(x.id), c(x.detail.join('; '))]),
    ...ep.removedEntries.map((x) => ['no longer an entry point', x.kind, c(x.id), c(x.detail.join('; '))]),
    ...ep.newJewels.map((x) => ['new crown jewel', x.kind, c(x.id), c(x.detail.join('; '))]),
    ...ep.removedJewels.map((x) => ['no longer a crown jewel', x.kind, c(x.id), c(x.detail.join('; '))]),
  ];
  if (endpointRows.length) blocks.push(details(`Entry points and crown jewels (${endpointRows.length})`, table(['Change', 'Kind', 'Id', 'Why'], endpointRows, endpointRows.length)));
  if (d.blastRadius.length) {
    const radius = (r: { jewels: number; score: number } | null) => (r ? `${r.jewels} (${r.score.toFixed(2)})` : 'absent');
    blocks.push(details(`Blast radius of the touched agents (${d.blastRadius.length})`, table(
      ['Agent', 'Crown jewels reached before (impact)', 'after', 'Touched by'],
      d.blastRadius.map((r) => [c(r.id), radius(r.old), radius(r.new), r.why.join(', ')]),
      d.blastRadius.length,
    )));
  }
  const e = d.entities;
  const entityRows = [
    ...e.added.map((x) => ['added', x.kind, c(x.id), '']),
    ...e.removed.map((x) => ['removed', x.kind, c(x.id), '']),
    ...e.changed.map((x) => ['changed', x.kind, c(x.id), x.fields.slice(0, 5).map((f) => c(fieldText(f, 40))).join('<br>') + (x.fields.length > 5 ? `<br>… ${x.fields.length - 5} more` : '')]),
  ];
  if (entityRows.length) blocks.push(details(`Entities (${e.added.length} added, ${e.removed.length} removed, ${e.changed.length} changed)`, table(['Change', 'Kind', 'Id', 'Fields'], entityRows, entityRows.length)));
  const r = d.relations;
  const relationRows = [
    ...r.added.map((x) => ['added', c(relationText(x)), c(controlsText(x.controls))]),
    ...r.removed.map((x) => ['removed', c(relationText(x)), c(controlsText(x.controls))]),
    ...r.changed.map((x) => ['changed', c(relationText(x)), c(`${x.old.access ?? ''}${x.old.access ? ', ' : ''}${controlsText(x.old.controls)} → ${x.new.access ?? ''}${x.new.access ? ', ' : ''}${controlsText(x.new.controls)}`)]),
  ];
  if (relationRows.length) blocks.push(details(`Relations (${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed)`, table(['Change', 'Relation', 'Controls'], relationRows, relationRows.length)));

  return capped(head, blocks, cap);
}

function capped(head: string, blocks: readonly string[], cap: number): string {
  const note = (left: number) => `\n\n> ${plural(left, 'section')} left out to keep this comment under ${cap.toLocaleString('en-US')} characters; \`steward diff --format json\` has everything.`;
  let out = head;
  for (let i = 0; i < blocks.length; i++) {
    const next = `${out}\n\n${blocks[i]}`;
    if (next.length + note(blocks.length).length + 1 > cap) return `${out}${note(blocks.length - i)}\n`;
    out = next;
  }
  return `${out}\n`;
}
