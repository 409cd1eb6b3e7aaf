import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveEndpoints } from '../../src/analysis/paths/endpoints.js';
import { collectFolded } from '../../src/analysis/paths/fold.js';
import { layersFromSources } from '../../src/analysis/paths/potentials.js';
import { buildPathIndex } from '../../src/analysis/paths/projection.js';
import { rankBackward, take, type RawPath } from '../../src/analysis/paths/search.js';
import type { Endpoints } from '../../src/analysis/paths/endpoints.js';
import type { PathIndex } from '../../src/analysis/paths/projection.js';
import { bruteForcePaths, graphOf, randomModel, rawKey, type Shape } from './helpers.js';

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  agents: fc.integer({ min: 1, max: 6 }),
  tools: fc.integer({ min: 0, max: 4 }),
  credentials: fc.integer({ min: 0, max: 4 }),
  data: fc.integer({ min: 1, max: 4 }),
  density: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
});

const limits = (maxHops: number) => ({ maxHops, budget: 1_000_000, tieCap: 100_000 });
const outcome = () => ({ budgetHit: false, tiesCut: false });
/** The global ranking: backward from every target at once. */
const ranked = (index: PathIndex, ends: Endpoints, maxHops: number, o = outcome()) =>
  rankBackward(index, ends, [...Array(index.size).keys()].filter((v) => ends.isTarget[v]), layersFromSources(index, ends, maxHops), limits(maxHops), o);

describe('ranked paths equal the best found by brute-force enumeration', () => {
  it('globally, backward from every jewel at once', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 }), (seed, shape, maxHops, k) => {
        const index = buildPathIndex(graphOf(randomModel(seed, shape)));
        const ends = deriveEndpoints(index);
        const all = bruteForcePaths(index, ends, maxHops);
        const o = outcome();
        const got = take(ranked(index, ends, maxHops, o), k);
        expect(got.map(rawKey)).toEqual(all.slice(0, k).map(rawKey));
        expect(o).toEqual({ budgetHit: false, tiesCut: false });
      }),
      { numRuns: 300 },
    );
  });

  it('per crown jewel, backward from the jewel', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }), (seed, shape, maxHops, k) => {
        const index = buildPathIndex(graphOf(randomModel(seed, shape)));
        const ends = deriveEndpoints(index);
        const all = bruteForcePaths(index, ends, maxHops);
        const F = layersFromSources(index, ends, maxHops);
        for (const jewel of ends.jewels) {
          const e = index.graph.node(jewel.id)!.index;
          const starts = [e, index.tainted[e]!].filter((p) => p >= 0 && ends.isTarget[p]);
          const want = all.filter((p) => index.entity[p.nodes[p.nodes.length - 1]!] === e).slice(0, k);
          const got = take(rankBackward(index, ends, starts, F, limits(maxHops), outcome()), k);
          expect(got.map(rawKey)).toEqual(want.map(rawKey));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('between chosen nodes (--from / --to)', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, fc.integer({ min: 1, max: 5 }), fc.nat(), fc.nat(), (seed, shape, maxHops, x, y) => {
        const graph = graphOf(randomModel(seed, shape));
        const ids = graph.nodes.filter((n) => n.kind !== 'owner').map((n) => n.id);
        const from = ids[x % ids.length]!;
        const to = ids[y % ids.length]!;
        if (from === to) return;
        const index = buildPathIndex(graph);
        const ends = deriveEndpoints(index, { from: [from], to: [to] });
        const all = bruteForcePaths(index, ends, maxHops);
        const got = take(ranked(index, ends, maxHops), 5);
        expect(got.map(rawKey)).toEqual(all.slice(0, 5).map(rawKey));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps no loop, starts at an entry, ends at a jewel, stays within the hop bound', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, fc.integer({ min: 1, max: 6 }), (seed, shape, maxHops) => {
        const index = buildPathIndex(graphOf(randomModel(seed, shape)));
        const ends = deriveEndpoints(index);
        const got = take(ranked(index, ends, maxHops), 50);
        for (const p of got) {
          const entities = p.nodes.map((n) => index.entity[n]);
          expect(new Set(entities).size).toBe(entities.length);
          expect(ends.isSource[p.nodes[0]!]).toBe(1);
          expect(ends.isTarget[p.nodes[p.nodes.length - 1]!]).toBe(1);
          expect(p.edges.length).toBeGreaterThanOrEqual(1);
          expect(p.edges.length).toBeLessThanOrEqual(maxHops);
          p.edges.forEach((e, i) => {
            expect(index.edgeFrom[e]).toBe(p.nodes[i]);
            expect(index.edgeTo[e]).toBe(p.nodes[i + 1]);
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('folding near-duplicates', () => {
  const nearDuplicate = (a: RawPath, b: RawPath, steps: Uint8Array) => {
    if (a.nodes.length !== b.nodes.length) return false;
    if (a.edges.some((e, i) => steps[e] !== steps[b.edges[i]!])) return false;
    const diff = a.nodes.map((n, i) => (n === b.nodes[i] ? -1 : i)).filter((i) => i >= 0);
    return diff.length === 1 && diff[0]! > 0 && diff[0]! < a.nodes.length - 1;
  };

  it('keeps the best of each group, in rank order, and no two kept paths are near-duplicates', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, fc.integer({ min: 1, max: 10 }), (seed, shape, k) => {
        const index = buildPathIndex(graphOf(randomModel(seed, shape)));
        const ends = deriveEndpoints(index);
        const all = bruteForcePaths(index, ends, 4);
        const got = collectFolded(index, ranked(index, ends, 4), k, 1000);
        const order = new Map(all.map((p, i) => [rawKey(p), i]));
        const positions = got.groups.map((g) => order.get(rawKey(g.path))!);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        for (let i = 0; i < got.groups.length; i++)
          for (let j = 0; j < i; j++) expect(nearDuplicate(got.groups[i]!.path, got.groups[j]!.path, index.edgeStep)).toBe(false);
        expect(got.groups.reduce((n, g) => n + 1 + g.count, 0)).toBe(got.pulled);
        // Every raw path before the last kept one was either kept or folded into an earlier kept one.
        const last = positions[positions.length - 1] ?? -1;
        for (const p of all.slice(0, last + 1)) {
          const kept = got.groups.some((g) => rawKey(g.path) === rawKey(p));
          const folded = got.groups.some((g) => order.get(rawKey(g.path))! < order.get(rawKey(p))! && nearDuplicate(g.path, p, index.edgeStep));
          expect(kept || folded).toBe(true);
        }
        if (got.groups.length < k) expect(got.more).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
