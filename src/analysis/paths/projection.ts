import { RELATION_CODE, type GraphEdge, type ModelGraph } from '../../graph/graph.js';
import { isCredentialActive, lifecycleOf } from '../../graph/query.js';
import { KIND_CODE, STEPS, stepCostAndGate, stepFacts, type StepFacts } from './traversal.js';
import type { NodeState, StepKind } from './types.js';

/**
 * The traversal projection of a model graph: one node per entity in the `control` state (same
 * index as in the graph), plus one `tainted` node for each store that someone reads and each tool
 * that some agent calls; one edge per step of the traversal table, parallel steps folded into the
 * most likely one. Compressed rows on typed arrays, out (edges are numbered in (from, to) order)
 * and in. Immutable; built once per graph in O(nodes + relations).
 */
export interface PathIndex {
  readonly graph: ModelGraph;
  /** Number of entities; projection nodes 0..entities-1 are the entities themselves. */
  readonly entities: number;
  /** Number of projection nodes. */
  readonly size: number;
  /** Number of steps (edges). */
  readonly steps: number;
  /** The entity of each projection node. */
  readonly entity: Int32Array;
  /** The tainted projection node of each entity, or -1. */
  readonly tainted: Int32Array;
  /** 0 for a retired agent or an inactive credential: it takes no part in any step. */
  readonly active: Uint8Array;
  readonly outStart: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  /** Integer cost of each step: -ln(likelihood) in micro-nats. */
  readonly edgeCost: Int32Array;
  /** Index into `STEPS`. */
  readonly edgeStep: Uint8Array;
  /** The model relation (graph edge index) the step rides on. */
  readonly edgeRelation: Int32Array;
  /** 1 when a gating control (approval, policy check, on-behalf-of, write validation) is on the step. */
  readonly edgeGated: Uint8Array;
  readonly inStart: Int32Array;
  /** Edge ids by target node. */
  readonly inEdge: Int32Array;
  /** The cheapest step cost: a lower bound per hop. */
  readonly minStepCost: number;
  /** Per-entity kinds and flags the step costs depend on. */
  readonly facts: StepFacts;
}

export const STEP_CODE: Readonly<Record<StepKind, number>> = Object.fromEntries(STEPS.map((s, i) => [s, i])) as Record<StepKind, number>;

export function stateOf(index: PathIndex, node: number): NodeState {
  return node < index.entities ? 'control' : 'tainted';
}

interface Census {
  facts: StepFacts;
  active: Uint8Array;
  /** Active agent or tool holders per credential. */
  holders: Int32Array;
  tainted: Int32Array;
  size: number;
  /** Written delegations, as `from * entities + to`. */
  delegations: Set<number>;
}

const R_DELEGATES = RELATION_CODE.delegates_to;
const R_CHILD = RELATION_CODE.child_of;
const R_INVOKES = RELATION_CODE.invokes;
const R_AUTH = RELATION_CODE.authenticates_with;
const R_GRANTS = RELATION_CODE.grants;
const R_ASSUME = RELATION_CODE.can_assume;
const R_READS = RELATION_CODE.reads;
const R_WRITES = RELATION_CODE.writes;

function census(g: ModelGraph): Census {
  const n = g.order;
  const facts = stepFacts(g);
  const kind = facts.kind;
  const active = new Uint8Array(n);
  for (const node of g.nodes) {
    active[node.index] =
      node.kind === 'agent' ? (lifecycleOf(node) === 'retired' ? 0 : 1) : node.kind === 'credential' ? (isCredentialActive(node) ? 1 : 0) : 1;
  }
  const holders = new Int32Array(n);
  const taintable = new Uint8Array(n);
  const delegations = new Set<number>();
  const { edgeKind, edgeSource, edgeTarget } = g;
  for (let i = 0; i < edgeKind.length; i++) {
    const k = edgeKind[i]!;
    const s = edgeSource[i]!;
    const t = edgeTarget[i]!;
    if (k === R_DELEGATES) delegations.add(s * n + t);
    if (!active[s] || !active[t]) continue;
    if (k === R_AUTH && (kind[s] === KIND_CODE.agent || kind[s] === KIND_CODE.tool)) holders[t]!++;
    else if (k === R_READS || k === R_INVOKES) taintable[t] = 1;
  }
  const tainted = new Int32Array(n).fill(-1);
  let size = n;
  for (let i = 0; i < n; i++) if (taintable[i]) tainted[i] = size++;
  return { facts, active, holders, tainted, size, delegations };
}

/** Receives one step: its ends, its kind (index into STEPS) and the relation (edge index) it rides on. */
type Emit = (from: number, to: number, step: number, relation: number) => void;

const DELEGATE = STEPS.indexOf('delegate');
const SPAWN = STEPS.indexOf('spawn');
const INVOKE = STEPS.indexOf('invoke');
const RETURN = STEPS.indexOf('return');
const USE = STEPS.indexOf('use-credential');
const IMPERSONATE = STEPS.indexOf('impersonate');
const GRANT = STEPS.indexOf('grant');
const ASSUME = STEPS.indexOf('assume');
const READ = STEPS.indexOf('read');
const POISON = STEPS.indexOf('poison');
const WRITE = STEPS.indexOf('write');

/** The steps one relation gives, by the traversal table. */
function derive(g: ModelGraph, c: Census, i: number, emit: Emit): void {
  const s = g.edgeSource[i]!;
  const t = g.edgeTarget[i]!;
  if (!c.active[s] || !c.active[t]) return;
  switch (g.edgeKind[i]) {
    case R_DELEGATES:
      emit(s, t, DELEGATE, i);
      return;
    case R_CHILD:
      // An explicit delegation says how the parent directs this sub-agent, with its controls.
      if (!c.delegations.has(t * g.order + s)) emit(t, s, SPAWN, i);
      return;
    case R_INVOKES:
      emit(s, t, INVOKE, i);
      if (c.tainted[t]! >= 0) emit(c.tainted[t]!, s, RETURN, i);
      return;
    case R_AUTH: {
      const holder = c.facts.kind[s];
      if (holder !== KIND_CODE.agent && holder !== KIND_CODE.tool) return;
      emit(s, t, USE, i);
      if (c.holders[t]! >= 2) emit(t, s, IMPERSONATE, i);
      return;
    }
    case R_GRANTS: {
      if (c.facts.kind[t] !== KIND_CODE.data || c.tainted[t]! < 0) {
        emit(s, t, GRANT, i);
        return;
      }
      const access = g.edges[i]!.attrs.access;
      emit(s, access === 'write' || access === 'admin' ? c.tainted[t]! : t, GRANT, i);
      return;
    }
    case R_ASSUME:
      emit(s, t, ASSUME, i);
      return;
    case R_READS: {
      emit(s, t, READ, i);
      const dt = c.tainted[t]!;
      if (dt < 0) return;
      if (c.facts.kind[s] === KIND_CODE.agent) emit(dt, s, POISON, i);
      else if (c.tainted[s]! >= 0) emit(dt, c.tainted[s]!, POISON, i);
      return;
    }
    case R_WRITES:
      emit(s, c.tainted[t]! >= 0 ? c.tainted[t]! : t, WRITE, i);
      return;
    default:
      return;
  }
}

/**
 * Builds the traversal projection of a graph in two passes over the relations: one counts the
 * steps leaving each node, one writes them into their rows (in relation order, so the result is
 * deterministic), and parallel steps are then folded in place. Typed arrays are allocated once, at
 * their final size: a large model keeps a large heap, where every extra buffer costs a collection.
 */
export function buildPathIndex(g: ModelGraph): PathIndex {
  const c = census(g);
  const n = g.order;
  const N = c.size;
  const m = g.size;
  const outStart = new Int32Array(N + 1);
  const countStep: Emit = (u) => {
    outStart[u + 1]!++;
  };
  for (let i = 0; i < m; i++) derive(g, c, i, countStep);
  for (let i = 0; i < N; i++) outStart[i + 1]! += outStart[i]!;
  const raw = outStart[N]!;
  const edgeFrom = new Int32Array(raw);
  const edgeTo = new Int32Array(raw);
  const edgeCost = new Int32Array(raw);
  const edgeStep = new Uint8Array(raw);
  const edgeRelation = new Int32Array(raw);
  const edgeGated = new Uint8Array(raw);
  const inEdge = new Int32Array(raw);
  // `inEdge` doubles as the write cursor of each row until the in-rows are built (a separate one
  // when there are fewer steps than nodes).
  const cursor = raw >= N ? inEdge : new Int32Array(N);
  for (let u = 0; u < N; u++) cursor[u] = outStart[u]!;
  const edges = g.edges;
  const writeStep: Emit = (u, v, kind, i) => {
    const k = cursor[u]!++;
    edgeFrom[k] = u;
    edgeTo[k] = v;
    const step = stepCostAndGate(c.facts, kind, edges[i]!);
    edgeCost[k] = step.cost;
    edgeGated[k] = step.gated ? 1 : 0;
    edgeStep[k] = kind;
    edgeRelation[k] = i;
  };
  for (let i = 0; i < m; i++) derive(g, c, i, writeStep);

  // Fold parallel steps (same from, same to): keep the cheapest, then the first step kind, then
  // the first relation; compact the rows in place.
  const slotOf = new Int32Array(N).fill(-1);
  let kept = 0;
  let minStepCost = Infinity;
  for (let u = 0; u < N; u++) {
    const begin = outStart[u]!;
    const end = outStart[u + 1]!;
    outStart[u] = kept;
    const rowStart = kept;
    for (let k = begin; k < end; k++) {
      const v = edgeTo[k]!;
      const at = slotOf[v]!;
      if (at >= rowStart && edgeFrom[at] === u && edgeTo[at] === v) {
        if (
          edgeCost[k]! < edgeCost[at]! ||
          (edgeCost[k] === edgeCost[at] && (edgeStep[k]! < edgeStep[at]! || (edgeStep[k] === edgeStep[at] && edgeRelation[k]! < edgeRelation[at]!)))
        ) {
          edgeCost[at] = edgeCost[k]!;
          edgeStep[at] = edgeStep[k]!;
          edgeRelation[at] = edgeRelation[k]!;
          edgeGated[at] = edgeGated[k]!;
        }
        continue;
      }
      slotOf[v] = kept;
      edgeFrom[kept] = u;
      edgeTo[kept] = v;
      edgeCost[kept] = edgeCost[k]!;
      edgeStep[kept] = edgeStep[k]!;
      edgeRelation[kept] = edgeRelation[k]!;
      edgeGated[kept] = edgeGated[k]!;
      kept++;
    }
  }
  outStart[N] = kept;
  for (let k = 0; k < kept; k++) if (edgeCost[k]! < minStepCost) minStepCost = edgeCost[k]!;

  const inStart = new Int32Array(N + 1);
  for (let k = 0; k < kept; k++) inStart[edgeTo[k]! + 1]!++;
  for (let i = 0; i < N; i++) inStart[i + 1]! += inStart[i]!;
  const fill = slotOf;
  for (let i = 0; i < N; i++) fill[i] = inStart[i]!;
  for (let k = 0; k < kept; k++) inEdge[fill[edgeTo[k]!]!++] = k;

  const entity = new Int32Array(N);
  for (let i = 0; i < n; i++) {
    entity[i] = i;
    if (c.tainted[i]! >= 0) entity[c.tainted[i]!] = i;
  }
  const index: PathIndex = {
    graph: g,
    entities: n,
    size: N,
    steps: kept,
    entity,
    tainted: c.tainted,
    active: c.active,
    outStart,
    edgeFrom: edgeFrom.subarray(0, kept),
    edgeTo: edgeTo.subarray(0, kept),
    edgeCost: edgeCost.subarray(0, kept),
    edgeStep: edgeStep.subarray(0, kept),
    edgeRelation: edgeRelation.subarray(0, kept),
    edgeGated: edgeGated.subarray(0, kept),
    inStart,
    inEdge: inEdge.subarray(0, kept),
    minStepCost: kept ? minStepCost : 0,
    facts: c.facts,
  };
  // Kept for relationsOfStep, which explains the few hops a report lists.
  censusCache.set(index, c);
  return index;
}

/**
 * Every relation between two projection nodes that gives a step from one to the other: the step
 * the index kept and the parallel ones it folded. What a control on the hop has to cover.
 */
export function relationsOfStep(index: PathIndex, u: number, v: number): GraphEdge[] {
  const g = index.graph;
  const c = censusOf(index);
  const found: GraphEdge[] = [];
  const seen = new Set<number>();
  const consider = (i: number) => {
    if (seen.has(i)) return;
    seen.add(i);
    derive(g, c, i, (a, b) => {
      if (a === u && b === v) found.push(g.edges[i]!);
    });
  };
  const eu = index.entity[u]!;
  for (const k of g.outIndex(eu)) consider(k);
  for (const k of g.inIndex(eu)) consider(k);
  return [...new Map(found.map((e) => [e.index, e])).values()].sort((a, b) => a.index - b.index);
}

const censusCache = new WeakMap<PathIndex, Census>();

function censusOf(index: PathIndex): Census {
  let c = censusCache.get(index);
  if (!c) {
    c = census(index.graph);
    censusCache.set(index, c);
  }
  return c;
}
