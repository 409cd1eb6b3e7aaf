import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePaths } from '../../src/analysis/paths/analyze.js';
import { minimumCut } from '../../src/analysis/paths/cut.js';
import { deriveEndpoints } from '../../src/analysis/paths/endpoints.js';
import { buildPathIndex, type PathIndex } from '../../src/analysis/paths/projection.js';
import { reachFrom } from '../../src/analysis/paths/reach.js';
import { STEP_RULE } from '../../src/analysis/paths/traversal.js';
import type { Endpoints } from '../../src/analysis/paths/endpoints.js';
import type { RankedPath } from '../../src/analysis/paths/types.js';
import type { ModelGraph } from '../../src/graph/graph.js';
import { graphOf, randomModel, type Shape } from './helpers.js';

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  agents: fc.integer({ min: 1, max: 6 }),
  tools: fc.integer({ min: 0, max: 4 }),
  credentials: fc.integer({ min: 0, max: 4 }),
  data: fc.integer({ min: 1, max: 4 }),
  density: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
});

/** Checks a reported path against the model itself: each hop rides on a real relation, the right way round. */
function expectInModel(graph: ModelGraph, p: RankedPath, maxHops: number, entries: Set<string>, jewels: Set<string>): void {
  const ids = p.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(p.hops.length).toBeGreaterThanOrEqual(1);
  expect(p.hops.length).toBeLessThanOrEqual(maxHops);
  expect(entries.has(p.entry)).toBe(true);
  expect(jewels.has(p.jewel)).toBe(true);
  expect(ids[0]).toBe(p.entry);
  expect(ids[ids.length - 1]).toBe(p.jewel);
  for (const h of p.hops) {
    expect(h.from).toBe(ids[h.index]);
    expect(h.to).toBe(ids[h.index + 1]);
    const rule = STEP_RULE[h.step];
    for (const r of h.relations) {
      expect(r.kind).toBe(rule.relation);
      expect(r.reversed).toBe(rule.reversed);
      const [from, to] = rule.reversed ? [h.to, h.from] : [h.from, h.to];
      expect(graph.outEdgesOf(from, r.kind).some((e) => e.to === to)).toBe(true);
    }
    expect(h.likelihood).toBeGreaterThan(0);
    expect(h.likelihood).toBeLessThanOrEqual(h.baseLikelihood);
  }
  const product = p.hops.reduce((x, h) => x * h.likelihood, 1);
  expect(p.likelihood).toBeLessThanOrEqual(product + 1e-5);
}

/** Projection nodes reachable from the sources without the given steps and without the given nodes. */
function reachAvoiding(index: PathIndex, starts: number[], cut: Set<number>, avoid: Set<number>): Uint8Array {
  const seen = new Uint8Array(index.size);
  const queue = starts.filter((s) => !avoid.has(s));
  for (const s of queue) seen[s] = 1;
  while (queue.length) {
    const u = queue.pop()!;
    for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
      const v = index.edgeTo[k]!;
      if (cut.has(k) || avoid.has(v) || seen[v]) continue;
      seen[v] = 1;
      queue.push(v);
    }
  }
  return seen;
}

function separated(index: PathIndex, ends: Endpoints, cut: Set<number>, uncuttable: Set<number>): boolean {
  const sources: number[] = [];
  for (let v = 0; v < index.size; v++) if (ends.isSource[v] && !uncuttable.has(v)) sources.push(v);
  const seen = reachAvoiding(index, sources, cut, uncuttable);
  for (let v = 0; v < index.size; v++) if (seen[v] && ends.isTarget[v] && !uncuttable.has(v)) return false;
  return true;
}

describe('the path analysis of random models', () => {
  it('reports only paths that exist in the model, loop-free, entry to jewel, within the bound', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, fc.integer({ min: 1, max: 6 }), (seed, shape, maxHops) => {
        const graph = graphOf(randomModel(seed, shape));
        const { analysis } = computePaths(buildPathIndex(graph), { maxHops, top: 20, perJewel: 4 });
        const entries = new Set(analysis.entries.map((e) => e.id));
        const jewels = new Set(analysis.jewels.map((j) => j.id));
        for (const p of analysis.paths) expectInModel(graph, p, maxHops, entries, jewels);
        for (const list of analysis.byJewel) for (const p of list.paths) {
          expectInModel(graph, p, maxHops, entries, jewels);
          expect(p.jewel).toBe(list.jewel);
        }
        const risks = analysis.paths.map((p) => p.risk);
        for (let i = 1; i < risks.length; i++) expect(risks[i]!).toBeLessThanOrEqual(risks[i - 1]! + 1e-5);
      }),
      { numRuns: 200 },
    );
  });

  it('cuts every entry off from every jewel with its minimum cut, and no smaller set does', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, (seed, shape) => {
        const index = buildPathIndex(graphOf(randomModel(seed, shape)));
        const ends = deriveEndpoints(index);
        const cut = minimumCut(index, ends, 1e9);
        const uncuttable = new Set(cut.uncuttable);
        expect(cut.minimal).toBe(true);
        expect(separated(index, ends, new Set(cut.edges), uncuttable)).toBe(true);
        // The analysis passes reach sets from every source and target, the uncuttable ones
        // included: the cut is the same.
        const all = (flag: Uint8Array) => [...flag.keys()].filter((v) => flag[v]);
        const known = { fromSources: reachFrom(index, all(ends.isSource)), toTargets: reachFrom(index, all(ends.isTarget), true) };
        expect(minimumCut(index, ends, 1e9, known).edges).toEqual(cut.edges);
        // No smaller set of steps separates them (checked exhaustively when the candidates are few).
        const candidates: number[] = [];
        for (let e = 0; e < index.steps; e++) if (!uncuttable.has(index.edgeFrom[e]!) && !uncuttable.has(index.edgeTo[e]!)) candidates.push(e);
        if (cut.edges.length === 0 || candidates.length > 16) return;
        const size = cut.edges.length - 1;
        const choose = (start: number, left: number, chosen: number[]): boolean => {
          if (left === 0) return separated(index, ends, new Set(chosen), uncuttable);
          for (let i = start; i <= candidates.length - left; i++) if (choose(i + 1, left - 1, [...chosen, candidates[i]!])) return true;
          return false;
        };
        expect(choose(0, size, [])).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('counts blast radius and exposure as a plain search does', () => {
    fc.assert(
      fc.property(fc.integer(), shapeArb, (seed, shape) => {
        const graph = graphOf(randomModel(seed, shape));
        const index = buildPathIndex(graph);
        const c = computePaths(index, { listLimit: 1000, exposureEntries: 1000 });
        const { ends } = c;
        const reach = (start: number[], backward: boolean) => {
          const seen = new Uint8Array(index.size);
          const queue = [...start];
          for (const s of start) seen[s] = 1;
          while (queue.length) {
            const u = queue.pop()!;
            if (backward) {
              for (let k = index.inStart[u]!; k < index.inStart[u + 1]!; k++) {
                const v = index.edgeFrom[index.inEdge[k]!]!;
                if (!seen[v]) (seen[v] = 1), queue.push(v);
              }
            } else {
              for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
                const v = index.edgeTo[k]!;
                if (!seen[v]) (seen[v] = 1), queue.push(v);
              }
            }
          }
          return seen;
        };
        for (const node of graph.nodes) {
          if ((node.kind !== 'agent' && node.kind !== 'credential') || !index.active[node.index]) continue;
          const seen = reach([node.index], false);
          const jewels = new Set<number>();
          for (let v = 0; v < index.size; v++) if (seen[v] && ends.isTarget[v] && index.entity[v] !== node.index) jewels.add(index.entity[v]!);
          expect(c.jewelCount[node.index]).toBe(jewels.size);
          const listed = c.analysis.blastRadius.find((b) => b.id === node.id);
          if (jewels.size) {
            const entities = new Set<number>();
            for (let v = 0; v < index.size; v++) if (seen[v] && index.entity[v] !== node.index) entities.add(index.entity[v]!);
            expect(listed?.jewels).toBe(jewels.size);
            expect(listed?.reaches).toBe(entities.size);
            const byKind: Record<string, number> = {};
            for (const x of jewels) byKind[graph.nodes[x]!.kind] = (byKind[graph.nodes[x]!.kind] ?? 0) + 1;
            expect(listed?.jewelsByKind).toEqual(byKind);
            const order = [...jewels].map((x) => ends.jewelOf[x]!).sort((a, b) => ends.jewels[b]!.impact - ends.jewels[a]!.impact || a - b);
            expect(listed?.topJewels).toEqual(order.slice(0, 10).map((j) => ends.jewels[j]!.id));
          }
        }
        for (const x of c.analysis.exposure) {
          const e = graph.node(x.jewel)!.index;
          const nodes = [e, index.tainted[e]!].filter((p) => p >= 0 && ends.isTarget[p]);
          const seen = reach(nodes, true);
          const entries = new Set<string>();
          for (let v = 0; v < index.size; v++) if (seen[v] && ends.isSource[v] && index.entity[v] !== e) entries.add(graph.nodes[index.entity[v]!]!.id);
          expect(x.entries).toBe(entries.size);
          expect(x.sample).toEqual([...entries].sort());
        }
        const exposedCount = c.analysis.summary.exposedJewels;
        expect(c.analysis.exposure.length).toBe(exposedCount);
      }),
      { numRuns: 200 },
    );
  });
});
