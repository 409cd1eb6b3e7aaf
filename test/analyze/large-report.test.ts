import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/analysis/engine.js';
import type { Finding } from '../../src/analysis/finding.js';
import { findingsMarkdownChunks } from '../../src/render/findings-markdown.js';
import { tableChunks } from '../../src/render/table.js';
import { CHUNK_CHARS } from '../../src/util/text-chunks.js';

/**
 * A report as large as the 100k-node synthetic estate's (412k findings): more than a function
 * call can take as spread arguments, and a text longer than one string can be. The findings are
 * plain objects with what the text renderers read.
 */
function largeReport(count: number): Report {
  const findings = Array.from(
    { length: count },
    (_, i) =>
      ({
        id: `rule@node-${i}`,
        ruleId: 'rule',
        title: 'A rule',
        severity: 'high',
        baseSeverity: 'medium',
        reasons: i % 2 ? ['externally exposed'] : [],
        subject: `node-${i}`,
        layer: ((i % 7) + 1) as Finding['layer'],
        message: `node "node-${i}" has a gap`,
        remediation: 'Fix it.',
        location: { file: 'model.yaml', line: i + 1, column: 3 },
        status: 'open',
      }) as unknown as Finding,
  );
  return {
    asOf: '2026-11-28',
    findings,
    rules: [],
    summary: { total: count, open: count, accepted: 0, bySeverity: { critical: 0, high: count, medium: 0, low: 0, info: 0 } },
  };
}

function stats(chunks: Iterable<string>): { chars: number; largest: number; last: string } {
  let chars = 0;
  let largest = 0;
  let last = '';
  for (const chunk of chunks) {
    chars += chunk.length;
    largest = Math.max(largest, chunk.length);
    last = chunk;
  }
  return { chars, largest, last };
}

describe('text outputs of a large report', () => {
  const report = largeReport(200_000);

  it('renders the table in bounded chunks, with every finding and the summary line', () => {
    const { chars, largest, last } = stats(tableChunks(report));
    expect(largest).toBeLessThan(CHUNK_CHARS + 1000);
    expect(chars).toBeGreaterThan(200_000 * 60);
    expect(last.trimEnd().split('\n').pop()).toBe('✖ 200000 open findings (200000 high); 0 rules as of 2026-11-28');
  });

  it('renders the Markdown report in bounded chunks', () => {
    const { chars, largest, last } = stats(findingsMarkdownChunks(report));
    expect(largest).toBeLessThan(CHUNK_CHARS + 1000);
    expect(chars).toBeGreaterThan(200_000 * 60);
    expect(last.trimEnd().endsWith('</details>')).toBe(true);
  });

});
