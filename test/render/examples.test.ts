// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { updateGolden } from '../helpers/golden.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { galleryFiles, README_DIAGRAM, referenceModels } from './gallery.js';
import { mermaidBlocks, parseMermaid, ROOT } from './helpers.js';

/**
 * examples/ holds what the CLI prints for each reference model. This regenerates every file and
 * compares; with UPDATE_EXAMPLES=1 it writes them instead.
 */
let generated: Map<string, string>;

beforeAll(async () => {
  generated = await galleryFiles();
  updateGolden(ROOT, generated);
}, 120_000);

/** Folders of examples/ kept by their own tests, in test/diff, test/export and test/import. */
const KEPT_ELSEWHERE = new Set(['examples/diff', 'examples/ci', 'examples/export', 'examples/import']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (KEPT_ELSEWHERE.has(relative(ROOT, path))) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
  });
}

describe('examples/ gallery (regenerate with UPDATE_EXAMPLES=1)', () => {
  it('has an entry for every reference model', () => {
    expect(referenceModels().length).toBeGreaterThan(0);
    for (const model of referenceModels()) expect(generated.has(`examples/${model}/report.md`), model).toBe(true);
  });

  it('holds exactly the files the CLI makes', () => {
    expect(filesUnder(join(ROOT, 'examples')).sort()).toEqual([...generated.keys()].sort());
  });

  it('matches what the CLI prints today, byte for byte', () => {
    for (const [path, content] of generated) expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
  });

  it('holds only diagrams that Mermaid parses', async () => {
    for (const [path, content] of generated) {
      const diagrams = path.endsWith('.mmd') ? [content] : mermaidBlocks(content);
      for (const d of diagrams) await expect(parseMermaid(d), path).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    }
  });

  it('shows one of its diagrams in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(mermaidBlocks(readme), `README.md embeds ${README_DIAGRAM} in a mermaid fence; paste the new one in`).toContain(generated.get(README_DIAGRAM));
  });
});
