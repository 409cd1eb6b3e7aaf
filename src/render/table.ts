import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import { SEVERITIES } from '../analysis/severity.js';
import { LAYER_NUMBERS, LAYERS } from '../graph/layers.js';
import { terminalSafe } from './terminal-safe.js';

/**
 * The terminal table: findings grouped by MAESTRO layer (all seven, empty ones too), most severe
 * first, then a summary line.
 */
export function renderTable(report: Report, options: { baseline?: ReadonlySet<string> } = {}): string {
  const lines: string[] = [];
  const width = Math.max(8, ...report.findings.map((f) => f.id.length));
  for (const layer of LAYER_NUMBERS) {
    const inLayer = report.findings.filter((f) => f.layer === layer);
    lines.push(`${LAYERS[layer].id} ${LAYERS[layer].name} (${inLayer.length})`);
    if (!inLayer.length) lines.push('  no findings');
    for (const f of inLayer) lines.push(...row(f, width, options.baseline));
    lines.push('');
  }
  lines.push(summaryLine(report, options.baseline));
  return `${lines.join('\n')}\n`;
}

function row(f: Finding, width: number, baseline: ReadonlySet<string> | undefined): string[] {
  const tag = f.status === 'accepted' ? `accepted until ${f.acceptance!.expires}` : f.severity.toUpperCase();
  const isNew = baseline && !baseline.has(f.id) ? ' [new]' : '';
  const out = [
    `  ${tag.padEnd(9)} ${terminalSafe(f.id).padEnd(width)}  ${f.location.file}:${f.location.line}:${f.location.column}${isNew}`,
    `            ${terminalSafe(f.message)}`,
  ];
  if (f.reasons.length) out.push(`            raised from ${f.baseSeverity}: ${f.reasons.map(terminalSafe).join(', ')}`);
  return out;
}

export function summaryLine(report: Report, baseline?: ReadonlySet<string>): string {
  const { summary } = report;
  const counts = [...SEVERITIES]
    .reverse()
    .filter((s) => summary.bySeverity[s] > 0)
    .map((s) => `${summary.bySeverity[s]} ${s}`);
  const newCount = baseline ? report.findings.filter((f) => f.status === 'open' && !baseline.has(f.id)).length : undefined;
  const parts = [
    summary.open === 0 ? '✔ no open findings' : `✖ ${summary.open} open finding${summary.open === 1 ? '' : 's'} (${counts.join(', ')})`,
  ];
  if (summary.accepted) parts.push(`${summary.accepted} accepted`);
  if (newCount !== undefined) parts.push(`${newCount} new since the baseline`);
  return `${parts.join(', ')}; ${report.rules.length} rule${report.rules.length === 1 ? '' : 's'} as of ${report.asOf}`;
}
