import type { GraphEdge, ModelGraph } from '../../graph/graph.js';
import { isActiveOwner, teamOf } from '../../graph/query.js';
import type { Endpoints } from './endpoints.js';
import type { FoldGroup } from './fold.js';
import { stateOf, type PathIndex } from './projection.js';
import type { RawPath } from './search.js';
import { STEPS, STEP_RULE, costLikelihood, evaluateStep, isUncontrolled } from './traversal.js';
import type { Hop, HopRelation, PathNode, RankedPath, StepKind } from './types.js';

interface NodeFacts {
  owners: string[];
  teams: string[];
  boundaries: string[];
}

/** Turns ranked raw paths into explained ones: each hop, its controls, owners and boundaries. */
export class Explainer {
  private readonly facts = new Map<number, NodeFacts>();

  constructor(
    private readonly index: PathIndex,
    private readonly ends: Endpoints,
  ) {}

  private get graph(): ModelGraph {
    return this.index.graph;
  }

  /** Accountable owners: active business owners and operators (and data owners, for data). */
  factsOf(entity: number): NodeFacts {
    let f = this.facts.get(entity);
    if (f) return f;
    const g = this.graph;
    const node = g.nodes[entity]!;
    const owners = g
      .ownersOf(node.id)
      .filter((o) => (o.role === 'business' || o.role === 'operator' || (o.role === 'data' && node.kind === 'data')) && isActiveOwner(o.owner))
      .map((o) => o.owner);
    const teams = [...new Set(owners.map((o) => teamOf(g, o).id))].sort();
    const boundaries = [...new Set(g.targets(node.id, 'in_boundary').map((b) => b.id))].sort();
    f = { owners: [...new Set(owners.map((o) => o.id))].sort(), teams, boundaries };
    this.facts.set(entity, f);
    return f;
  }

  crossesOwnership(a: number, b: number): boolean {
    const ta = this.factsOf(a).teams;
    const tb = this.factsOf(b).teams;
    if (!ta.length && !tb.length) return false;
    return !ta.some((t) => tb.includes(t));
  }

  crossesTrust(a: number, b: number): boolean {
    const ba = this.factsOf(a).boundaries;
    const bb = this.factsOf(b).boundaries;
    return ba.length > 0 && bb.length > 0 && !ba.some((x) => bb.includes(x));
  }

  hop(edge: number, position: number): Hop {
    const { index } = this;
    const g = this.graph;
    const u = index.edgeFrom[edge]!;
    const v = index.edgeTo[edge]!;
    const step = STEPS[index.edgeStep[edge]!]!;
    const rel = g.edges[index.edgeRelation[edge]!]!;
    const eu = index.entity[u]!;
    const ev = index.entity[v]!;
    const c = evaluateStep(index.facts, step, rel);
    return {
      index: position,
      from: g.nodes[eu]!.id,
      to: g.nodes[ev]!.id,
      step,
      text: stepText(step, g.nodes[eu]!.id, g.nodes[ev]!.id, rel),
      relations: [hopRelation(step, rel)],
      baseLikelihood: c.base,
      likelihood: round(c.likelihood),
      controls: c.present,
      missingControls: c.missing,
      uncontrolled: isUncontrolled(c.present),
      crossesOwnership: this.crossesOwnership(eu, ev),
      crossesTrustBoundary: this.crossesTrust(eu, ev),
    };
  }

  node(p: number): PathNode {
    const e = this.index.entity[p]!;
    const n = this.graph.nodes[e]!;
    const f = this.factsOf(e);
    return { id: n.id, kind: n.kind, state: stateOf(this.index, p), owners: f.owners, teams: f.teams, boundaries: f.boundaries };
  }

  path(raw: RawPath, rank: number, group?: FoldGroup): RankedPath {
    const { index, ends } = this;
    const g = this.graph;
    const nodes = raw.nodes.map((p) => this.node(p));
    const hops = raw.edges.map((e, i) => this.hop(e, i));
    const first = raw.nodes[0]!;
    const last = raw.nodes[raw.nodes.length - 1]!;
    let likelihood = costLikelihood(ends.sourceCost[first]!);
    for (const h of hops) likelihood *= evaluateStep(index.facts, h.step, g.edges[index.edgeRelation[raw.edges[h.index]!]!]!).likelihood;
    const impact = costLikelihood(ends.targetCost[last]!);
    const risk = likelihood * impact;
    return {
      id: pathId(index, raw),
      rank,
      entry: nodes[0]!.id,
      jewel: nodes[nodes.length - 1]!.id,
      nodes,
      hops,
      likelihood: round(likelihood),
      impact: round(impact),
      risk: round(risk),
      severity: risk >= 0.5 ? 'critical' : risk >= 0.25 ? 'high' : risk >= 0.1 ? 'medium' : 'low',
      ownershipCrossings: hops.filter((h) => h.crossesOwnership).length,
      trustCrossings: hops.filter((h) => h.crossesTrustBoundary).length,
      uncontrolledHops: hops.filter((h) => h.uncontrolled).length,
      folded: {
        count: group?.count ?? 0,
        variants: group
          ? [...group.variants.entries()]
              .sort((a, b) => a[0] - b[0])
              .map(([position, ids]) => ({ position, ids: [...ids].sort((a, b) => a - b).map((e) => g.nodes[e]!.id) }))
          : [],
      },
    };
  }
}

/** The stable id of a path: entity ids joined by `>`, a tainted node marked with `*`. */
export function pathId(index: PathIndex, raw: RawPath): string {
  return raw.nodes.map((p) => index.graph.nodes[index.entity[p]!]!.id + (p >= index.entities ? '*' : '')).join('>');
}

export function hopRelation(step: StepKind, rel: GraphEdge): HopRelation {
  const at = rel.relation.declaredIn;
  return { kind: rel.kind, from: rel.from, to: rel.to, reversed: STEP_RULE[step].reversed, file: at.file, line: at.line, column: at.column };
}

export function stepText(step: StepKind, from: string, to: string, rel: GraphEdge): string {
  switch (step) {
    case 'delegate':
      return `${from} delegates to ${to}`;
    case 'spawn':
      return `${from} directs its sub-agent ${to}`;
    case 'invoke':
      return `${from} calls tool ${to}`;
    case 'use-credential':
      return `${from} authenticates with ${to}`;
    case 'impersonate':
      return `${to} also holds ${from}: whoever holds it passes as ${to}`;
    case 'grant':
      return `${from} grants ${rel.attrs.access ?? 'read'} on ${to}`;
    case 'assume':
      return `${from} can assume ${to}`;
    case 'read':
      return `${from} reads ${to}`;
    case 'write':
      return `${from} ${rel.attrs.access === 'admin' ? 'has admin on' : 'writes'} ${to}`;
    case 'poison':
      return `${to} reads ${from}, taking planted content as input`;
    case 'return':
      return `${from} returns planted content to its caller ${to}`;
  }
}

export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
