import { round } from '../analysis/paths/explain.js';
import type { ModelGraph } from '../graph/graph.js';
import type { EntityDiff } from './entities.js';
import type { PathSide } from './paths.js';
import type { AddedPathT, BlastRadiusChangeT, RelationRefT } from './schema.js';
import type { RelationDiff } from './relations.js';
import { compareText } from '../util/compare.js';

type Why = BlastRadiusChangeT['why'][number];

function kindIn(id: string, a: ModelGraph, b: ModelGraph): string | undefined {
  return (b.node(id) ?? a.node(id))?.kind;
}

/** Agents that hold a credential (authenticate with it), on either side. */
function holders(id: string, a: ModelGraph, b: ModelGraph): string[] {
  const out = new Set<string>();
  for (const g of [a, b]) for (const e of g.inEdgesOf(id, 'authenticates_with')) if (g.nodes[e.source]!.kind === 'agent') out.add(e.from);
  return [...out];
}

/**
 * The agents the change touches, and why: the agent itself was added, removed or changed; a
 * relation from or to it changed; a credential it holds changed (itself or its relations); it
 * lies on a new path. For each, the crown jewels it reaches before and after (count and summed
 * impact, the blast radius of `steward paths`), most grown first.
 */
export function diffBlastRadius(
  before: PathSide,
  after: PathSide,
  entities: EntityDiff,
  relations: RelationDiff,
  added: readonly AddedPathT[],
): BlastRadiusChangeT[] {
  const a = before.graph;
  const b = after.graph;
  const why = new Map<string, Set<Why>>();
  const touch = (id: string, reason: Why) => {
    let set = why.get(id);
    if (!set) why.set(id, (set = new Set()));
    set.add(reason);
  };
  const credentials = new Set<string>();
  const note = (id: string, kind: string, reason: Why) => {
    if (kind === 'agent') touch(id, reason);
    else if (kind === 'credential') credentials.add(id);
  };
  for (const e of entities.added) note(e.id, e.kind, 'added');
  for (const e of entities.removed) note(e.id, e.kind, 'removed');
  for (const e of entities.changed) note(e.id, e.kind, 'changed');
  const ends = (r: Pick<RelationRefT, 'from' | 'to'>) => {
    for (const id of [r.from, r.to]) {
      const kind = kindIn(id, a, b);
      if (kind) note(id, kind, kind === 'agent' ? 'relations' : 'changed');
    }
  };
  for (const list of [relations.added, relations.removed, relations.changed]) for (const r of list) ends(r);
  for (const c of credentials) for (const agent of holders(c, a, b)) touch(agent, 'credential');
  for (const p of added) for (const id of p.nodes) if (kindIn(id, a, b) === 'agent') touch(id, 'new-path');

  const radius = (side: PathSide, id: string) => {
    const node = side.graph.node(id);
    if (!node || node.kind !== 'agent') return null;
    return { jewels: side.computation.jewelCount[node.index]!, score: round(side.computation.jewelScore[node.index]!) };
  };
  const ORDER: readonly Why[] = ['added', 'removed', 'changed', 'relations', 'credential', 'new-path'];
  const rows = [...why.keys()].map((id) => ({
    id,
    why: ORDER.filter((w) => why.get(id)!.has(w)),
    old: radius(before, id),
    new: radius(after, id),
  }));
  const delta = (r: BlastRadiusChangeT) => (r.new?.score ?? 0) - (r.old?.score ?? 0);
  return rows.sort((x, y) => delta(y) - delta(x) || compareText(x.id, y.id));
}
