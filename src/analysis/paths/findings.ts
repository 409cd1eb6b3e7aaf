import type { GraphNode, ModelGraph } from '../../graph/graph.js';
import { isActiveOwner, teamOf } from '../../graph/query.js';
import type { PathFacts } from './analyze.js';
import type { PathIndex } from './projection.js';
import { KIND_CODE, STEPS } from './traversal.js';
import type { StepKind } from './types.js';

/**
 * What the path rules ask of a path computation, computed once per computation and cached:
 * uncontrolled ownership crossings on the way to restricted data, credential bridges between
 * holders, and each agent's own authority (what it reaches without another agent's help). All are
 * linear in the projection, or bounded walks, so that they stay fast on very large estates.
 */

const CODE: Readonly<Record<StepKind, number>> = Object.fromEntries(STEPS.map((s, i) => [s, i])) as Record<StepKind, number>;

/** Per entity: the teams accountable for it (active business owners and operators; data owners for data). */
export interface Accountability {
  /** Per entity, its one team's number; NO_TEAM or SEVERAL_TEAMS otherwise. */
  single: Int32Array;
  /** The team numbers of each entity that has several. */
  several: Map<number, number[]>;
  /** Team ids by number. */
  names: string[];
}

const NO_TEAM = -1;
const SEVERAL_TEAMS = -2;

export function accountableTeams(g: ModelGraph): Accountability {
  const single = new Int32Array(g.order).fill(NO_TEAM);
  const several = new Map<number, number[]>();
  const teamIndex = new Map<string, number>();
  const names: string[] = [];
  const numberOf = (owner: GraphNode<'owner'>) => {
    const team = teamOf(g, owner).id;
    let t = teamIndex.get(team);
    if (t === undefined) {
      teamIndex.set(team, (t = names.length));
      names.push(team);
    }
    return t;
  };
  // Only owners own: their rows, in id order, give the owns relations in graph order.
  for (const owner of g.nodesOf('owner')) {
    if (!isActiveOwner(owner)) continue;
    let t: number | undefined;
    for (const e of g.outEdgesOf(owner, 'owns')) {
      const role = e.attrs.role;
      const x = e.target;
      if (role !== 'business' && role !== 'operator' && !(role === 'data' && g.nodes[x]!.kind === 'data')) continue;
      t ??= numberOf(owner);
      const s = single[x]!;
      if (s === NO_TEAM) single[x] = t;
      else if (s >= 0 && s !== t) {
        several.set(x, [s, t]);
        single[x] = SEVERAL_TEAMS;
      } else if (s === SEVERAL_TEAMS) {
        const list = several.get(x)!;
        if (!list.includes(t)) list.push(t);
      }
    }
  }
  return { single, several, names };
}

/** The team numbers of an entity, in the order they were found. */
export function teamsAt(acc: Accountability, x: number): readonly number[] {
  const s = acc.single[x]!;
  return s >= 0 ? [s] : s === NO_TEAM ? [] : acc.several.get(x)!;
}

/** The accountable teams of the two ends share none (and are not both unowned). */
export function crossesOwnership(acc: Accountability, a: number, b: number): boolean {
  // Most entities have one team or none: decided without reading the lists.
  const sa = acc.single[a]!;
  const sb = acc.single[b]!;
  if (sa >= 0 && sb >= 0) return sa !== sb;
  if (sa === NO_TEAM || sb === NO_TEAM) return sa !== sb;
  const ta = teamsAt(acc, a);
  const tb = teamsAt(acc, b);
  for (let i = 0; i < ta.length; i++) for (let j = 0; j < tb.length; j++) if (ta[i] === tb[j]) return false;
  return true;
}

/** A route to restricted data through an uncontrolled hop across an ownership boundary. */
export interface UncontrolledRoute {
  /** The restricted data store (entity index). */
  data: number;
  /** The entry the route starts from (entity index). */
  entry: number;
  /** The projection edge that crosses the boundary with no gating control. */
  crossing: number;
}

const cache = new WeakMap<PathFacts, Map<string, unknown>>();

function memo<T>(c: PathFacts, key: string, make: () => T): T {
  let m = cache.get(c);
  if (!m) cache.set(c, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

export function teamsOf(c: PathFacts): Accountability {
  return memo(c, 'teams', () => accountableTeams(c.index.graph));
}

/** Seeds of a labelled search: node `node[i]` carries label `label[i]`, for i below `count`. */
interface Seeds {
  node: Int32Array;
  label: Int32Array;
  count: number;
}

function seedsOf(capacity: number): Seeds {
  return { node: new Int32Array(capacity), label: new Int32Array(capacity), count: 0 };
}

function addSeed(seeds: Seeds, node: number, label: number): void {
  seeds.node[seeds.count] = node;
  seeds.label[seeds.count++] = label;
}

/** Breadth-first search that labels each reached node with the label of the seed that reached it first. */
function labelledReach(index: PathIndex, seeds: Seeds): Int32Array {
  const label = new Int32Array(index.size).fill(-1);
  const queue = new Int32Array(index.size);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < seeds.count; i++) {
    const s = seeds.node[i]!;
    if (label[s] !== -1) continue;
    label[s] = seeds.label[i]!;
    queue[tail++] = s;
  }
  while (head < tail) {
    const u = queue[head++]!;
    for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
      const v = index.edgeTo[k]!;
      if (label[v] !== -1) continue;
      label[v] = label[u]!;
      queue[tail++] = v;
    }
  }
  return label;
}

/**
 * Restricted data reached from an entry through at least one hop that crosses an ownership
 * boundary with no gating control (approval, policy check, on-behalf-of, write validation). Walks,
 * not simple paths: linear time, and a walk through such a hop always contains a path through it
 * or through another one.
 */
export function uncontrolledRoutes(c: PathFacts): UncontrolledRoute[] {
  return memo(c, 'uncontrolled', () => {
    const { index, ends } = c;
    const g = index.graph;
    const accountability = teamsOf(c);
    const seeds = seedsOf(index.size);
    for (let v = 0; v < index.size; v++) if (ends.isSource[v]) addSeed(seeds, v, index.entity[v]!);
    const entryOf = labelledReach(index, seeds);
    const crossings = seedsOf(index.steps);
    for (let k = 0; k < index.steps; k++) {
      const u = index.edgeFrom[k]!;
      if (entryOf[u] === -1) continue;
      const v = index.edgeTo[k]!;
      if (ends.isSource[v] || !crossesOwnership(accountability, index.entity[u]!, index.entity[v]!)) continue;
      if (index.edgeGated[k]) continue;
      addSeed(crossings, v, k);
    }
    const via = labelledReach(index, crossings);
    const out: UncontrolledRoute[] = [];
    for (const node of g.nodesOf('data')) {
      if (node.spec.classification !== 'restricted' || !index.active[node.index]) continue;
      const t = index.tainted[node.index]!;
      const k = via[node.index] !== -1 ? via[node.index]! : t >= 0 ? via[t]! : -1;
      if (k < 0) continue;
      out.push({ data: node.index, entry: entryOf[index.edgeFrom[k]!]!, crossing: k });
    }
    return out;
  });
}

interface AuthorityCache {
  /** Per projection node: its authority once computed (agents, tools, credentials). */
  sets: (Int32Array | undefined)[];
  /** Membership stamps of the comparisons, per projection node. */
  member: Int32Array;
  compare: number;
  /** The node whose authority `member` holds under the current stamp, or -1. */
  marked: number;
  /** Stamps of the items already taken into the set being built. */
  taken: Int32Array;
  building: number;
}

let lastAuthority: WeakRef<{ facts: PathFacts; cache: AuthorityCache }> | undefined;

function authorityCache(c: PathFacts): AuthorityCache {
  // Rules ask for one computation's authorities hundreds of thousands of times in a row: the
  // last cache is kept at hand (weakly, so that it does not keep its graph alive).
  const last = lastAuthority?.deref();
  if (last?.facts === c) return last.cache;
  const size = c.index.size;
  const cache = memo(c, 'authority', () => ({
    sets: new Array<Int32Array | undefined>(size),
    member: new Int32Array(size),
    compare: 0,
    marked: -1,
    taken: new Int32Array(size),
    building: 0,
  }));
  lastAuthority = new WeakRef({ facts: c, cache });
  return cache;
}

/**
 * The items of a node's own and its parts' sets, once each, sorted. Parts overlap a great deal
 * (an agent's tools use the same credentials): duplicates are dropped by stamps as they come, so
 * that only the distinct items are sorted.
 */
function union(cache: AuthorityCache, direct: readonly number[], parts: readonly Int32Array[]): Int32Array {
  // One memoized set alone (an agent with a single tool, a tool with one credential): share it.
  const nonEmpty = parts.filter((p) => p.length);
  if (!direct.length && nonEmpty.length === 1) return nonEmpty[0]!;
  const stamp = ++cache.building;
  const { taken } = cache;
  const items: number[] = [];
  const take = (x: number) => {
    if (taken[x] === stamp) return;
    taken[x] = stamp;
    items.push(x);
  };
  for (const x of direct) take(x);
  for (const p of nonEmpty) for (let j = 0; j < p.length; j++) take(p[j]!);
  return Int32Array.from(items).sort();
}

/**
 * The crown-jewel projection nodes a node reaches on its own authority, built from memoized
 * parts so that each row of the projection is read once:
 * - a credential: itself when a jewel, what it grants, and what a credential it can assume is and
 *   grants (one exchange);
 * - a tool: itself when a jewel, what it reads and writes, and the authority of the credentials
 *   it uses;
 * - an agent: what it reads and writes, the authority of its tools and of its credentials.
 * Not through other agents (delegation, impersonation, poisoned content). Reading a store and
 * writing it are told apart (the plain and the tainted node). Sorted.
 */
function authorityOf(c: PathFacts, node: number): Int32Array {
  const cache = authorityCache(c);
  const got = cache.sets[node];
  if (got) return got;
  const { index, ends } = c;
  const { outStart, edgeTo, edgeStep } = index;
  const kind = index.facts.kind[index.entity[node]!];
  const direct: number[] = [];
  const parts: Int32Array[] = [];
  if (kind === KIND_CODE.credential) {
    if (ends.isTarget[node]) direct.push(node);
    for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
      const v = edgeTo[k]!;
      if (edgeStep[k] === CODE.grant) {
        if (ends.isTarget[v]) direct.push(v);
      } else if (edgeStep[k] === CODE.assume) {
        if (ends.isTarget[v]) direct.push(v);
        for (let j = outStart[v]!; j < outStart[v + 1]!; j++) if (edgeStep[j] === CODE.grant && ends.isTarget[edgeTo[j]!]) direct.push(edgeTo[j]!);
      }
    }
  } else if (kind === KIND_CODE.tool || kind === KIND_CODE.agent) {
    if (kind === KIND_CODE.tool && ends.isTarget[node]) direct.push(node);
    for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
      const step = edgeStep[k]!;
      const v = edgeTo[k]!;
      if (step === CODE.read || step === CODE.write) {
        if (ends.isTarget[v]) direct.push(v);
      } else if (step === CODE['use-credential'] || (step === CODE.invoke && kind === KIND_CODE.agent)) {
        parts.push(authorityOf(c, v));
      }
    }
  }
  const set = union(cache, direct, parts);
  cache.sets[node] = set;
  return set;
}

/** Crown-jewel nodes in `b`'s authority that are not in `a`'s, ascending. */
export function extraAuthority(c: PathFacts, a: number, b: number): number[] {
  const cache = authorityCache(c);
  const theirs = authorityOf(c, b);
  const stamp = markAuthority(c, cache, a);
  const out: number[] = [];
  for (let i = 0; i < theirs.length; i++) if (cache.member[theirs[i]!] !== stamp) out.push(theirs[i]!);
  return out;
}

/** How many items of an extra authority a message names; the rest are counted. */
export const NAMED_AUTHORITY = 3;

/**
 * The first items of an extra authority in words, for a finding's message: each entity quoted,
 * a write marked, then how many more (`"db" (write), "vault" and 4 more`).
 */
export function describeAuthority(c: PathFacts, extra: readonly number[]): string {
  const { index } = c;
  const named = extra.slice(0, NAMED_AUTHORITY).map((x) => `"${index.graph.nodes[index.entity[x]!]!.id}"${x >= index.entities ? ' (write)' : ''}`);
  return `${named.join(', ')}${extra.length > NAMED_AUTHORITY ? ` and ${extra.length - NAMED_AUTHORITY} more` : ''}`;
}

/** Whether some item of an authority lies in a crown jewel of the highest impact. */
export function reachesTopJewel(c: PathFacts, authority: readonly number[]): boolean {
  const { index, ends } = c;
  return authority.some((x) => ends.jewels[ends.jewelOf[index.entity[x]!]!]!.impact >= 1);
}

/** Whether `b` reaches, on its own authority, some crown-jewel node that `a` does not. */
export function hasExtraAuthority(c: PathFacts, a: number, b: number): boolean {
  const cache = authorityCache(c);
  const theirs = authorityOf(c, b);
  if (!theirs.length) return false;
  const stamp = markAuthority(c, cache, a);
  for (let i = 0; i < theirs.length; i++) if (cache.member[theirs[i]!] !== stamp) return true;
  return false;
}

/**
 * Stamps `a`'s authority into the membership array and returns the stamp. Rules compare one node
 * against many in a row (a caller's delegations, a writer against each reader): the marks of the
 * last node are kept and reused.
 */
function markAuthority(c: PathFacts, cache: AuthorityCache, a: number): number {
  if (cache.marked === a) return cache.compare;
  const mine = authorityOf(c, a);
  const stamp = ++cache.compare;
  for (let i = 0; i < mine.length; i++) cache.member[mine[i]!] = stamp;
  cache.marked = a;
  return stamp;
}

/** How far an agent is from the outside: 0 an entry, 1 reached from an entry, 2 neither. */
export function exposureLevel(c: PathFacts, entity: number): number {
  if (c.ends.entryOf[entity]! >= 0) return 0;
  return c.reached[entity] ? 1 : 2;
}

export const EXPOSURE_WORDS = ['an entry point', 'reachable from an entry point', 'not reachable from any entry point'] as const;
