// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/render/html/report.js';
import type { ReportInput } from '../../src/render/report-content.js';
import { renderMarkdownReport } from '../../src/render/report-markdown.js';
import { analyzeFixture, analyzeSpec, FIXTURES, hostileModel, mermaidBlocks, parseMermaid } from './helpers.js';

const BUNDLE = readFileSync(fileURLToPath(import.meta.resolve('mermaid/dist/mermaid.min.js')), 'utf8');

function inputOf(a: ReturnType<typeof analyzeSpec>, extra: Partial<ReportInput> = {}): ReportInput {
  return { graph: a.graph, report: a.report, paths: a.paths, version: '0.0.0-test', ...extra };
}

/** The page without the inlined Mermaid bundle: everything Steward wrote. */
function ownPart(page: string): string {
  expect(page.split(BUNDLE)).toHaveLength(2);
  return page.replace(BUNDLE, '');
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function findingsData(page: string): { rules: string[]; titles: string[]; files: string[]; rows: unknown[][] } {
  return JSON.parse(page.match(/<script type="application\/json" id="findings-data">([\s\S]*?)<\/script>/)![1]!);
}

/** The Mermaid text of every diagram in the page, as the page's script reads it. */
function diagramsOf(page: string): { name: string; text: string }[] {
  return [...page.matchAll(/<figure class="diagram" data-diagram="([^"]+)">[\s\S]*?<pre class="mermaid-src">([\s\S]*?)<\/pre>/g)].map((m) => ({
    name: m[1]!,
    text: unescapeHtml(m[2]!),
  }));
}

describe('HTML report', () => {
  const desk = analyzeFixture('support-desk.yaml');
  const page = renderHtmlReport(inputOf(desk), { mermaidScript: BUNDLE });
  const own = ownPart(page);

  it('is one self-contained page: two inline scripts, allowed by hash, one data block, and nothing to fetch', () => {
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(page.match(/<script type="application\/json" id="findings-data">/g)).toHaveLength(1);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toBe(BUNDLE);
    const csp = own.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(csp!.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(scripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`));
    expect(directives['style-src']).toEqual(["'unsafe-inline'"]);
    expect(directives['img-src']).toEqual(['data:']);
    expect(own).not.toMatch(/\b(src|href)="(?!#)/);
    expect(own).not.toMatch(/@import|url\(|https?:\/\//);
  });

  it('carries every finding, and once per rule why it matters, the fix and the references', () => {
    const data = findingsData(page);
    expect(data.rows).toHaveLength(desk.report.findings.length);
    desk.report.findings.forEach((f, i) => {
      const row = data.rows[i]!;
      const rule = data.rules[row[1] as number]!;
      expect(`${rule}@${row[5]}${row[0]}`).toBe(f.id);
      expect(row.slice(2, 8)).toEqual([f.severity, f.layer, f.status, f.subject, f.subjectKind, f.message]);
      expect(rule).toBe(f.ruleId);
      expect(data.titles[row[1] as number]).toBe(f.title);
      const [file, line, column] = row[10] as [number, number, number];
      expect(`${data.files[file]}:${line}:${column}`).toBe(`${f.location.file}:${f.location.line}:${f.location.column}`);
    });
    const rules = new Set(desk.report.findings.map((f) => f.ruleId));
    expect([...data.rules].sort()).toEqual([...rules].sort());
    for (const id of rules) {
      const rule = desk.report.rules.find((r) => r.id === id)!;
      const article = own.match(new RegExp(`<article class="rule" id="rule-${id}">[\\s\\S]*?</article>`))?.[0];
      expect(article, id).toBeDefined();
      expect(article).toContain(`<dt>Why it matters</dt><dd>${escape(rule.rationale)}</dd>`);
      expect(article).toContain(`<dt>How to fix</dt><dd>${escape(rule.remediation)}</dd>`);
      expect(article!.match(/<li>/g)).toHaveLength(rule.references.length);
    }
    expect(own).toContain('OWASP Top 10 for Agentic Applications (2026): ASI03');
  });

  it('shows the summary and the diagrams', () => {
    expect(own).toMatch(/<span class="n">\d+<\/span><span class="l">critical open<\/span>/);
    expect(own).toContain('<td>L6 Security and compliance</td>');
    expect(own).toMatch(/<code>payments<\/code><\/td><td>data, restricted<\/td><td><span class="state unowned">no accountable owner/);
    const names = diagramsOf(page).map((d) => d.name);
    expect(names).toEqual([...desk.paths.paths.map((p) => `chain-${p.rank}`), 'ownership', 'layers', 'system']);
  });

  it('shows each ranked path hop by hop, with missing controls and owner changes', () => {
    const first = desk.paths.paths[0]!;
    expect(own).toContain(`<article class="path" id="path-1">`);
    for (const hop of first.hops) expect(own).toContain(unescapeHtml(hop.text).replace(/"/g, '&quot;'));
    expect(own).toContain('class="missing">no gating control');
    expect(own).toContain('class="handover">owner change:');
    expect(own).toContain('<h3>Chokepoints</h3>');
  });

  it('holds only diagrams that Mermaid parses', async () => {
    const diagrams = diagramsOf(page);
    expect(diagrams.length).toBeGreaterThanOrEqual(4);
    for (const d of diagrams) await expect(parseMermaid(d.text), d.name).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
  });

  it('is byte-identical for the same model, and carries no clock', () => {
    const again = analyzeFixture('support-desk.yaml');
    expect(renderHtmlReport(inputOf(again), { mermaidScript: BUNDLE })).toBe(page);
    expect(own).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const today = new Date().toISOString().slice(0, 10);
    if (!readFileSync(join(FIXTURES, 'support-desk.yaml'), 'utf8').includes(today) && today !== '2026-11-01') {
      expect(own).not.toContain(today);
    }
  });

  it('escapes everything that came from the model', async () => {
    const hostile = analyzeSpec(hostileModel());
    const html = ownPart(renderHtmlReport(inputOf(hostile, { title: '<b onmouseover="x">Title</b>' }), { mermaidScript: BUNDLE }));
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;Title&lt;/b&gt;');
    expect(html.match(/<script\b/g)).toHaveLength(3);
    for (const tag of html.match(/<[a-z][^>]*>/g) ?? []) expect(tag).not.toMatch(/\son[a-z]+=/);
    const block = html.match(/<script type="application\/json" id="findings-data">([\s\S]*?)<\/script>/)![1]!;
    expect(block).not.toContain('<');
    const data = JSON.parse(block) as { rows: unknown[][] };
    const messages = data.rows.map((r) => r[7] as string);
    expect(messages).toEqual(hostile.report.findings.map((f) => f.message));
    const accepted = data.rows.find((r) => r[5] === 'TB' && r[11] !== undefined)!;
    expect(accepted[11]).toEqual(['</script><script>window.__pwned = 3</script> <!-- accepted -->', 'class', '2027-01-31', 'model.json:1']);
    for (const d of diagramsOf(renderHtmlReport(inputOf(hostile), { mermaidScript: BUNDLE }))) await parseMermaid(d.text);
  });

  it('refuses a bundle that would close its script tag', () => {
    expect(() => renderHtmlReport(inputOf(desk), { mermaidScript: 'var a = "</script><script>alert(1)";' })).toThrow(/script tag/);
  });

  it('handles a model with no findings and no paths', () => {
    const quiet = analyzeSpec({ version: 1 });
    const html = ownPart(renderHtmlReport(inputOf(quiet), { mermaidScript: BUNDLE }));
    expect(html).toContain('No findings: every rule that ran passed.');
    expect(html).toContain('No path from an entry point reaches a crown jewel');
    expect(html).toContain('Every agent, tool, credential, data store, model and system has an accountable owner.');
  });
});

describe('Markdown report', () => {
  const desk = analyzeFixture('support-desk.yaml');
  const md = renderMarkdownReport(inputOf(desk));

  it('has the summary, findings, paths and diagrams as sections', () => {
    expect(md.match(/^## .*/gm)).toEqual(['## Summary', '## Findings', '## Attack paths', '## Ownership', '## MAESTRO layers', '## System']);
    const rows = md.match(/^\| (critical|high|medium|low|info) \| /gm) ?? [];
    expect(rows).toHaveLength(desk.report.findings.length);
    for (const rule of new Set(desk.report.findings.map((f) => f.ruleId))) expect(md).toContain(`#### ${rule}\n`);
    expect(md).toContain('Why it matters: ');
    expect(md).toContain('How to fix: ');
    expect(md).toMatch(/^### Path 1: triage to /m);
  });

  it('fences diagrams that Mermaid parses with its default limits', async () => {
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(3 + desk.paths.paths.length);
    for (const b of blocks) await parseMermaid(b);
  });

  it('escapes model text: no HTML, links or broken tables', async () => {
    const hostile = analyzeSpec(hostileModel());
    const text = renderMarkdownReport(inputOf(hostile));
    const prose = text.replace(/^```mermaid\n[\s\S]*?^```$/gm, '');
    expect(prose).not.toMatch(/<(script|img|b)\b/);
    expect(prose).not.toMatch(/(?<!\\)\]\(https?:/);
    expect(prose).toContain('&lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt;');
    const tables = prose.split(/\n(?!\|)/).map((chunk) => chunk.split('\n').filter((l) => l.startsWith('|'))).filter((t) => t.length > 1);
    expect(tables.length).toBeGreaterThan(2);
    for (const table of tables) {
      const cells = table.map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(cells).size, table.join('\n')).toBe(1);
    }
    for (const b of mermaidBlocks(text)) await parseMermaid(b);
  });

  it('is byte-identical for the same model', () => {
    expect(renderMarkdownReport(inputOf(analyzeFixture('support-desk.yaml')))).toBe(md);
  });
});
