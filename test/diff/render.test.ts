// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { pathComputationFor } from '../../src/analysis/paths/analyze.js';
import { diffModels, type ModelDiff } from '../../src/diff/index.js';
import { renderDiffJson } from '../../src/render/diff/json.js';
import { renderDiffMarkdown } from '../../src/render/diff/markdown.js';
import { renderDiffMermaid } from '../../src/render/diff/mermaid.js';
import { renderDiffTable } from '../../src/render/diff/table.js';
import type { ModelFileSpec } from '../../src/model/schema.js';
import { HOSTILE_NAMES, hostileModel, parseMermaid, ROOT } from '../render/helpers.js';
import { analyzedSpec, baseModel, clone, diffSpecs } from './helpers.js';

/** The hostile model before a change: plain names, and its external agent delegating and calling nothing. */
function tameModel(): ModelFileSpec {
  const m = clone(hostileModel());
  const rename = <T extends { name?: string | undefined }>(xs: T[] | undefined) => xs?.forEach((x, i) => (x.name = `plain ${i}`));
  for (const list of [m.owners, m.boundaries, m.models, m.agents, m.tools, m.credentials, m.data]) rename(list as { name?: string }[]);
  const end = m.agents!.find((a) => a.id === 'end')!;
  end.delegates_to = [];
  end.tools = [];
  return m;
}

const hostile = (() => {
  const before = analyzedSpec(tameModel());
  const after = analyzedSpec(hostileModel());
  const diff = diffModels(before, after);
  const diagram = renderDiffMermaid(diff, after.graph, pathComputationFor(after.graph).analysis);
  return { diff, diagram, markdown: renderDiffMarkdown(diff, { diagram }) };
})();

/** Pipes that separate cells (not escaped with a backslash). */
const cellPipes = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length;

describe('diff renderers with hostile ids and names', () => {
  it('the change is seen: names changed, paths added', () => {
    expect(hostile.diff.entities.changed.some((e) => e.fields.some((f) => f.field === 'name' && HOSTILE_NAMES.includes(f.new as string)))).toBe(true);
    expect(hostile.diff.paths.added.length).toBeGreaterThan(0);
  });

  it('Markdown: no markup, links, mentions or HTML from the model, and every table row keeps its cells', () => {
    // The fenced Mermaid block is code, checked by Mermaid's parser below.
    const md = hostile.markdown.replace(/```mermaid\n[\s\S]*?```/, '');
    expect(md.length).toBeLessThan(hostile.markdown.length);
    expect(md).toContain('&lt;img src=x');
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(md.match(/<(?!\/?(details|summary|sub|br)>)/g)).toBeNull();
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toContain('@');
    expect(md).not.toContain('://');
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| .* \|$/.test(lines[i]!) || lines[i - 1]?.startsWith('|')) continue;
      const width = cellPipes(lines[i]!);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cellPipes(lines[j]!), lines[j]).toBe(width);
    }
  });

  it('Mermaid: parses, and carries only synthetic ids outside its quoted labels', async () => {
    await expect(parseMermaid(hostile.diagram)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    const syntax = hostile.diagram.replace(/"[^"\n]*"/g, '""');
    for (const keyword of ['click', 'href', 'javascript', 'call', '%%', '`', '<', 'subgraph subgraph']) expect(syntax).not.toContain(keyword);
    const block = hostile.markdown.match(/```mermaid\n([\s\S]*?)```/)![1]!;
    expect(block).toBe(hostile.diagram);
  });

  it('table: no control characters from the model reach the terminal', () => {
    const text = renderDiffTable(hostile.diff);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('JSON format', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'models/diff.schema.json'), 'utf8'));
  const validate = new Ajv2020.default({ strict: false, allErrors: true }).compile(schema);

  it.each([
    ['hostile', hostile.diff],
    ['identical', diffSpecs(baseModel(), baseModel())],
  ])('%s: validates against models/diff.schema.json', (_, diff: ModelDiff) => {
    const doc = JSON.parse(renderDiffJson(diff));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.format).toBe('steward-diff/v1');
  });

  it('the schema rejects a document that is not a diff', () => {
    const doc = JSON.parse(renderDiffJson(hostile.diff));
    delete doc.paths;
    expect(validate(doc)).toBe(false);
    expect(validate({ ...JSON.parse(renderDiffJson(hostile.diff)), extra: 1 })).toBe(false);
  });
});

describe('Markdown size cap', () => {
  it('leaves out whole blocks past the cap and says so', () => {
    const full = hostile.markdown;
    const cap = Math.floor(full.length / 2);
    const cut = renderDiffMarkdown(hostile.diff, { diagram: hostile.diagram, cap });
    expect(cut.length).toBeLessThanOrEqual(cap);
    expect(cut).toMatch(/sections? left out to keep this comment under/);
    expect(cut.split('<details>').length).toBe(cut.split('</details>').length);
    expect(full).not.toMatch(/left out to keep this comment/);
  });

  it('an empty diff says so in one line', () => {
    const md = renderDiffMarkdown(diffSpecs(baseModel(), baseModel()));
    expect(md).toContain('**✔ no finding opened, 0 resolved; 0 new paths to crown jewels, 0 paths removed.**');
    expect(md).not.toContain('<details>');
  });
});
