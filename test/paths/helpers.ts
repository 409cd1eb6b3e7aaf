import { buildGraph, type ModelGraph } from '../../src/graph/graph.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { loadModel } from '../../src/model/load.js';
import type { AgentSpec, CredentialSpec, DataSpec, ModelFileSpec, ToolSpec } from '../../src/model/schema.js';
import type { Endpoints } from '../../src/analysis/paths/endpoints.js';
import type { PathIndex } from '../../src/analysis/paths/projection.js';
import { comparePaths, type RawPath } from '../../src/analysis/paths/search.js';

export function graphOf(model: ModelFileSpec): ModelGraph {
  const result = loadModel([{ file: 'model.json', content: JSON.stringify(model), format: 'json' }], { maxFileBytes: 1 << 30 });
  if (!result.ok) throw new Error(`invalid model:\n${result.diagnostics.slice(0, 5).map(formatDiagnostic).join('\n')}`);
  return buildGraph(result.model);
}

import { prng } from '../../bench/synthetic.js';

export { prng };

export interface Shape {
  agents: number;
  tools: number;
  credentials: number;
  data: number;
  /** Chance of each possible relation. */
  density: number;
}

/**
 * A small random model that exercises every step of the traversal table: delegations (some
 * with on-behalf-of or approval), sub-agents, tools with credentials and data, shared and
 * assumable credentials, memory stores with readers and writers, two teams, entries and jewels of
 * every kind, and the odd retired agent or revoked credential.
 */
export function randomModel(seed: number, shape: Shape): ModelFileSpec {
  const rnd = prng(seed);
  const chance = (p: number) => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = (ids: readonly string[], exclude?: string) => ids.filter((id) => id !== exclude && chance(shape.density));
  const A = Array.from({ length: shape.agents }, (_, i) => `a${i}`);
  const T = Array.from({ length: shape.tools }, (_, i) => `t${i}`);
  const C = Array.from({ length: shape.credentials }, (_, i) => `c${i}`);
  const D = Array.from({ length: shape.data }, (_, i) => `d${i}`);
  const teams = ['red', 'blue'];
  const ctl = () => {
    const r = rnd();
    return r < 0.15 ? { on_behalf_of: true } : r < 0.25 ? { approval: true } : r < 0.32 ? { policy_check: true } : r < 0.38 ? { auth: 'mtls' as const } : {};
  };
  const agents: AgentSpec[] = A.map((id, i) => {
    const a: AgentSpec = { id, owners: { business: pick(teams) } };
    if (chance(0.3)) a.exposure = 'external';
    if (chance(0.15)) a.inputs = [pick(['web', 'email', 'operator-prompt'] as const)];
    if (chance(0.08)) a.lifecycle = 'retired';
    if (chance(0.08)) a.entry = true;
    if (chance(0.05)) a.target = true;
    if (i > 0 && chance(0.25)) a.parent = A[Math.floor(rnd() * i)]!;
    const tools = some(T);
    if (tools.length) a.tools = tools.map((t) => ({ tool: t, ...ctl() }));
    const del = some(A, id);
    if (del.length) a.delegates_to = del.map((d) => ({ agent: d, ...ctl() }));
    const reads = some(D);
    if (reads.length) a.reads = reads;
    const writes = some(D);
    if (writes.length) a.writes = writes.map((d) => ({ data: d, ...ctl() }));
    const creds = some(C);
    if (creds.length) a.credentials = creds.map((c) => ({ credential: c, ...ctl() }));
    return a;
  });
  const tools: ToolSpec[] = T.map((id) => {
    const t: ToolSpec = { id, owners: { operator: pick(teams) }, actions: [pick(['read', 'write', 'pay', 'delete'] as const)] };
    if (chance(0.3)) t.credential = pick(C);
    if (chance(0.2)) t.third_party = true;
    if (chance(0.2)) t.inputs = ['web'];
    if (chance(0.15)) t.approval = true;
    const data = some(D);
    if (data.length) t.data = data.map((d) => ({ data: d, access: pick(['read', 'write', 'admin'] as const) }));
    return t;
  });
  const credentials: CredentialSpec[] = C.map((id) => {
    const c: CredentialSpec = { id, type: pick(['api-key', 'oauth-token', 'spiffe'] as const), owner: pick(teams) };
    const grants = [...some(D).map((d) => ({ data: d })), ...some(T).map((t) => ({ tool: t })), ...some(C, id).map((x) => ({ credential: x }))];
    if (grants.length) c.grants = grants.map((g) => ({ ...g, access: pick(['read', 'write', 'admin'] as const) }));
    if (chance(0.1)) c.status = 'revoked';
    if (chance(0.1)) c.just_in_time = true;
    const assume = some(C, id);
    if (assume.length && chance(0.3)) c.can_assume = assume;
    return c;
  });
  const data: DataSpec[] = D.map((id) => {
    const d: DataSpec = { id, classification: pick(['public', 'internal', 'confidential', 'restricted'] as const), kind: pick(['database', 'memory', 'vector-store'] as const) };
    if (chance(0.7)) d.owner = pick(teams);
    if (chance(0.2)) d.write_validation = true;
    if (chance(0.05)) d.target = true;
    return d;
  });
  return { version: 1, owners: teams.map((id) => ({ id })), agents, tools, credentials, data };
}

/**
 * Every path by the path rules, by exhaustive depth-first enumeration, in the canonical order:
 * the reference the ranked search is checked against.
 */
export function bruteForcePaths(index: PathIndex, ends: Endpoints, maxHops: number): RawPath[] {
  const out: RawPath[] = [];
  const nodes: number[] = [];
  const edges: number[] = [];
  const onPath = new Set<number>();
  const walk = (u: number, cost: number) => {
    if (edges.length >= 1 && ends.isTarget[u]) out.push({ nodes: [...nodes], edges: [...edges], cost: cost + ends.targetCost[u]! });
    if (edges.length === maxHops) return;
    for (let k = index.outStart[u]!; k < index.outStart[u + 1]!; k++) {
      const v = index.edgeTo[k]!;
      if (ends.isSource[v] || onPath.has(index.entity[v]!)) continue;
      nodes.push(v);
      edges.push(k);
      onPath.add(index.entity[v]!);
      walk(v, cost + index.edgeCost[k]!);
      onPath.delete(index.entity[v]!);
      nodes.pop();
      edges.pop();
    }
  };
  for (let s = 0; s < index.size; s++) {
    if (!ends.isSource[s]) continue;
    nodes.push(s);
    onPath.add(index.entity[s]!);
    walk(s, ends.sourceCost[s]!);
    onPath.delete(index.entity[s]!);
    nodes.pop();
  }
  return out.sort((a, b) => comparePaths(index, a, b));
}

export function rawKey(p: RawPath): string {
  return `${p.cost}:${p.nodes.join(',')}:${p.edges.join(',')}`;
}
