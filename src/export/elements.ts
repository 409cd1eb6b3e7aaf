import { deriveEndpoints, pathIndexFor, type Endpoints, type PathIndex } from '../analysis/paths/index.js';
import type { Finding } from '../analysis/finding.js';
import { STEPS, costLikelihood } from '../analysis/paths/traversal.js';
import type { StepKind } from '../analysis/paths/types.js';
import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import { ACCESS_LEVELS, CONTROL_KEYS, OWNER_ROLES, RELATION_KINDS, type RelationKindName } from '../model/schema.js';
import type { RelationAttrs } from '../model/types.js';
import { taintedId } from './ids.js';
import { entityProps, relationProps, taintedProps, tallyFindings, type FindingTally, type Props } from './properties.js';

export interface ExportInput {
  graph: ModelGraph;
  /** The analysis findings: each node carries its open and accepted counts and highest severity. */
  findings: readonly Finding[];
  /**
   * Also export the compromise steps of the path analysis as edges of their own (default true):
   * what BloodHound's and Neo4j's pathfinding follow to walk a compromise as Steward does.
   */
  steps?: boolean;
}

/**
 * The exported graph, shared by every format. Nodes are numbered as in the path projection:
 * 0..entities-1 are the entities (id order), then one node per tainted state (a store someone
 * reads, a tool some agent calls: content planted there steers its readers and callers). Nothing
 * is materialised: a format asks for node `i` and edge `k` in a fixed order.
 */
export interface ExportGraph {
  readonly graph: ModelGraph;
  /** Number of nodes: the entities, plus the tainted states when steps are exported. */
  readonly nodeCount: number;
  readonly entities: number;
  readonly steps: boolean;
  /** The Steward id of node `i` (`<id>#tainted` for a tainted state). */
  nodeId(i: number): string;
  /** The entity behind node `i`. */
  entityOf(i: number): AnyGraphNode;
  /** Node `i`. */
  node(i: number): ExportNode;
  /** The properties of node `i`, computed on demand (a format may filter nodes first). */
  nodeProps(i: number): Props;
  /** The properties of edge `k`, computed on demand. */
  edgeProps(k: number): Props;
  readonly edgeCount: number;
  /** Edge `k`: the relations (0..relations-1), then the steps, then the tainted-state links. */
  edge(k: number): ExportEdge;
  /** The ends and ordinal of edge `k`, as in `edge(k)`, without building it. */
  edgeFrom(k: number): number;
  edgeTo(k: number): number;
  edgeOrdinal(k: number): number;
  /**
   * Edges with equal properties share a class (a small number): a format renders the properties
   * of a class once. -1 for an edge whose properties are its own (a relation with controls).
   */
  edgePropsClass(k: number): number;
  /** A number per edge type (see `EDGE_TYPES`): for grouping edges without building them. */
  edgeTypeCode(k: number): number;
}

export interface ExportNode {
  index: number;
  entity: AnyGraphNode;
  tainted: boolean;
}

export type EdgeType = { relation: RelationKindName } | { step: StepKind } | { taintedStateOf: true };

export interface ExportEdge {
  /** Position in the edge sequence: a stable edge id. */
  index: number;
  from: number;
  to: number;
  type: EdgeType;
  /** Among the edges of the same type between the same two nodes (0 for the first). */
  ordinal: number;
}

/** Every edge type, in code order: the relations, the steps, the tainted-state link. */
const RELATION_TYPES: readonly EdgeType[] = RELATION_KINDS.map((relation) => ({ relation }));
const STEP_TYPES: readonly EdgeType[] = STEPS.map((step) => ({ step }));
const TAINTED_LINK: EdgeType = { taintedStateOf: true };
export const EDGE_TYPES: readonly EdgeType[] = [...RELATION_TYPES, ...STEP_TYPES, TAINTED_LINK];

export function exportGraph(input: ExportInput): ExportGraph {
  const g = input.graph;
  const steps = input.steps ?? true;
  const index: PathIndex = pathIndexFor(g);
  const ends: Endpoints = deriveEndpoints(index);
  const tallies = tallyFindings(input.findings);
  const n = g.order;
  const nodeCount = steps ? index.size : n;
  const entityOf = (i: number) => g.nodes[i < n ? i : index.entity[i]!]!;
  const nodeId = (i: number) => (i < n ? g.nodes[i]!.id : taintedId(entityOf(i).id));
  const flags = (i: number) => ({ entry: ends.isSource[i] === 1, jewel: ends.isTarget[i] === 1 });

  const node = (i: number): ExportNode => ({ index: i, entity: entityOf(i), tainted: i >= n });
  const nodeProps = (i: number): Props => {
    const entity = entityOf(i);
    if (i >= n) return taintedProps(entity, flags(i));
    const tally: FindingTally | undefined = tallies.get(entity.id);
    return entityProps(g, entity, tally, flags(i));
  };

  const relations = g.size;
  const relationCode = g.edgeKind;
  const edgeCount = relations + (steps ? index.steps + (nodeCount - n) : 0);

  const edgeFrom = (k: number): number => {
    if (k < relations) return g.edges[k]!.source;
    const s = k - relations;
    return s < index.steps ? index.edgeFrom[s]! : n + (s - index.steps);
  };
  const edgeTo = (k: number): number => {
    if (k < relations) return g.edges[k]!.target;
    const s = k - relations;
    return s < index.steps ? index.edgeTo[s]! : index.entity[n + (s - index.steps)]!;
  };
  const edgeOrdinal = (k: number): number => {
    if (k >= relations) return 0;
    const e = g.edges[k]!;
    // Relations are sorted by (from, kind, to): duplicates of a triple are adjacent.
    let ordinal = 0;
    for (let j = k - 1; j >= 0; j--) {
      const p = g.edges[j]!;
      if (p.source !== e.source || p.kind !== e.kind || p.target !== e.target) break;
      ordinal++;
    }
    return ordinal;
  };
  const edge = (k: number): ExportEdge => ({ index: k, from: edgeFrom(k), to: edgeTo(k), type: EDGE_TYPES[edgeTypeCode(k)]!, ordinal: edgeOrdinal(k) });

  /** A step's properties (its kind is the edge's type): the relation it rides on, its likelihood, the states it joins. */
  const edgeProps = (k: number): Props => {
    if (k < relations) return relationProps(g.edges[k]!);
    const s = k - relations;
    if (s >= index.steps) return [];
    const from = index.edgeFrom[s]!;
    const to = index.edgeTo[s]!;
    return [
      ['relation', g.edges[index.edgeRelation[s]!]!.kind],
      ['likelihood', Math.round(costLikelihood(index.edgeCost[s]!) * 10_000) / 10_000],
      ['from_state', from < n ? 'control' : 'tainted'],
      ['to_state', to < n ? 'control' : 'tainted'],
    ];
  };

  // Classes are numbered in order of first use, from what the properties depend on.
  let classes = 0;
  const relationClass = new Int32Array(RELATION_SHAPES).fill(-1);
  let taintedLinkClass = -1;
  // A step's properties depend on its cost, its relation's kind and whether each end is a tainted state.
  const stepClass = new Map<number, Int32Array>();
  const edgePropsClass = (k: number): number => {
    if (k < relations) {
      const shape = relationShape(g.edges[k]!.attrs);
      if (shape < 0) return -1;
      if (relationClass[shape]! < 0) relationClass[shape] = classes++;
      return relationClass[shape]!;
    }
    const s = k - relations;
    if (s >= index.steps) return taintedLinkClass < 0 ? (taintedLinkClass = classes++) : taintedLinkClass;
    const cost = index.edgeCost[s]!;
    let byCost = stepClass.get(cost);
    if (!byCost) stepClass.set(cost, (byCost = new Int32Array(RELATION_KINDS.length * 4).fill(-1)));
    const at = relationCode[index.edgeRelation[s]!]! * 4 + (index.edgeFrom[s]! < n ? 0 : 2) + (index.edgeTo[s]! < n ? 0 : 1);
    if (byCost[at]! < 0) byCost[at] = classes++;
    return byCost[at]!;
  };

  /** The type of edge `k` as a small number: relations 0..15, steps 16..26, the tainted link 27. */
  const edgeTypeCode = (k: number): number => {
    if (k < relations) return relationCode[k]!;
    const s = k - relations;
    return s < index.steps ? RELATION_KINDS.length + index.edgeStep[s]! : RELATION_KINDS.length + STEPS.length;
  };

  return {
    graph: g,
    nodeCount,
    entities: n,
    steps,
    nodeId,
    entityOf,
    node,
    nodeProps,
    edgeProps,
    edgeCount,
    edge,
    edgeTypeCode,
    edgeFrom,
    edgeTo,
    edgeOrdinal,
    edgePropsClass,
  };
}

const ACCESS_CODE: ReadonlyMap<string, number> = new Map(ACCESS_LEVELS.map((a, i) => [a, i + 1]));
const ROLE_CODE: ReadonlyMap<string, number> = new Map(OWNER_ROLES.map((r, i) => [r, i + 1]));

/** The number of values `relationShape` gives. */
const RELATION_SHAPES = (ACCESS_LEVELS.length + 1) * (OWNER_ROLES.length + 1) * 2;

/**
 * What a relation's properties depend on when it has no controls (most relations): its access,
 * role and whether it is implicit, as one number; -1 when it has controls.
 */
function relationShape(attrs: Readonly<RelationAttrs>): number {
  for (const key of CONTROL_KEYS) if (attrs[key] !== undefined) return -1;
  const access = attrs.access ? ACCESS_CODE.get(attrs.access) : 0;
  const role = attrs.role ? ROLE_CODE.get(attrs.role) : 0;
  if (access === undefined || role === undefined) return -1;
  return ((access * (OWNER_ROLES.length + 1) + role) << 1) | (attrs.implicit ? 1 : 0);
}
