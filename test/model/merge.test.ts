import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../bench/emit.js';
import { generateModel, prng } from '../../bench/synthetic.js';
import { buildGraph, type ModelGraph } from '../../src/graph/graph.js';
import { readModelSources } from '../../src/io/read.js';
import { loadModel, type ModelSource } from '../../src/model/load.js';
import { COLLECTIONS, type ModelFileSpec } from '../../src/model/schema.js';
import { scratch } from './helpers.js';

/**
 * Merging and determinism: one model split over files and folders is the same model, and the
 * order of files and of entries inside them changes nothing in the graph.
 */

const root = join(import.meta.dirname, '../..');
const design = parse(readFileSync(join(root, 'test/fixtures/design-example.yaml'), 'utf8')) as ModelFileSpec;

/** The graph as text: node ids, kinds, layers and specs; edge ends, kinds and attributes. */
function snapshot(g: ModelGraph, withSpecs = true): string {
  return JSON.stringify({
    nodes: g.nodes.map((n) => [n.id, n.kind, n.layer, withSpecs ? n.spec : null]),
    edges: g.edges.map((e) => [e.from, e.kind, e.to, e.attrs]),
    accepted: g.accepted.map((a) => [a.finding, a.approver, a.expires]),
  });
}

function graphOf(sources: ModelSource[]): ModelGraph {
  const loaded = loadModel(sources);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
  return buildGraph(loaded.model);
}

const LISTS = [...Object.keys(COLLECTIONS), 'links', 'accepted'] as (keyof ModelFileSpec)[];

/** Splits a model into `parts` files: each entity (and link, acceptance) goes to the part `pick` gives. */
function split(spec: ModelFileSpec, parts: number, pick: (list: string, index: number) => number): ModelFileSpec[] {
  const out: ModelFileSpec[] = Array.from({ length: parts }, () => ({ version: 1 }));
  if (spec.system) out[pick('system', 0) % parts]!.system = spec.system;
  for (const list of LISTS) {
    const items = spec[list] as unknown[] | undefined;
    items?.forEach((item, i) => {
      const part = out[pick(list, i) % parts]! as unknown as Record<string, unknown[]>;
      (part[list] ??= []).push(item);
    });
  }
  return out;
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Shuffles every entity list and every reference list inside entities. */
function shuffleEntries(spec: ModelFileSpec, rand: () => number): ModelFileSpec {
  const out = JSON.parse(JSON.stringify(spec)) as Record<string, unknown>;
  for (const list of LISTS) {
    const items = out[list] as Record<string, unknown>[] | undefined;
    if (!items) continue;
    out[list] = shuffle(items, rand).map((item) => {
      const copy = { ...item };
      for (const field of ['tools', 'delegates_to', 'reads', 'writes', 'data', 'grants', 'held_by', 'can_assume']) {
        if (Array.isArray(copy[field])) copy[field] = shuffle(copy[field] as unknown[], rand);
      }
      return copy;
    });
  }
  return out as ModelFileSpec;
}

/** The synthetic model, plus relations said twice with different controls (merged, not doubled). */
function sample(): ModelFileSpec {
  const spec = generateModel({ nodes: 400, seed: 11 });
  const agent = spec.agents!.find((a) => typeof a.tools?.[0] === 'string')!;
  const toolId = agent.tools![0] as string;
  spec.links = [
    { from: agent.id, to: toolId, kind: 'invokes', approval: false, policy_check: true },
    { from: agent.id, to: toolId, kind: 'invokes', note: 'said a third time' },
    { from: spec.owners![1]!.id, to: agent.id, kind: 'owns', role: 'operator', note: 'runs it' },
  ];
  return spec;
}

describe('merging files', () => {
  it('gives the design example the same graph whether it is one file or split over folders', () => {
    const single = graphOf([{ file: 'design.yaml', content: readFileSync(join(root, 'test/fixtures/design-example.yaml')) }]);
    const [identities, agents, rest] = split(design, 3, (list) =>
      list === 'owners' || list === 'credentials' ? 0 : list === 'system' || list === 'agents' || list === 'accepted' ? 1 : 2,
    );
    const { dir, dispose } = scratch({
      'platform/identities.yaml': toYaml(identities),
      'product/agents.yml': toYaml(agents),
      'product/catalogue/tools-and-data.json': JSON.stringify(rest, null, 2),
      'product/.hidden/ignored.yaml': 'not: a model',
      'product/notes.md': '# not a model file',
    });
    try {
      const read = readModelSources(['platform', 'product'], { cwd: dir });
      expect(read.diagnostics).toEqual([]);
      expect(read.sources.map((s) => s.file)).toEqual(['platform/identities.yaml', 'product/agents.yml', 'product/catalogue/tools-and-data.json']);
      const merged = graphOf(read.sources);
      expect(snapshot(merged)).toBe(snapshot(single));
      expect(merged.files).toEqual(['platform/identities.yaml', 'product/agents.yml', 'product/catalogue/tools-and-data.json']);
      expect(merged.node('stripe-key')!.source.file).toBe('platform/identities.yaml');
    } finally {
      dispose();
    }
  });

  it('reads a file named twice, or inside a folder also named, once', () => {
    const { dir, dispose } = scratch({ 'models/a.yaml': 'version: 1\nowners:\n  - { id: team }\n' });
    try {
      const read = readModelSources(['models', 'models/a.yaml', './models/a.yaml'], { cwd: dir });
      expect(read.sources.map((s) => s.file)).toEqual(['models/a.yaml']);
      expect(loadModel(read.sources).ok).toBe(true);
    } finally {
      dispose();
    }
  });

  it('reads a link to a model file inside a folder like the file, and reports what it cannot read', () => {
    const { dir, dispose } = scratch({ 'shared/owners.yaml': 'version: 1\nowners:\n  - { id: team }\n', 'models/agents.yaml': 'version: 1\nagents:\n  - { id: a, owners: { operator: team } }\n' });
    try {
      symlinkSync(join(dir, 'shared/owners.yaml'), join(dir, 'models/owners.yaml'));
      symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'models/dangling.yaml'));
      const read = readModelSources(['models'], { cwd: dir });
      expect(read.sources.map((s) => s.file)).toEqual(['models/agents.yaml', 'models/owners.yaml']);
      expect(loadModel(read.sources).ok).toBe(true);
      // Neither a file nor a folder: a named pipe.
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      const odd = readModelSources(['pipe.yaml'], { cwd: dir });
      expect(odd.diagnostics.map((d) => [d.file, d.code])).toEqual([['pipe.yaml', 'not-a-file']]);
    } finally {
      dispose();
    }
  });

  it('gives the same graph for any split of a model into YAML and JSON files', () => {
    const spec = sample();
    const reference = snapshot(graphOf([{ file: 'all.json', content: JSON.stringify(spec) }]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), fc.nat(63), (parts, seed, yamlMask) => {
        const rand = prng(seed);
        const files = split(spec, parts, () => Math.floor(rand() * parts));
        const sources = files.map((f, i) =>
          (yamlMask >> i) & 1 ? { file: `part-${i}.yaml`, content: toYaml(f) } : { file: `part-${i}.json`, content: JSON.stringify(f, null, 1) },
        );
        expect(snapshot(graphOf(sources))).toBe(reference);
      }),
      { seed: 20261, numRuns: 12 },
    );
  });
});

describe('determinism', () => {
  it('gives byte-identical graphs whatever the order of files, of entries and of reference lists', () => {
    const spec = sample();
    const parts = split(spec, 4, (list, i) => (list.length + i) % 4);
    const reference = snapshot(graphOf(parts.map((p, i) => ({ file: `m${i}.json`, content: JSON.stringify(p) }))), false);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const rand = prng(seed);
        const order = shuffle([0, 1, 2, 3], rand);
        const sources = order.map((i) => {
          const shuffled = shuffleEntries(parts[i]!, rand);
          return i % 2 ? { file: `m${i}.json`, content: JSON.stringify(shuffled) } : { file: `m${i}.json`, content: JSON.stringify(shuffled, null, 2) };
        });
        expect(snapshot(graphOf(sources), false)).toBe(reference);
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('merges a relation said several times into one edge carrying every control', () => {
    const g = graphOf([{ file: 'm.json', content: JSON.stringify(sample()) }]);
    const spec = sample();
    const link = spec.links![0]!;
    const edges = g.outEdgesOf(link.from, 'invokes').filter((e) => e.to === link.to);
    expect(edges).toHaveLength(1);
    expect(edges[0]!.attrs).toMatchObject({ approval: false, policy_check: true, note: 'said a third time' });
    const owns = g.inEdgesOf(spec.links![2]!.to, 'owns').filter((e) => e.from === spec.links![2]!.from && e.attrs.role === 'operator');
    expect(owns).toHaveLength(1);
  });

  it('gives the same graph for the same text, run after run', () => {
    const text = JSON.stringify(sample());
    const first = snapshot(graphOf([{ file: 'm.json', content: text }]));
    for (let i = 0; i < 3; i++) expect(snapshot(graphOf([{ file: 'm.json', content: text }]))).toBe(first);
  });
});
