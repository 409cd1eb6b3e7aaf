// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { mermaidBlocks, parseMermaid, ROOT } from './helpers.js';

const MODEL = 'test/render/fixtures/support-desk.yaml';

/** Diagram text with its entities decoded and label lines joined. */
function plain(text: string): string {
  return text.replace(/<br\/>/g, ' ').replace(/#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c)));
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string>();
  const io: CliIO = { cwd: ROOT, stdout: (t) => out.push(t), stderr: (t) => err.push(t), writeFile: (p, c) => files.set(p, c) };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join(''), files };
}

describe('steward diagram', () => {
  it('prints each view as Mermaid that parses', async () => {
    for (const view of ['system', 'ownership', 'layers', 'chains']) {
      const r = await cli('diagram', MODEL, '--view', view, '--as-of', '2026-11-01');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^flowchart (LR|TB)\n/);
      await parseMermaid(r.stdout);
    }
  });

  it('defaults to the system view, writes -o files and fences Markdown', async () => {
    const plain = await cli('diagram', MODEL, '--as-of', '2026-11-01');
    const r = await cli('diagram', MODEL, '--as-of', '2026-11-01', '--format', 'markdown', '-o', 'out/system.md');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wrote out/system.md\n');
    expect(r.files.get('out/system.md')).toBe(`\`\`\`mermaid\n${plain.stdout}\`\`\`\n`);
    expect(mermaidBlocks(r.files.get('out/system.md')!)).toEqual([plain.stdout]);
  });

  it('focuses on a system, a node or one path, and caps the size', async () => {
    const system = await cli('diagram', MODEL, '--system', 'support-desk', '--depth', '0');
    expect(system.code, system.stderr).toBe(0);
    expect(plain(system.stdout)).toContain('the system support-desk');
    const node = await cli('diagram', MODEL, '--view', 'ownership', '--focus', 'payments-api');
    expect(plain(node.stdout)).toContain('the node payments-api');
    const small = await cli('diagram', MODEL, '--view', 'layers', '--max-nodes', '5');
    expect(plain(small.stdout)).toContain('Focused view: 5 of 20 nodes');
    const one = await cli('diagram', MODEL, '--view', 'chains', '--path', 'triage>stripe-key>payments');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.match(/subgraph/g)).toHaveLength(1);
    for (const r of [system, node, small, one]) await parseMermaid(r.stdout);
  });

  it('refuses unknown views, systems and nodes with exit code 2', async () => {
    const view = await cli('diagram', MODEL, '--view', 'graph');
    expect(view.code).toBe(2);
    expect(view.stderr).toMatch(/Allowed choices are system, ownership, layers, chains/);
    const system = await cli('diagram', MODEL, '--system', 'support-dask');
    expect(system.code).toBe(2);
    expect(system.stderr).toBe('steward: no system "support-dask" in the model; did you mean "support-desk"?\n');
    const both = await cli('diagram', MODEL, '--system', 'support-desk', '--focus', 'triage');
    expect(both.code).toBe(2);
    const missing = await cli('diagram', 'test/render/fixtures/nope.yaml');
    expect(missing.code).toBe(2);
  });
});

describe('steward report', () => {
  it('writes the HTML and Markdown reports', async () => {
    const r = await cli('report', MODEL, '--as-of', '2026-11-01', '--html', 'out/r.html', '--md', 'out/r.md');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('wrote out/r.html\nwrote out/r.md\n');
    const html = r.files.get('out/r.html')!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Support desk</h1>');
    expect(html.length).toBeGreaterThan(3_000_000);
    expect(r.files.get('out/r.md')).toMatch(/^# Steward report: Support desk\n/);
  });

  it('prints Markdown when no file is named, and takes the title', async () => {
    const r = await cli('report', MODEL, '--as-of', '2026-11-01', '--title', 'Q4 review');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Steward report: Q4 review\n/);
  });

  it('evaluates as of --as-of: an acceptance that has expired no longer holds', async () => {
    const before = await cli('report', MODEL, '--as-of', '2026-11-01', '--rule', 'static-credential');
    const after = await cli('report', MODEL, '--as-of', '2027-02-01', '--rule', 'static-credential');
    expect(before.stdout).toMatch(/`static-credential@stripe-key` \| `stripe-key` credential \| L6 \| accepted until 2027-01-31 by security: /);
    expect(after.stdout).toMatch(/`static-credential@stripe-key` \| `stripe-key` credential \| L6 \| open \|/);
    expect(before.stdout).toContain('from 1 rule.');
  });

  it('reports an invalid model with exit code 2', async () => {
    const r = await cli('report', 'test/render/fixtures', '--rule', 'no-such-rule');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-such-rule"/);
  });
});
