import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import { SEVERITIES } from '../analysis/severity.js';
import { LAYER_NUMBERS, LAYERS } from '../graph/layers.js';
import { joinChunks, linesInChunks } from '../util/text-chunks.js';
import { escapeMarkdown, escapeMarkdownCell } from './markdown-escape.js';

/** A findings report a reviewer can paste into a pull request or a docs page. */
export function renderFindingsMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return joinChunks(findingsMarkdownChunks(report, options));
}

interface MarkdownOptions {
  baseline?: ReadonlySet<string>;
  title?: string;
}

/** The report in chunks, a few rows at a time. */
export function findingsMarkdownChunks(report: Report, options: MarkdownOptions = {}): Iterable<string> {
  return linesInChunks(markdownLines(report, options));
}

function* markdownLines(report: Report, options: MarkdownOptions): Generator<string> {
  const { summary } = report;
  const open = report.findings.filter((f) => f.status === 'open');
  const accepted = report.findings.filter((f) => f.status === 'accepted');
  const openByLayer = new Map<number, number>();
  for (const f of open) openByLayer.set(f.layer, (openByLayer.get(f.layer) ?? 0) + 1);
  yield* [
    `## ${options.title ?? 'Steward findings'}`,
    '',
    `${summary.open} open finding${summary.open === 1 ? '' : 's'}, ${summary.accepted} accepted; ${report.rules.length} rules as of ${report.asOf}.`,
    '',
    '| Severity | Open |',
    '| --- | ---: |',
    ...[...SEVERITIES].reverse().map((s) => `| ${s} | ${summary.bySeverity[s]} |`),
    '',
    '| MAESTRO layer | Open |',
    '| --- | ---: |',
    ...LAYER_NUMBERS.map((l) => `| ${LAYERS[l].id} ${LAYERS[l].name} | ${openByLayer.get(l) ?? 0} |`),
    '',
  ];
  if (open.length) {
    yield* ['### Open findings', '', '| Severity | Finding | What is wrong | Where |', '| --- | --- | --- | --- |'];
    for (const f of open) yield row(f, options.baseline);
    yield* ['', '<details><summary>How to fix each</summary>', ''];
    for (const f of open) yield `- \`${code(f.id)}\`: ${escapeMarkdown(f.remediation)}`;
    yield* ['', '</details>', ''];
  }
  if (accepted.length) {
    yield* ['### Accepted risks', '', '| Finding | Justification | Approver | Until |', '| --- | --- | --- | --- |'];
    for (const f of accepted) {
      const a = f.acceptance!;
      yield `| \`${code(f.id)}\` | ${escapeMarkdownCell(a.justification)} | ${escapeMarkdownCell(a.approver)} | ${a.expires} |`;
    }
    yield '';
  }
}

function row(f: Finding, baseline: ReadonlySet<string> | undefined): string {
  const isNew = baseline && !baseline.has(f.id) ? ' **new**' : '';
  const raised = f.reasons.length ? ` (raised from ${f.baseSeverity}: ${f.reasons.join(', ')})` : '';
  return `| ${f.severity}${isNew} | \`${code(f.id)}\`<br>${escapeMarkdownCell(f.title)} | ${escapeMarkdownCell(f.message + raised)} | ${escapeMarkdownCell(`${f.location.file}:${f.location.line}`)} |`;
}

/** Text inside a code span: backticks and pipes cannot close it or the table cell. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '\\|');
}
