import { RELATION_KINDS, type NodeKind, type OwnerRoleName, type RelationKindName } from '../model/schema.js';
import type { Acceptance, Entity, Model, Relation, RelationAttrs, SourceRef, SpecOf } from '../model/types.js';
import { resolvedEnds } from '../model/normalize.js';
import { layerOf, type LayerNumber } from './layers.js';

/** A node of the model graph: one entity. */
export interface GraphNode<K extends NodeKind = NodeKind> {
  /** Dense index, 0..order-1, in id order. */
  readonly index: number;
  readonly id: string;
  readonly kind: K;
  readonly layer: LayerNumber;
  readonly spec: SpecOf[K];
  readonly source: SourceRef;
}

export type AnyGraphNode = { [K in NodeKind]: GraphNode<K> }[NodeKind];

/**
 * A node named by its id, or the node itself: callers that hold the node pass it and save a lookup
 * in the map of every id.
 */
export type NodeRef = string | AnyGraphNode;

/** An edge of the model graph: one relation. */
export interface GraphEdge {
  /** Dense index, 0..size-1, in (from, kind, to) order. */
  readonly index: number;
  readonly kind: RelationKindName;
  readonly from: string;
  readonly to: string;
  readonly source: number;
  readonly target: number;
  readonly attrs: Readonly<RelationAttrs>;
  readonly relation: Relation;
}

/**
 * The model as a typed multigraph with an immutable adjacency index (compressed rows of edge
 * indices, out and in). Built once per model, in O(nodes + edges); every query below is a lookup
 * or a walk over one node's own edges. Iteration order is always id order, so everything built
 * on it is deterministic.
 */
export class ModelGraph {
  readonly nodes: readonly AnyGraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly accepted: readonly Acceptance[];
  readonly files: readonly string[];
  private readonly byId: Map<string, AnyGraphNode>;
  private readonly byKind: Map<NodeKind, AnyGraphNode[]>;
  private readonly outStart: Int32Array;
  private readonly outEdges: Int32Array;
  private readonly inStart: Int32Array;
  private readonly inEdges: Int32Array;
  /** The same rows sorted by relation kind (stable), so that one kind's edges are a range. */
  private readonly outByKind: Int32Array;
  private readonly inByKind: Int32Array;
  /** Per edge, its kind's position in RELATION_KINDS (RELATION_CODE). */
  readonly edgeKind: Uint8Array;
  /** Per edge, the index of its source and of its target: edge columns, for passes over every relation. */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;

  constructor(model: Model) {
    const n = model.entities.length;
    this.files = model.files;
    this.accepted = model.accepted;
    this.byId = new Map();
    this.byKind = new Map();
    const nodes: AnyGraphNode[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const e = model.entities[i]!;
      const node = { index: i, id: e.id, kind: e.kind, layer: layerOf(e), spec: e.spec, source: e.source } as AnyGraphNode;
      nodes[i] = node;
      this.byId.set(e.id, node);
      let list = this.byKind.get(e.kind);
      if (!list) this.byKind.set(e.kind, (list = []));
      list.push(node);
    }
    this.nodes = nodes;

    const m = model.relations.length;
    const edges: GraphEdge[] = new Array(m);
    const outCount = new Int32Array(n + 1);
    const inCount = new Int32Array(n + 1);
    // The loader already knows where each relation's ends are (checked here, cheaply); a model
    // built some other way is resolved by id.
    const ends = resolvedEnds(model.entities, model.relations);
    this.edgeSource = new Int32Array(m);
    this.edgeTarget = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const r = model.relations[i]!;
      let source = ends ? ends.from[i]! : -1;
      if (source < 0 || nodes[source]!.id !== r.from) source = this.byId.get(r.from)!.index;
      let target = ends ? ends.to[i]! : -1;
      if (target < 0 || nodes[target]!.id !== r.to) target = this.byId.get(r.to)!.index;
      edges[i] = { index: i, kind: r.kind, from: r.from, to: r.to, source, target, attrs: r.attrs, relation: r };
      this.edgeSource[i] = source;
      this.edgeTarget[i] = target;
      outCount[source + 1]!++;
      inCount[target + 1]!++;
    }
    this.edges = edges;
    for (let i = 0; i < n; i++) {
      outCount[i + 1]! += outCount[i]!;
      inCount[i + 1]! += inCount[i]!;
    }
    this.outStart = outCount;
    this.inStart = inCount;
    this.outEdges = new Int32Array(m);
    this.inEdges = new Int32Array(m);
    const outFill = outCount.slice(0, n);
    const inFill = inCount.slice(0, n);
    for (let i = 0; i < m; i++) {
      const e = edges[i]!;
      this.outEdges[outFill[e.source]!++] = i;
      this.inEdges[inFill[e.target]!++] = i;
    }
    this.edgeKind = new Uint8Array(m);
    for (let i = 0; i < m; i++) this.edgeKind[i] = RELATION_CODE[edges[i]!.kind];
    this.outByKind = sortRowsByKind(this.outEdges, this.outStart, this.edgeKind);
    this.inByKind = sortRowsByKind(this.inEdges, this.inStart, this.edgeKind);
  }

  /** Number of nodes. */
  get order(): number {
    return this.nodes.length;
  }

  /** Number of edges. */
  get size(): number {
    return this.edges.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  node(id: string): AnyGraphNode | undefined {
    return this.lookup(id);
  }

  /**
   * The node of an id. Rules ask several questions of one node in a row (its holders, its grants,
   * its owners): the last answer is kept, which saves hashing into a map of every node.
   */
  private lookup(id: string): AnyGraphNode | undefined {
    if (id === this.lastId) return this.lastNode;
    const node = this.byId.get(id);
    this.lastId = id;
    this.lastNode = node;
    return node;
  }

  private lastId: string | undefined;
  private lastNode: AnyGraphNode | undefined;

  /** Nodes of one kind, in id order. */
  nodesOf<K extends NodeKind>(kind: K): readonly GraphNode<K>[] {
    return (this.byKind.get(kind) ?? []) as unknown as GraphNode<K>[];
  }

  /** Edges leaving `id`, optionally of one kind, in (kind, target) order. */
  outEdgesOf(id: NodeRef, kind?: RelationKindName): GraphEdge[] {
    return this.collect(this.rowOfRef(OUT, id, kind), edgeItself);
  }

  /** Edges arriving at `id`, optionally of one kind. */
  inEdgesOf(id: NodeRef, kind?: RelationKindName): GraphEdge[] {
    return this.collect(this.rowOfRef(IN, id, kind), edgeItself);
  }

  /** Nodes that `id` points to by `kind` edges. */
  targets(id: NodeRef, kind: RelationKindName): AnyGraphNode[] {
    return this.collect(this.rowOfRef(OUT, id, kind), targetOf);
  }

  /** The node that `id`'s first `kind` edge points to (a parent, a system, a team), if any. */
  firstTarget(id: NodeRef, kind: RelationKindName): AnyGraphNode | undefined {
    const row = this.rowOfRef(OUT, id, kind);
    return row.length ? this.nodes[this.edgeTarget[row[0]!]!] : undefined;
  }

  /** Nodes that point to `id` by `kind` edges. */
  sources(id: NodeRef, kind: RelationKindName): AnyGraphNode[] {
    return this.collect(this.rowOfRef(IN, id, kind), sourceOf);
  }

  /** The owners of `id` with their roles, optionally of one role. */
  ownersOf(id: NodeRef, role?: OwnerRoleName): { owner: GraphNode<'owner'>; role: OwnerRoleName; edge: GraphEdge }[] {
    const out: { owner: GraphNode<'owner'>; role: OwnerRoleName; edge: GraphEdge }[] = [];
    for (const edge of this.inEdgesOf(id, 'owns')) {
      if (role === undefined || edge.attrs.role === role) out.push({ owner: this.nodes[edge.source] as GraphNode<'owner'>, role: edge.attrs.role!, edge });
    }
    return out;
  }

  /** The owners holding `role` on `id`, active or not. */
  ownersWithRole(id: NodeRef, role: OwnerRoleName): GraphNode<'owner'>[] {
    const out: GraphNode<'owner'>[] = [];
    for (const k of this.rowOfRef(IN, id, 'owns')) {
      const edge = this.edges[k]!;
      if (edge.attrs.role === role) out.push(this.nodes[edge.source] as GraphNode<'owner'>);
    }
    return out;
  }

  /** Whether some edge of one kind leaving node `index` passes `test`; reads no other edge. */
  someOutEdge(index: number, kind: RelationKindName, test: (e: GraphEdge) => boolean): boolean {
    return this.someEdge(this.outIndex(index, kind), test);
  }

  /** Whether some edge of one kind arriving at node `index` passes `test`. */
  someInEdge(index: number, kind: RelationKindName, test: (e: GraphEdge) => boolean): boolean {
    return this.someEdge(this.inIndex(index, kind), test);
  }

  private someEdge(row: Int32Array, test: (e: GraphEdge) => boolean): boolean {
    for (let k = 0; k < row.length; k++) if (test(this.edges[row[k]!]!)) return true;
    return false;
  }

  /**
   * Raw adjacency for passes that read the edge columns: the indices of node `index`'s out-edges,
   * or of those of one kind, in edge order. A view, not a copy.
   */
  outIndex(index: number, kind?: RelationKindName): Int32Array {
    return this.rowOf(OUT, index, kind);
  }

  /** Raw adjacency: the indices of node `index`'s in-edges, or of those of one kind, in edge order. */
  inIndex(index: number, kind?: RelationKindName): Int32Array {
    return this.rowOf(IN, index, kind);
  }

  private rowOf(direction: Direction, index: number, kind: RelationKindName | undefined): Int32Array {
    const start = direction === OUT ? this.outStart : this.inStart;
    const lo = start[index]!;
    const hi = start[index + 1]!;
    if (kind === undefined) return (direction === OUT ? this.outEdges : this.inEdges).subarray(lo, hi);
    // One kind's edges are a range of the kind-sorted row: a hub's thousands of edges of other
    // kinds are skipped by two binary searches.
    const byKind = direction === OUT ? this.outByKind : this.inByKind;
    const code = RELATION_CODE[kind];
    const from = this.lowerBound(byKind, lo, hi, code);
    return byKind.subarray(from, this.lowerBound(byKind, from, hi, code + 1));
  }

  /** The row of a node given by id or itself; an unknown id has an empty row. */
  private rowOfRef(direction: Direction, id: NodeRef, kind: RelationKindName | undefined): Int32Array {
    const node = typeof id === 'string' ? this.lookup(id) : id;
    return node ? this.rowOf(direction, node.index, kind) : NO_EDGES;
  }

  /** Edges of one row as `pick` maps them. */
  private collect<T>(row: Int32Array, pick: (g: ModelGraph, e: GraphEdge) => T): T[] {
    const out: T[] = new Array(row.length);
    for (let k = 0; k < row.length; k++) out[k] = pick(this, this.edges[row[k]!]!);
    return out;
  }

  private lowerBound(list: Int32Array, lo: number, hi: number, code: number): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.edgeKind[list[mid]!]! < code) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const OUT = 0;
const IN = 1;
type Direction = typeof OUT | typeof IN;
const NO_EDGES = new Int32Array(0);

const edgeItself = (_: ModelGraph, e: GraphEdge): GraphEdge => e;
const targetOf = (g: ModelGraph, e: GraphEdge): AnyGraphNode => g.nodes[e.target]!;
const sourceOf = (g: ModelGraph, e: GraphEdge): AnyGraphNode => g.nodes[e.source]!;

/** Relation kinds as small integers: their position in RELATION_KINDS. */
export const RELATION_CODE: Readonly<Record<RelationKindName, number>> = Object.fromEntries(RELATION_KINDS.map((k, i) => [k, i])) as Record<RelationKindName, number>;

/** Each row of a compressed adjacency, stably sorted by kind: a counting sort per row. */
function sortRowsByKind(list: Int32Array, start: Int32Array, kindCode: Uint8Array): Int32Array {
  const out = new Int32Array(list.length);
  const counts = new Int32Array(RELATION_KINDS.length + 1);
  for (let v = 0; v + 1 < start.length; v++) {
    const lo = start[v]!;
    const hi = start[v + 1]!;
    if (hi - lo < 2) {
      if (hi > lo) out[lo] = list[lo]!;
      continue;
    }
    counts.fill(0);
    for (let k = lo; k < hi; k++) counts[kindCode[list[k]!]! + 1]!++;
    for (let c = 1; c < counts.length; c++) counts[c]! += counts[c - 1]!;
    for (let k = lo; k < hi; k++) out[lo + counts[kindCode[list[k]!]!]!++] = list[k]!;
  }
  return out;
}

/** Builds the graph of a loaded model. */
export function buildGraph(model: Model): ModelGraph {
  return new ModelGraph(model);
}

export type { Entity };
