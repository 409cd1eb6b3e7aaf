import type { PathComputation } from '../analysis/paths/analyze.js';
import type { PathAnalysis, RankedPath } from '../analysis/paths/types.js';
import type { ModelGraph } from '../graph/graph.js';
import type { AddedPathT, ControlLossT, EndpointT, LikelihoodChangeT, PathRefT } from './schema.js';
import { hasControl, type RelationIndex } from './relations.js';
import { RELATION_CONTROLS } from './schema.js';
import { compareText } from '../util/compare.js';

export interface PathDiff {
  added: AddedPathT[];
  removed: PathRefT[];
  moreLikely: LikelihoodChangeT[];
  lessLikely: LikelihoodChangeT[];
  lostControl: ControlLossT[];
  enteredRanking: string[];
  leftRanking: string[];
}

/** One side of the comparison: its graph, its default path computation and its relations. */
export interface PathSide {
  graph: ModelGraph;
  computation: PathComputation;
  relations: RelationIndex;
}

const EPSILON = 1e-9;

/** Every ranked path of an analysis (global ranking first, then per crown jewel), each once, by id. */
export function rankedPaths(analysis: PathAnalysis): Map<string, RankedPath> {
  const out = new Map<string, RankedPath>();
  for (const p of analysis.paths) if (!out.has(p.id)) out.set(p.id, p);
  for (const list of analysis.byJewel) for (const p of list.paths) if (!out.has(p.id)) out.set(p.id, p);
  return out;
}

export function pathRef(p: RankedPath): PathRefT {
  return {
    id: p.id,
    entry: p.entry,
    jewel: p.jewel,
    nodes: p.nodes.map((n) => n.id),
    steps: p.hops.map((h) => h.step),
    hops: p.hops.length,
    likelihood: p.likelihood,
    risk: p.risk,
    severity: p.severity,
    uncontrolledHops: p.uncontrolledHops,
  };
}

/** Most risky first, then by id: the order of every path list of the diff. */
function compareByRisk(a: PathRefT, b: PathRefT): number {
  return b.risk - a.risk || compareText(a.id, b.id);
}

/**
 * Whether a ranked path of one side is a route on the other: every entity on it is there and
 * active, its entry is still an entry and its crown jewel still a jewel, and every relation its
 * hops ride on is still written. Controls may differ: that changes how likely it is, not whether
 * it exists.
 */
function routeOn(side: PathSide): (p: RankedPath) => boolean {
  const { graph, computation, relations } = side;
  const { index, ends } = computation;
  return (p) => {
    for (const n of p.nodes) {
      const node = graph.node(n.id);
      if (!node || !index.active[node.index]) return false;
    }
    const entry = graph.node(p.entry)!;
    const jewel = graph.node(p.jewel)!;
    if (ends.entryOf[entry.index]! < 0 || ends.jewelOf[jewel.index]! < 0) return false;
    return p.hops.every((h) => h.relations.every((r) => relations.has(relations.key(r.from, r.kind, r.to))));
  };
}

/** Controls each hop of a path ranked on both sides had before and has no more. */
function hopLosses(before: RankedPath, after: RankedPath): ControlLossT['lostOn'] {
  return after.hops.flatMap((h, i) => {
    const was = before.hops[i];
    const lost = was ? was.controls.filter((c) => !h.controls.includes(c)) : [];
    return lost.length ? [{ index: i, from: h.from, to: h.to, step: h.step, lost: [...lost].sort() }] : [];
  });
}

/** Controls each hop of a path lost on the relations it rides on, when only the new side ranked it. */
function relationLosses(p: RankedPath, old: RelationIndex, now: RelationIndex): ControlLossT['lostOn'] {
  return p.hops.flatMap((h) => {
    const lost = new Set<string>();
    for (const r of h.relations) {
      const was = old.view(old.key(r.from, r.kind, r.to));
      const is = now.view(now.key(r.from, r.kind, r.to));
      if (!was || !is) continue;
      for (const c of RELATION_CONTROLS) if (hasControl(was.controls, c) && !hasControl(is.controls, c)) lost.add(c);
    }
    return lost.size ? [{ index: h.index, from: h.from, to: h.to, step: h.step, lost: [...lost].sort() }] : [];
  });
}

/**
 * Paths compared by identity (the node sequence, `RankedPath.id`) over the ranked lists of both
 * sides. A path ranked on one side only is a new or removed route when its route does not exist
 * on the other side, and otherwise one that entered or left the ranking because others moved.
 */
export function diffPaths(before: PathSide, after: PathSide): PathDiff {
  const old = rankedPaths(before.computation.analysis);
  const now = rankedPaths(after.computation.analysis);
  const onOld = routeOn(before);
  const onNew = routeOn(after);
  const out: PathDiff = { added: [], removed: [], moreLikely: [], lessLikely: [], lostControl: [], enteredRanking: [], leftRanking: [] };
  // Fewest hops of an old ranked route per entry and jewel: what a new route is shorter than.
  const shortestOld = new Map<string, RankedPath>();
  for (const p of old.values()) {
    const key = `${p.entry}>${p.jewel}`;
    const best = shortestOld.get(key);
    if (!best || p.hops.length < best.hops.length || (p.hops.length === best.hops.length && p.id < best.id)) shortestOld.set(key, p);
  }
  for (const [id, p] of now) {
    const was = old.get(id);
    if (was) {
      const ref = pathRef(p);
      if (p.likelihood > was.likelihood + EPSILON) out.moreLikely.push({ ...ref, oldLikelihood: was.likelihood, oldRisk: was.risk });
      else if (p.likelihood < was.likelihood - EPSILON) out.lessLikely.push({ ...ref, oldLikelihood: was.likelihood, oldRisk: was.risk });
      const lostOn = hopLosses(was, p);
      if (lostOn.length) out.lostControl.push({ ...ref, lostOn });
    } else if (onOld(p)) {
      out.enteredRanking.push(id);
      const lostOn = relationLosses(p, before.relations, after.relations);
      if (lostOn.length) out.lostControl.push({ ...pathRef(p), lostOn });
    } else {
      const shortest = shortestOld.get(`${p.entry}>${p.jewel}`);
      const shorter = shortest && shortest.hops.length > p.hops.length ? { shorter: { oldHops: shortest.hops.length, oldPath: shortest.id } } : {};
      out.added.push({ ...pathRef(p), ...shorter });
    }
  }
  for (const [id, p] of old) {
    if (now.has(id)) continue;
    if (onNew(p)) out.leftRanking.push(id);
    else out.removed.push(pathRef(p));
  }
  for (const list of [out.added, out.removed, out.moreLikely, out.lessLikely, out.lostControl] as PathRefT[][]) list.sort(compareByRisk);
  out.enteredRanking.sort();
  out.leftRanking.sort();
  return out;
}

export interface EndpointDiff {
  newEntries: EndpointT[];
  removedEntries: EndpointT[];
  newJewels: EndpointT[];
  removedJewels: EndpointT[];
}

/** Entry points and crown jewels present on one side only, by id. */
export function diffEndpoints(before: PathAnalysis, after: PathAnalysis): EndpointDiff {
  const only = (xs: readonly { id: string; kind: EndpointT['kind']; detail: string[] }[], ys: readonly { id: string }[]) => {
    const other = new Set(ys.map((y) => y.id));
    return xs
      .filter((x) => !other.has(x.id))
      .map((x) => ({ id: x.id, kind: x.kind, detail: [...x.detail] }))
      .sort((a, b) => compareText(a.id, b.id));
  };
  return {
    newEntries: only(after.entries, before.entries),
    removedEntries: only(before.entries, after.entries),
    newJewels: only(after.jewels, before.jewels),
    removedJewels: only(before.jewels, after.jewels),
  };
}
