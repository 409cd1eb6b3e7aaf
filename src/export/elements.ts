import { deriveEndpoints, pathIndexFor, type Endpoints, type PathIndex } from '../analysis/paths/index.js';
import type { Finding } from '../analysis/finding.js';
import { STEPS, costLikelihood } from '../analysis/paths/traversal.js';
import type { StepKind } from '../analysis/paths/types.js';
import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import { RELATION_KINDS, type RelationKindName } from '../model/schema.js';
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
 * is materialised: nodes and edges are generated one at a time, in a fixed order.
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
  /** Every node, in order. */
  nodes(): Generator<ExportNode>;
  readonly edgeCount: number;
  /** Edge `k`: the relations (0..relations-1), then the steps, then the tainted-state links. */
  edge(k: number): ExportEdge;
  /** Every edge, in order. */
  edges(): Generator<ExportEdge>;
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
const RELATION_CODE: ReadonlyMap<RelationKindName, number> = new Map(RELATION_KINDS.map((r, i) => [r, i]));

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

  function* nodes(): Generator<ExportNode> {
    for (let i = 0; i < nodeCount; i++) yield node(i);
  }

  const relations = g.size;
  const edgeCount = relations + (steps ? index.steps + (nodeCount - n) : 0);

  const edge = (k: number): ExportEdge => {
    if (k < relations) {
      const e = g.edges[k]!;
      // Relations are sorted by (from, kind, to): duplicates of a triple are adjacent.
      let ordinal = 0;
      for (let j = k - 1; j >= 0; j--) {
        const p = g.edges[j]!;
        if (p.source !== e.source || p.kind !== e.kind || p.target !== e.target) break;
        ordinal++;
      }
      return { index: k, from: e.source, to: e.target, type: RELATION_TYPES[RELATION_CODE.get(e.kind)!]!, ordinal };
    }
    const s = k - relations;
    if (s < index.steps) {
      const from = index.edgeFrom[s]!;
      const to = index.edgeTo[s]!;
      return { index: k, from, to, type: STEP_TYPES[index.edgeStep[s]!]!, ordinal: 0 };
    }
    const i = n + (s - index.steps);
    return { index: k, from: i, to: index.entity[i]!, type: TAINTED_LINK, ordinal: 0 };
  };

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

  function* edges(): Generator<ExportEdge> {
    for (let k = 0; k < edgeCount; k++) yield edge(k);
  }

  /** The type of edge `k` as a small number: relations 0..15, steps 16..26, the tainted link 27. */
  const edgeTypeCode = (k: number): number => {
    if (k < relations) return RELATION_CODE.get(g.edges[k]!.kind)!;
    const s = k - relations;
    return s < index.steps ? RELATION_KINDS.length + index.edgeStep[s]! : RELATION_KINDS.length + STEPS.length;
  };

  return { graph: g, nodeCount, entities: n, steps, nodeId, entityOf, node, nodeProps, edgeProps, nodes, edgeCount, edge, edges, edgeTypeCode };
}
