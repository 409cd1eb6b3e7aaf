import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import { SEVERITIES } from '../analysis/severity.js';
import { LAYER_NUMBERS, LAYERS } from '../graph/layers.js';
import { escapeMarkdown, escapeMarkdownCell } from './markdown-escape.js';

/** A findings report a reviewer can paste into a pull request or a docs page. */
export function renderFindingsMarkdown(report: Report, options: { baseline?: ReadonlySet<string>; title?: string } = {}): string {
  const { summary } = report;
  const open = report.findings.filter((f) => f.status === 'open');
  const accepted = report.findings.filter((f) => f.status === 'accepted');
  const out: string[] = [`## ${options.title ?? 'Steward findings'}`, ''];
  out.push(
    `${summary.open} open finding${summary.open === 1 ? '' : 's'}, ${summary.accepted} accepted; ${report.rules.length} rules as of ${report.asOf}.`,
    '',
    '| Severity | Open |',
    '| --- | ---: |',
    ...[...SEVERITIES].reverse().map((s) => `| ${s} | ${summary.bySeverity[s]} |`),
    '',
    '| MAESTRO layer | Open |',
    '| --- | ---: |',
    ...LAYER_NUMBERS.map((l) => `| ${LAYERS[l].id} ${LAYERS[l].name} | ${open.filter((f) => f.layer === l).length} |`),
    '',
  );
  if (open.length) {
    out.push('### Open findings', '', '| Severity | Finding | What is wrong | Where |', '| --- | --- | --- | --- |');
    for (const f of open) out.push(row(f, options.baseline));
    out.push('');
    out.push('<details><summary>How to fix each</summary>', '');
    for (const f of open) out.push(`- \`${code(f.id)}\`: ${escapeMarkdown(f.remediation)}`);
    out.push('', '</details>', '');
  }
  if (accepted.length) {
    out.push('### Accepted risks', '', '| Finding | Justification | Approver | Until |', '| --- | --- | --- | --- |');
    for (const f of accepted) {
      const a = f.acceptance!;
      out.push(`| \`${code(f.id)}\` | ${escapeMarkdownCell(a.justification)} | ${escapeMarkdownCell(a.approver)} | ${a.expires} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
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
