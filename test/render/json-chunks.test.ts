import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/synthetic.js';
import { prettyJsonChunks } from '../../src/render/json-chunks.js';
import { CHUNK_CHARS } from '../../src/util/text-chunks.js';

const joined = (chunks: Iterable<string>) => [...chunks].join('');
const expected = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/** Strings that JSON escapes, or that look like the marker the splitter puts in the array's place. */
const AWKWARD = ['line\nbreak', 'tab\there', 'quote " and \\ backslash', '\u0000steward-items-0\u0000', '"\\u0000steward-items-1\\u0000"', 'é ✓ 𝄞', '\u2028', ''];

function randomValue(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 2 || r < 0.3) return AWKWARD[Math.floor(next() * AWKWARD.length)];
  if (r < 0.4) return Math.floor(next() * 1000) - 500;
  if (r < 0.45) return next() < 0.5 ? null : true;
  if (r < 0.7) return Array.from({ length: Math.floor(next() * 3) }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}${AWKWARD[i % AWKWARD.length]}`, randomValue(next, depth + 1)]));
}

describe('prettyJsonChunks', () => {
  it('writes what JSON.stringify(doc, null, 2) does, wherever the array sits and whatever the strings hold', () => {
    const next = prng(20261129);
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, 1));
      const big = { id: round, items };
      const before = randomValue(next, 2);
      const after = randomValue(next, 2);
      // At the top level, nested in an array, last or not.
      const docs = [
        { before, list: items, after },
        { before, deep: [{ x: before, list: items }], after },
        { runs: [{ tool: before, results: items }] },
      ];
      for (const doc of docs) {
        const mapped = JSON.parse(JSON.stringify(doc, (_k, v: unknown) => (v === items ? items.map((x) => ({ wrapped: x, big: big.id })) : v)));
        expect(joined(prettyJsonChunks(doc, items, (x) => ({ wrapped: x, big: big.id })))).toBe(expected(mapped));
      }
    }
  });

  it('writes an empty array as [] and an undefined item as null, as JSON.stringify does', () => {
    const none: number[] = [];
    expect(joined(prettyJsonChunks({ a: 1, list: none }, none, (x) => x))).toBe(expected({ a: 1, list: [] }));
    const items = [1, 2];
    expect(joined(prettyJsonChunks({ list: items }, items, (x) => (x === 1 ? undefined : x)))).toBe(expected({ list: [null, 2] }));
  });

  it('yields chunks of bounded size, never the whole document', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: `finding-${i}`, message: 'x'.repeat(200) }));
    const chunks = [...prettyJsonChunks({ findings: items }, items, (x) => x)];
    expect(chunks.length).toBeGreaterThan(20);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(2 * CHUNK_CHARS);
    expect(chunks.join('')).toBe(expected({ findings: items }));
  });

  it('refuses an array that is not in the document, or that occurs in it twice', () => {
    const items = [1];
    expect(() => prettyJsonChunks({ other: [1] }, items, (x) => x)).toThrow(/not in the document/);
    expect(() => prettyJsonChunks({ a: items, b: items }, items, (x) => x)).toThrow(/more than once/);
  });
});
