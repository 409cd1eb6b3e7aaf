// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { updateGolden } from '../helpers/golden.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { mermaidBlocks, parseMermaid, ROOT } from '../render/helpers.js';
import { diffGalleryFiles, diffPairs } from './gallery.js';

/**
 * examples/diff/ holds what `steward diff` prints for each fixture pair, in every format. This
 * regenerates every file and compares; with UPDATE_EXAMPLES=1 it writes them instead.
 */
let generated: Map<string, string>;

beforeAll(async () => {
  generated = await diffGalleryFiles();
  updateGolden(ROOT, generated);
}, 120_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
  });
}

describe('examples/diff (regenerate with UPDATE_EXAMPLES=1)', () => {
  it('has the three pull-request pairs', () => {
    expect(diffPairs()).toEqual(['add-tool-delegation', 'fix-gap', 'remove-approval']);
  });

  it('holds exactly the files the CLI makes', () => {
    expect(filesUnder(join(ROOT, 'examples/diff')).sort()).toEqual([...generated.keys()].sort());
  });

  it('matches what the CLI prints today, byte for byte', () => {
    for (const [path, content] of generated) expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
  });

  it('holds only diagrams that Mermaid parses', async () => {
    for (const [path, content] of generated) {
      const diagrams = path.endsWith('.mmd') ? [content] : path.endsWith('.md') ? mermaidBlocks(content) : [];
      for (const d of diagrams) await expect(parseMermaid(d), path).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    }
  });

  it('says what each change does', () => {
    const json = (pair: string) => JSON.parse(generated.get(`examples/diff/${pair}/diff.json`)!);
    const added = json('add-tool-delegation');
    expect(added.entities.added.map((e: { id: string }) => e.id)).toEqual(['carrier-tracking-page']);
    expect(added.relations.added.map((r: { from: string; kind: string; to: string }) => `${r.from} ${r.kind} ${r.to}`)).toContain('order-lookup-agent delegates_to refunds-agent');
    expect(added.paths.added.length).toBeGreaterThan(0);
    expect(added.findings.opened.length).toBeGreaterThan(0);
    const removed = json('remove-approval');
    expect(removed.paths.lostControl.flatMap((p: { lostOn: { lost: string[] }[] }) => p.lostOn.flatMap((h) => h.lost))).toEqual(expect.arrayContaining(['approval', 'on_behalf_of']));
    expect(removed.relations.changed.map((r: { lost: string[] }) => r.lost)).toContainEqual(['on_behalf_of']);
    // Routes pushed out of the ranking by the riskier ones still exist: not reported as removed.
    expect(removed.paths.leftRanking.length).toBeGreaterThan(0);
    expect(removed.paths.removed).toEqual([]);
    const fixed = json('fix-gap');
    expect(fixed.findings.opened).toEqual([]);
    expect(fixed.findings.resolved.length).toBeGreaterThan(0);
    expect(fixed.paths.removed.length).toBeGreaterThan(0);
    expect(fixed.paths.added).toEqual([]);
  });
});
