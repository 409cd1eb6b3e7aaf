import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/synthetic.js';
import { exported, ROOT } from './helpers.js';

const COLLECTIONS = ['systems', 'owners', 'agents', 'tools', 'credentials', 'data', 'models', 'boundaries', 'links', 'accepted'];
const REFERENCE_LISTS = ['tools', 'delegates_to', 'reads', 'writes', 'credentials', 'held_by', 'grants', 'can_assume', 'environments', 'exposed_to', 'data'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function shuffle<T>(list: T[], rand: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** The same entity with its keys in another order and its reference lists reordered. */
function reorder(entity: Record<string, unknown>, rand: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of shuffle(Object.keys(entity), rand)) {
    const value = entity[key];
    out[key] = REFERENCE_LISTS.includes(key) && Array.isArray(value) ? shuffle([...value], rand) : value;
  }
  return out;
}

/**
 * The model of `models/<name>`, its entities shuffled and dealt across files in another order and
 * under other names, each entity's keys and reference lists reordered.
 */
function shuffledCopy(name: string, seed: number): string[] {
  const rand = prng(seed);
  const folder = join(ROOT, 'models', name);
  const docs = readdirSync(folder).sort().map((f) => parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown>);
  const files: Record<string, unknown>[] = docs.map(() => ({ version: 1 }));
  for (const doc of docs) {
    for (const [key, value] of Object.entries(doc)) {
      if (key === 'version' || key === '$schema') continue;
      if (key === 'system') {
        const target = files[Math.floor(rand() * files.length)]!;
        ((target.systems ??= []) as unknown[]).push(reorder(value as Record<string, unknown>, rand));
        continue;
      }
      expect(COLLECTIONS).toContain(key);
      for (const item of value as Record<string, unknown>[]) {
        const target = files[Math.floor(rand() * files.length)]!;
        ((target[key] ??= []) as unknown[]).push(key === 'accepted' || key === 'links' ? item : reorder(item, rand));
      }
    }
  }
  for (const f of files) for (const key of COLLECTIONS) if (Array.isArray(f[key])) shuffle(f[key] as unknown[], rand);
  const dir = mkdtempSync(join(tmpdir(), 'steward-export-'));
  dirs.push(dir);
  return files.map((f, i) => {
    const path = join(dir, `part-${String.fromCharCode(122 - i)}.yaml`);
    writeFileSync(path, stringify(f));
    return path;
  }).reverse();
}

describe('export determinism', () => {
  it.each(['support-desk', 'workload-identity-platform'])('gives byte-identical output for the same model in another file and entry order: %s', async (model) => {
    const copy = shuffledCopy(model, 7);
    expect(copy.length).toBeGreaterThan(1);
    const originalText = readdirSync(join(ROOT, 'models', model)).map((f) => readFileSync(join(ROOT, 'models', model, f), 'utf8'));
    for (const path of copy) expect(originalText).not.toContain(readFileSync(path, 'utf8'));
    for (const format of ['opengraph', 'cypher', 'graphml']) {
      const original = await exported(format, [`models/${model}`]);
      expect(await exported(format, [`models/${model}`]), `${format} twice`).toBe(original);
      expect(await exported(format, copy, [], ROOT), format).toBe(original);
    }
  });
});
