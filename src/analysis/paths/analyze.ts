import type { ModelGraph } from '../../graph/graph.js';
import { perGraph } from '../../graph/per-node.js';
import { scoreChokepoints } from './chokepoints.js';
import { BlastSummaries } from './blast.js';
import { minimumCut } from './cut.js';
import { deriveEndpoints, type EndpointSelection, type Endpoints } from './endpoints.js';
import { Explainer, hopRelation, round, stepText } from './explain.js';
import { collectFolded, type Collected } from './fold.js';
import { MAX_HOPS, UNREACHED, layersFromSources, unboundedFromSources, type Layers } from './potentials.js';
import { buildPathIndex, relationsOfStep, stateOf, type PathIndex } from './projection.js';
import { propagate } from './propagate.js';
import { condense, popcount, reachFrom, type Condensation } from './reach.js';
import { rankBackward, type SearchLimits, type SearchOutcome } from './search.js';
import { STEPS, costLikelihood } from './traversal.js';
import { NODE_KINDS } from '../../model/schema.js';
import {
  PATHS_FORMAT,
  type BlastRadius,
  type CutHop,
  type JewelExposure,
  type JewelPaths,
  type PathAnalysis,
  type PathSettings,
  type RankedPath,
  type Truncation,
} from './types.js';

export interface PathOptions {
  /** Longest path, in hops (default 8). */
  maxHops?: number | undefined;
  /** Paths in the global ranking (default 10). */
  top?: number | undefined;
  /** Paths per crown jewel (default 3). */
  perJewel?: number;
  /** Crown jewels that get their own ranking: those with the most risky routes first (default 25). */
  jewelLists?: number;
  /** Rows of blast radius, exposure and chokepoints (default 20). */
  listLimit?: number;
  /** Hops of the minimum cut listed (default 50; the size is always given). */
  cutLimit?: number;
  /** Entries named per exposed jewel (default 10; the count is always given). */
  exposureEntries?: number;
  /** Start paths here instead of at the derived entry points. */
  from?: readonly string[] | undefined;
  /** End paths here instead of at the derived crown jewels. */
  to?: readonly string[] | undefined;
  /** Called as each stage ends, with its name: lets a benchmark time and weigh the stages. */
  onStage?: ((stage: string) => void) | undefined;
}

export const PATH_DEFAULTS = {
  maxHops: 8,
  top: 10,
  perJewel: 3,
  jewelLists: 25,
  listLimit: 20,
  cutLimit: 50,
  exposureEntries: 10,
} as const;

/** Deterministic work budgets (the core never reads a clock). */
export const BUDGETS = {
  /** Heap pops of the global ranking. */
  globalSearch: 2_000_000,
  /** Heap pops of each per-jewel ranking. */
  jewelSearch: 200_000,
  /** Equal-cost paths sorted canonically at once. */
  ties: 20_000,
  /** Raw paths pulled per requested (folded) path. */
  pullFactor: 20,
  /** Relaxation rounds of the check for routes longer than the hop bound. */
  unboundedRounds: 64,
  /** Edge visits of the maximum flow. */
  flow: 200_000_000,
} as const;

/**
 * What the path rules need, and the whole analysis builds on: the endpoints, who is reached from
 * an entry, who reaches a crown jewel, and each agent's and credential's blast radius as counts.
 * Linear in the projection; the rankings, exposure and chokepoints are left to `computePaths`.
 */
export interface PathFacts {
  index: PathIndex;
  ends: Endpoints;
  /** Projection nodes that are sources and targets, ascending. */
  sources: number[];
  targets: number[];
  /** Per projection node: reached from some source; and reaching some target. */
  reachedNodes: Uint8Array;
  towardJewel: Uint8Array;
  /** Per entity: reached from some entry by any number of steps (entries included). */
  reached: Uint8Array;
  /** Per entity: reaches some crown jewel from its control state. */
  reachesJewel: Uint8Array;
  cond: Condensation;
  /** Active agents and credentials, ascending. */
  candidates: number[];
  /** Per entity (agents and credentials): crown jewels it reaches (itself excluded) and their impact. */
  jewelCount: Int32Array;
  jewelScore: Float64Array;
}

/** Everything the analysis computed: the public result plus what path rules need. */
export interface PathComputation extends PathFacts {
  analysis: PathAnalysis;
  /** Bounds from the entries, per projection node and hop layer. */
  fromEntries: Layers;
}

export function settingsOf(options: PathOptions): PathSettings {
  const int = (v: number | undefined, d: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    if (v === undefined) return d;
    if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`expected a whole number from ${min} to ${max}, got ${v}`);
    return v;
  };
  return {
    maxHops: int(options.maxHops, PATH_DEFAULTS.maxHops, 1, MAX_HOPS),
    top: int(options.top, PATH_DEFAULTS.top, 1),
    perJewel: int(options.perJewel, PATH_DEFAULTS.perJewel, 0),
    jewelLists: int(options.jewelLists, PATH_DEFAULTS.jewelLists, 0),
    listLimit: int(options.listLimit, PATH_DEFAULTS.listLimit, 0),
    cutLimit: int(options.cutLimit, PATH_DEFAULTS.cutLimit, 0),
    exposureEntries: int(options.exposureEntries, PATH_DEFAULTS.exposureEntries, 0),
    from: options.from?.length ? [...options.from] : null,
    to: options.to?.length ? [...options.to] : null,
  };
}

function selection(settings: PathSettings): EndpointSelection {
  return { from: settings.from ?? undefined, to: settings.to ?? undefined };
}

/** Runs the whole path analysis over a projection. */
export function computePaths(index: PathIndex, options: PathOptions = {}): PathComputation {
  const g = index.graph;
  const settings = settingsOf(options);
  const cached = isDefault(options) ? factsCache.get(index) : undefined;
  const ends = cached?.ends ?? deriveEndpoints(index, selection(settings));
  const truncated: Truncation[] = [];
  const N = index.size;
  const D = settings.maxHops;
  const explainer = new Explainer(index, ends);

  const stage = options.onStage ?? (() => undefined);
  stage('endpoints');
  const facts = cached ?? computeFacts(index, ends, stage);
  if (!cached && isDefault(options)) factsCache.set(index, facts);
  const { sources, targets, reachedNodes: reachedP, towardJewel, reached, cond, candidates, jewelCount, jewelScore } = facts;
  const F = layersFromSources(index, ends, D);

  stage('bounds');
  // Global ranking: backward from every jewel at once, with the same bound as the per-jewel ones.
  const globalOutcome: SearchOutcome = { budgetHit: false, tiesCut: false };
  const limits = (budget: number): SearchLimits => ({ maxHops: D, budget, tieCap: BUDGETS.ties });
  const global = collectFolded(index, rankBackward(index, ends, targets, F, limits(BUDGETS.globalSearch), globalOutcome), settings.top, settings.top * BUDGETS.pullFactor);
  const paths = global.groups.map((gr, i) => explainer.path(gr.path, i + 1, gr));
  noteRanking(truncated, 'paths', global, globalOutcome, settings.top, 'top');

  stage('global ranking');
  // Per-jewel rankings, for the jewels with the most likely routes.
  const J = ends.jewels.length;
  // The nodes a path may end at for each jewel: its plain node, and its tainted one for data.
  const jewelFirst = new Int32Array(J).fill(-1);
  const jewelSecond = new Int32Array(J).fill(-1);
  for (const t of targets) {
    const j = ends.jewelOf[index.entity[t]!]!;
    if (jewelFirst[j]! < 0) jewelFirst[j] = t;
    else jewelSecond[j] = t;
  }
  const jewelNodes = (j: number) => (jewelSecond[j]! >= 0 ? [jewelFirst[j]!, jewelSecond[j]!] : jewelFirst[j]! >= 0 ? [jewelFirst[j]!] : []);
  // Per jewel, over the nodes a path may end at: the bound of its best route, and of its risk.
  const bestFrom = new Float64Array(J).fill(Infinity);
  const bestRisk = new Float64Array(J).fill(Infinity);
  for (const t of targets) {
    if (ends.isSource[t]) continue;
    const c = F.cost[D * N + t]!;
    if (c === UNREACHED) continue;
    const j = ends.jewelOf[index.entity[t]!]!;
    if (c < bestFrom[j]!) bestFrom[j] = c;
    if (c + ends.targetCost[t]! < bestRisk[j]!) bestRisk[j] = c + ends.targetCost[t]!;
  }
  let routed = 0;
  for (let j = 0; j < J; j++) if (bestRisk[j]! < Infinity) routed++;
  const byJewel: JewelPaths[] = [];
  if (settings.perJewel > 0) {
    const listed = smallest(J, settings.jewelLists, (j) => bestRisk[j]! < Infinity, (a, b) => bestRisk[a]! - bestRisk[b]! || a - b);
    if (routed > listed.length) {
      truncated.push({
        cap: 'jewel-lists',
        limit: settings.jewelLists,
        scope: 'byJewel',
        message: `per-jewel rankings are given for the ${listed.length} crown jewels with the most risky routes, of ${routed} with a route within ${D} hops`,
      });
    }
    let cutLists = 0;
    for (const j of listed) {
      const outcome: SearchOutcome = { budgetHit: false, tiesCut: false };
      const got = collectFolded(
        index,
        rankBackward(index, ends, jewelNodes(j), F, limits(BUDGETS.jewelSearch), outcome),
        settings.perJewel,
        settings.perJewel * BUDGETS.pullFactor,
      );
      const jewel = ends.jewels[j]!.id;
      if (got.more) cutLists++;
      noteRanking(truncated, `paths:${jewel}`, got, outcome, settings.perJewel, null);
      byJewel.push({ jewel, paths: got.groups.map((gr, i) => explainer.path(gr.path, i + 1, gr)) });
    }
    if (cutLists) {
      truncated.push({
        cap: 'per-jewel',
        limit: settings.perJewel,
        scope: 'byJewel',
        message: `${cutLists} crown ${cutLists === 1 ? 'jewel has' : 'jewels have'} more ranked paths than the ${settings.perJewel} listed for each`,
      });
    }
  }

  stage('jewel rankings');
  // Did the hop bound hide a more likely route?
  const unbounded = unboundedFromSources(index, ends, F, BUDGETS.unboundedRounds);
  const bestUnbounded = new Float64Array(J).fill(Infinity);
  for (const t of targets) {
    const c = unbounded.cost[t]!;
    if (ends.isSource[t] || c === UNREACHED) continue;
    const j = ends.jewelOf[index.entity[t]!]!;
    if (c < bestUnbounded[j]!) bestUnbounded[j] = c;
  }
  let hidden = 0;
  for (let j = 0; j < J; j++) if (bestUnbounded[j]! < bestFrom[j]!) hidden++;
  if (hidden) {
    truncated.push({
      cap: 'max-hops',
      limit: D,
      scope: 'paths',
      message: `${hidden} crown ${hidden === 1 ? 'jewel has' : 'jewels have'} a more likely route longer than ${D} hops (raise --max-hops to rank ${hidden === 1 ? 'it' : 'them'})`,
    });
  }
  if (!unbounded.converged) {
    truncated.push({
      cap: 'max-hops',
      limit: BUDGETS.unboundedRounds,
      scope: 'paths',
      message: `the check for routes longer than ${D} hops stopped after ${BUDGETS.unboundedRounds} rounds; longer routes may be missed`,
    });
  }

  stage('hop-bound check');
  // Blast radius (down) and exposure (up), over the condensation.
  const blastRadius = listBlastRadius(index, ends, cond, candidates, jewelCount, jewelScore, settings, truncated);

  stage('blast radius: listing');
  const entryItem = new Int32Array(N).fill(-1);
  for (const s of sources) entryItem[s] = ends.entryOf[index.entity[s]!]!;
  const { exposureCount, sampleOf } = exposureOf(index, ends, cond, entryItem, jewelFirst, jewelSecond, settings.exposureEntries);
  let exposedCount = 0;
  for (let j = 0; j < J; j++) if (exposureCount[j]! > 0) exposedCount++;
  const mostExposed = smallest(
    J,
    settings.listLimit,
    (j) => exposureCount[j]! > 0,
    (a, b) => exposureCount[b]! - exposureCount[a]! || ends.jewels[b]!.impact - ends.jewels[a]!.impact || a - b,
  );
  const exposure: JewelExposure[] = mostExposed.map((j) => ({
    jewel: ends.jewels[j]!.id,
    impact: ends.jewels[j]!.impact,
    entries: exposureCount[j]!,
    sample: sampleOf(j).map((e) => ends.entries[e]!.id),
    likelihoodBound: bestFrom[j]! < Infinity ? round(costLikelihood(bestFrom[j]!)) : 0,
  }));
  if (exposedCount > exposure.length) {
    truncated.push({ cap: 'list-limit', limit: settings.listLimit, scope: 'exposure', message: `exposure is listed for the ${exposure.length} most exposed of ${exposedCount} exposed crown jewels` });
  }
  const partial = exposure.filter((x) => x.entries > x.sample.length).length;
  if (partial) {
    truncated.push({
      cap: 'exposure-entries',
      limit: settings.exposureEntries,
      scope: 'exposure',
      message: `${partial} listed crown ${partial === 1 ? 'jewel is' : 'jewels are'} reached by more entries than the ${settings.exposureEntries} named (the count is complete)`,
    });
  }

  stage('exposure');
  // Chokepoints: scores over every ranked path, and a minimum cut.
  const risky = [...paths, ...byJewel.flatMap((b) => b.paths)];
  const scores = scoreChokepoints(risky, (id) => g.node(id)!);
  const nodeChokes = scores.nodes.slice(0, settings.listLimit);
  const hopChokes = scores.hops.slice(0, settings.listLimit);
  if (scores.nodes.length > nodeChokes.length || scores.hops.length > hopChokes.length) {
    truncated.push({
      cap: 'list-limit',
      limit: settings.listLimit,
      scope: 'chokepoints',
      message: `chokepoints are listed for the top ${settings.listLimit} of ${scores.nodes.length} nodes and ${scores.hops.length} hops on ranked paths`,
    });
  }
  stage('chokepoint scores');
  const cut = minimumCut(index, ends, BUDGETS.flow, { fromSources: reachedP, toTargets: towardJewel });
  // Entity indices follow id order, so ordering by them orders by id; only listed hops are explained.
  const ent = index.entity;
  const cutEdges = cut.edges;
  const cutOrder = (x: number, y: number) => {
    const a = cutEdges[x]!;
    const b = cutEdges[y]!;
    return (
      ent[index.edgeFrom[a]!]! - ent[index.edgeFrom[b]!]! ||
      ent[index.edgeTo[a]!]! - ent[index.edgeTo[b]!]! ||
      index.edgeStep[a]! - index.edgeStep[b]! ||
      index.edgeTo[a]! - index.edgeTo[b]!
    );
  };
  const cutHops = smallest(cutEdges.length, settings.cutLimit, () => true, cutOrder).map((i) => cutHop(index, cutEdges[i]!));
  if (cutEdges.length > settings.cutLimit) {
    truncated.push({ cap: 'cut-limit', limit: settings.cutLimit, scope: 'chokepoints.cut', message: `the minimum cut has ${cutEdges.length} hops; the first ${settings.cutLimit} are listed` });
  }
  if (!cut.minimal) {
    truncated.push({
      cap: 'flow-budget',
      limit: BUDGETS.flow,
      scope: 'chokepoints.cut',
      message: 'the maximum-flow budget ran out: the cut given is valid but not proven minimal',
    });
  }

  stage('minimum cut');
  let reachable = 0;
  for (let e = 0; e < index.entities; e++) if (reached[e] && ends.entryOf[e]! < 0) reachable++;
  const analysis: PathAnalysis = {
    format: PATHS_FORMAT,
    settings,
    summary: {
      entities: index.entities,
      relations: g.size,
      steps: index.steps,
      entries: ends.entries.length,
      jewels: ends.jewels.length,
      exposedJewels: exposedCount,
      reachable,
      paths: paths.length,
    },
    entries: ends.entries,
    jewels: ends.jewels,
    paths,
    byJewel,
    blastRadius,
    exposure,
    chokepoints: {
      nodes: nodeChokes,
      hops: hopChokes,
      cut: {
        size: cutEdges.length,
        hops: cutHops,
        minimal: cut.minimal,
        uncuttable: [...new Set(cut.uncuttable.map((p) => g.nodes[index.entity[p]!]!.id))].sort(),
      },
    },
    truncated,
  };
  return { ...facts, analysis, fromEntries: F };
}

function computeFacts(index: PathIndex, ends: Endpoints, stage: (name: string) => void): PathFacts {
  const g = index.graph;
  const N = index.size;
  const sources: number[] = [];
  const targets: number[] = [];
  for (let v = 0; v < N; v++) {
    if (ends.isSource[v]) sources.push(v);
    if (ends.isTarget[v]) targets.push(v);
  }
  const reachedNodes = reachFrom(index, sources);
  const reached = new Uint8Array(index.entities);
  for (let v = 0; v < N; v++) if (reachedNodes[v]) reached[index.entity[v]!] = 1;
  const towardJewel = reachFrom(index, targets, true);
  const reachesJewel = new Uint8Array(index.entities);
  for (let e = 0; e < index.entities; e++) reachesJewel[e] = towardJewel[e]!;
  stage('reachability');

  const cond = condense(index);
  stage('condensation');
  const jewelItem = new Int32Array(N).fill(-1);
  for (const t of targets) jewelItem[t] = ends.jewelOf[index.entity[t]!]!;
  const impacts = Float64Array.from(ends.jewels, (j) => j.impact);
  const wanted = new Uint8Array(cond.count);
  const candidates: number[] = [];
  for (const node of g.nodes) {
    if ((node.kind === 'agent' || node.kind === 'credential') && index.active[node.index]) {
      wanted[cond.comp[node.index]!] = 1;
      candidates.push(node.index);
    }
  }
  stage('blast radius: candidates');
  const down = propagate(index, cond, jewelItem, impacts, 'down', wanted);
  stage('blast radius: sets');
  const jewelCount = new Int32Array(index.entities);
  const jewelScore = new Float64Array(index.entities);
  for (const e of candidates) {
    const c = cond.comp[e]!;
    let n = down.count[c]!;
    let s = down.score[c]!;
    if (ends.isTarget[e] && ends.jewelOf[e]! >= 0) {
      n--;
      s -= ends.jewels[ends.jewelOf[e]!]!.impact;
    }
    jewelCount[e] = n;
    jewelScore[e] = Math.max(0, s);
  }
  stage('blast radius: counts');
  return { index, ends, sources, targets, reachedNodes, towardJewel, reached, reachesJewel, cond, candidates, jewelCount, jewelScore };
}

/**
 * Entries reaching each jewel (itself excluded), counted. A jewel's set is the union over its
 * nodes' components; a component's count is computed once per chunk and shared by every jewel in
 * it (in a dense estate most of them share one). Each component also keeps its first few entries
 * by id, from which `sampleOf` names the entries of a listed jewel without per-jewel lists.
 */
function exposureOf(
  index: PathIndex,
  ends: Endpoints,
  cond: Condensation,
  entryItem: Int32Array,
  jewelFirst: Int32Array,
  jewelSecond: Int32Array,
  sampleSize: number,
): { exposureCount: Int32Array; sampleOf: (j: number) => number[] } {
  const J = ends.jewels.length;
  const exposureCount = new Int32Array(J);
  const compA = new Int32Array(J).fill(-1);
  const compB = new Int32Array(J).fill(-1);
  // Whether a step enters `node` from component `c`: then c's set is contained in node's.
  const fedBy = (node: number, c: number) => {
    for (let k = index.inStart[node]!; k < index.inStart[node + 1]!; k++) if (cond.comp[index.edgeFrom[index.inEdge[k]!]!] === c) return true;
    return false;
  };
  for (let j = 0; j < J; j++) {
    if (jewelFirst[j]! < 0) continue;
    compA[j] = cond.comp[jewelFirst[j]!]!;
    if (jewelSecond[j]! < 0) continue;
    const b = cond.comp[jewelSecond[j]!]!;
    if (b === compA[j] || fedBy(jewelFirst[j]!, b)) continue;
    if (fedBy(jewelSecond[j]!, compA[j]!)) compA[j] = b;
    else compB[j] = b;
  }
  const selfOf = (j: number) => (jewelFirst[j]! < 0 ? -1 : ends.entryOf[index.entity[jewelFirst[j]!]!]!);
  const stamp = new Int32Array(cond.count).fill(-1);
  const compCount = new Int32Array(cond.count);
  // Per component, the first entries (by id) of its set: one more than the sample, to spare self.
  const compFirst = new Map<number, number[]>();
  let chunk = 0;
  propagate(index, cond, entryItem, new Float64Array(ends.entries.length).fill(1), 'up', new Uint8Array(cond.count), (view) => {
    const row = new Uint32Array(view.words);
    const load = (c: number) => {
      row.fill(0);
      view.orInto(c, row);
    };
    // Components whose sets are the same share one list of first entries, made once per chunk.
    const firstOfSet = new Map<number, number[]>();
    const collect = (c: number, into: number[]): number[] => {
      load(c);
      for (let q = 0; q < view.words && into.length <= sampleSize; q++) {
        let word = row[q]!;
        while (word !== 0 && into.length <= sampleSize) {
          into.push(view.order[view.lo + q * 32 + (31 - Math.clz32(word & -word))]!);
          word &= word - 1;
        }
      }
      return into;
    };
    const countOf = (c: number): number => {
      if (stamp[c] === chunk) return compCount[c]!;
      stamp[c] = chunk;
      const n = (compCount[c] = view.count(c));
      if (!n) return n;
      const first = compFirst.get(c);
      if (!first) {
        const key = view.setKey(c);
        let list = firstOfSet.get(key);
        if (!list) firstOfSet.set(key, (list = collect(c, [])));
        compFirst.set(c, list);
      } else if (first.length <= sampleSize) {
        // An earlier chunk's list, perhaps shared: extended in a copy of its own.
        compFirst.set(c, collect(c, [...first]));
      }
      return n;
    };
    for (let j = 0; j < J; j++) {
      const a = compA[j]!;
      if (a < 0) continue;
      const b = compB[j]!;
      const self = selfOf(j);
      // Every entry weighs the same, so an entry's position in the chunk order is its own index.
      const selfHere = self >= view.lo && self < view.hi;
      let n: number;
      if (b < 0 || view.setKey(a) === view.setKey(b)) {
        n = countOf(a);
        if (b >= 0) countOf(b);
        if (selfHere && view.has(a, self)) n--;
      } else {
        countOf(a);
        countOf(b);
        load(a);
        view.orInto(b, row);
        n = 0;
        for (let q = 0; q < view.words; q++) n += popcount(row[q]!);
        if (selfHere && (view.has(a, self) || view.has(b, self))) n--;
      }
      exposureCount[j]! += n;
    }
    chunk++;
  });
  const sampleOf = (j: number): number[] => {
    const merged = new Set<number>();
    for (const c of [compA[j]!, compB[j]!]) if (c >= 0) for (const e of compFirst.get(c) ?? []) merged.add(e);
    const self = selfOf(j);
    return [...merged]
      .filter((e) => e !== self)
      .sort((x, y) => x - y)
      .slice(0, sampleSize);
  };
  return { exposureCount, sampleOf };
}

/**
 * The first `k` of 0..n-1 that pass `keep`, in `cmp` order, without sorting them all: a bounded
 * sorted buffer with binary insertion, O(n log k).
 */
function smallest(n: number, k: number, keep: (i: number) => boolean, cmp: (a: number, b: number) => number): number[] {
  const out: number[] = [];
  if (k <= 0) return out;
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    if (out.length === k && cmp(i, out[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(out[mid]!, i) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, i);
    if (out.length > k) out.pop();
  }
  return out;
}

function noteRanking(out: Truncation[], scope: string, got: Collected, outcome: SearchOutcome, k: number, moreCap: 'top' | null): void {
  if (moreCap && got.more && !got.capHit) {
    out.push({ cap: moreCap, limit: k, scope, message: `more paths exist than the ${k} ranked (raise --top to see them)` });
  }
  if (got.capHit) {
    out.push({
      cap: 'top',
      limit: k * BUDGETS.pullFactor,
      scope,
      message: `${got.pulled} ranked paths were folded into ${got.groups.length} distinct ones before the pull limit; later distinct paths are not listed`,
    });
  }
  if (outcome.budgetHit) {
    out.push({ cap: 'search-budget', limit: scope === 'paths' ? BUDGETS.globalSearch : BUDGETS.jewelSearch, scope, message: 'the search budget ran out: the ranking may be incomplete' });
  }
  if (outcome.tiesCut) {
    out.push({ cap: 'ties', limit: BUDGETS.ties, scope, message: `more than ${BUDGETS.ties} paths tie on one likelihood; their order among themselves is the search order, not by id` });
  }
}

function listBlastRadius(
  index: PathIndex,
  ends: Endpoints,
  cond: Condensation,
  candidates: readonly number[],
  jewelCount: Int32Array,
  jewelScore: Float64Array,
  settings: PathSettings,
  truncated: Truncation[],
): BlastRadius[] {
  const g = index.graph;
  let reaching = 0;
  for (const e of candidates) if (jewelCount[e]! > 0) reaching++;
  const listed = smallest(candidates.length, settings.listLimit, (i) => jewelCount[candidates[i]!]! > 0, (x, y) => {
    const a = candidates[x]!;
    const b = candidates[y]!;
    return jewelScore[b]! - jewelScore[a]! || jewelCount[b]! - jewelCount[a]! || a - b;
  }).map((i) => candidates[i]!);
  if (reaching > listed.length) {
    truncated.push({
      cap: 'list-limit',
      limit: settings.listLimit,
      scope: 'blastRadius',
      message: `blast radius is listed for the ${listed.length} widest of ${reaching} agents and credentials that reach a crown jewel`,
    });
  }
  const summaries = new BlastSummaries(index, ends, cond);
  return listed.map((e) => {
    const sum = summaries.of(e);
    const self = ends.jewelOf[e]!;
    // A node is in its own reach set, so it is among the entities counted, and a jewel reached.
    const selfReached = self >= 0 && ends.isTarget[e] === 1;
    const byKind: BlastRadius['jewelsByKind'] = {};
    NODE_KINDS.forEach((kind, k) => {
      const n = sum.byKind[k]! - (selfReached && index.facts.kind[e] === k ? 1 : 0);
      if (n > 0) byKind[kind] = n;
    });
    const node = g.nodes[e]!;
    return {
      id: node.id,
      kind: node.kind as 'agent' | 'credential',
      jewels: jewelCount[e]!,
      score: round(jewelScore[e]!),
      reaches: sum.reaches - 1,
      jewelsByKind: byKind,
      topJewels: sum.top
        .filter((j) => j !== self)
        .slice(0, 10)
        .map((j) => ends.jewels[j]!.id),
    };
  });
}

function cutHop(index: PathIndex, e: number): CutHop {
  const g = index.graph;
  const u = index.edgeFrom[e]!;
  const v = index.edgeTo[e]!;
  const step = STEPS[index.edgeStep[e]!]!;
  const from = g.nodes[index.entity[u]!]!.id;
  const to = g.nodes[index.entity[v]!]!.id;
  const kept = g.edges[index.edgeRelation[e]!]!;
  const all = relationsOfStep(index, u, v);
  return {
    from,
    to,
    step,
    fromState: stateOf(index, u),
    toState: stateOf(index, v),
    relations: (all.length ? all : [kept]).map((r) => hopRelation(step, r)),
    text: stepText(step, from, to, kept),
  };
}

/** The traversal projection of a graph, built once per graph. */
export const pathIndexFor: (graph: ModelGraph) => PathIndex = perGraph(buildPathIndex);

/**
 * The default facts of a projection, computed once and shared by every path rule and the default
 * analysis (`computePaths` reads and fills this cache too).
 */
const factsCache = new WeakMap<PathIndex, PathFacts>();

export function pathFactsFor(graph: ModelGraph): PathFacts {
  const index = pathIndexFor(graph);
  let facts = factsCache.get(index);
  if (!facts) {
    facts = computeFacts(index, deriveEndpoints(index, selection(settingsOf({}))), () => undefined);
    factsCache.set(index, facts);
  }
  return facts;
}

/** The default analysis of a graph, computed once. */
export const pathComputationFor: (graph: ModelGraph) => PathComputation = perGraph((graph) => computePaths(pathIndexFor(graph)));

function isDefault(options: PathOptions): boolean {
  return Object.values(options).every((value) => value === undefined);
}

/** Analyzes lateral-movement paths: entries, jewels, ranked paths, blast radius, exposure, chokepoints. */
export function analyzePaths(graph: ModelGraph, options: PathOptions = {}): PathAnalysis {
  return isDefault(options) ? pathComputationFor(graph).analysis : computePaths(pathIndexFor(graph), options).analysis;
}

export interface PathQuery {
  from?: readonly string[] | undefined;
  to?: readonly string[] | undefined;
  top?: number | undefined;
  maxHops?: number | undefined;
}

export interface PathQueryResult {
  paths: RankedPath[];
  truncated: Truncation[];
}

/**
 * One ranked query (e.g. from one agent to one store) over the shared projection, without the
 * whole-estate answers: one hop-layered bound and one best-first search.
 */
export function queryPaths(graph: ModelGraph, query: PathQuery): PathQueryResult {
  const index = pathIndexFor(graph);
  const settings = settingsOf({ top: query.top, maxHops: query.maxHops, from: query.from, to: query.to });
  const ends = deriveEndpoints(index, selection(settings));
  const F = layersFromSources(index, ends, settings.maxHops);
  const targets: number[] = [];
  for (let v = 0; v < index.size; v++) if (ends.isTarget[v]) targets.push(v);
  const outcome: SearchOutcome = { budgetHit: false, tiesCut: false };
  const got = collectFolded(
    index,
    rankBackward(index, ends, targets, F, { maxHops: settings.maxHops, budget: BUDGETS.globalSearch, tieCap: BUDGETS.ties }, outcome),
    settings.top,
    settings.top * BUDGETS.pullFactor,
  );
  const truncated: Truncation[] = [];
  noteRanking(truncated, 'paths', got, outcome, settings.top, 'top');
  const explainer = new Explainer(index, ends);
  return { paths: got.groups.map((gr, i) => explainer.path(gr.path, i + 1, gr)), truncated };
}
