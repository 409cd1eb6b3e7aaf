import type { Report } from '../analysis/engine.js';
import type { Finding } from '../analysis/finding.js';
import { SEVERITIES } from '../analysis/severity.js';
import { LAYER_NUMBERS, LAYERS } from '../graph/layers.js';
import { joinChunks, linesInChunks } from '../util/text-chunks.js';
import { terminalSafe } from './terminal-safe.js';

/**
 * The terminal table: findings grouped by MAESTRO layer (all seven, empty ones too), most severe
 * first, then a summary line.
 */
export function renderTable(report: Report, options: { baseline?: ReadonlySet<string> } = {}): string {
  return joinChunks(tableChunks(report, options));
}

/** The table in chunks, a few rows at a time: a large estate's table is longer than one string can be. */
export function tableChunks(report: Report, options: { baseline?: ReadonlySet<string> } = {}): Iterable<string> {
  return linesInChunks(tableLines(report, options));
}

function* tableLines(report: Report, options: { baseline?: ReadonlySet<string> }): Generator<string> {
  let width = 8;
  for (const f of report.findings) width = Math.max(width, f.id.length);
  const byLayer = new Map<number, Finding[]>(LAYER_NUMBERS.map((l) => [l, []]));
  for (const f of report.findings) byLayer.get(f.layer)?.push(f);
  for (const layer of LAYER_NUMBERS) {
    const inLayer = byLayer.get(layer)!;
    yield `${LAYERS[layer].id} ${LAYERS[layer].name} (${inLayer.length})`;
    if (!inLayer.length) yield '  no findings';
    for (const f of inLayer) yield* row(f, width, options.baseline);
    yield '';
  }
  yield summaryLine(report, options.baseline);
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
