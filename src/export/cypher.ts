import { NODE_KINDS, type NodeKind } from '../model/schema.js';
import { chunked } from './chunks.js';
import { cypherMap, cypherString } from './cypher-literal.js';
import { EDGE_TYPES, exportGraph, type EdgeType, type ExportEdge, type ExportGraph, type ExportInput, type ExportNode } from './elements.js';
import { KIND_LABEL, NODE_LABEL, RELATION_TYPE, STEP_TYPE, TAINTED_LABEL, TAINTED_TYPE } from './vocabulary.js';

/** Rows per UNWIND statement: large enough to load fast, small enough for one transaction. */
export const CYPHER_BATCH = 500;

/**
 * A Cypher script that loads the graph into Neo4j (cypher-shell -f, or the Browser): uniqueness
 * constraints first, then nodes merged on their id in UNWIND batches (a label per kind, all
 * properties replaced), then relationships merged between them (a type per relation, `STEP_*`
 * for the compromise steps). Running it twice gives the same graph. Labels and types come from
 * our fixed vocabulary; every value is a literal escaped by `cypher-literal.ts`.
 */
export function* renderCypher(input: ExportInput): Generator<string> {
  yield* chunked(cypherParts(exportGraph(input)));
}

function* cypherParts(x: ExportGraph): Generator<string> {
  // Each id is written once as a node and again at each relationship end: quote it once.
  const quoted: string[] = new Array(x.nodeCount);
  for (let i = 0; i < x.nodeCount; i++) quoted[i] = cypherString(x.nodeId(i));
  yield '// Steward graph for Neo4j (steward export --format cypher). Idempotent: run it again to update.\n';
  for (const label of [NODE_LABEL, ...NODE_KINDS.map((k) => KIND_LABEL[k])]) {
    yield `CREATE CONSTRAINT steward_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;\n`;
  }
  for (const kind of NODE_KINDS) {
    yield* nodeBatches(x, quoted, entitiesOf(x, kind), `${NODE_LABEL}:${KIND_LABEL[kind]}`);
  }
  if (x.nodeCount > x.entities) {
    yield* nodeBatches(x, quoted, tainted(x), `${NODE_LABEL}:${TAINTED_LABEL}`);
  }
  // Group edge indices by type with a counting sort: one pass, one typed array.
  const types = EDGE_TYPES.length;
  const start = new Int32Array(types + 1);
  for (let k = 0; k < x.edgeCount; k++) start[x.edgeTypeCode(k) + 1]!++;
  for (let t = 0; t < types; t++) start[t + 1]! += start[t]!;
  const order = new Int32Array(x.edgeCount);
  const fill = start.slice(0, types);
  for (let k = 0; k < x.edgeCount; k++) order[fill[x.edgeTypeCode(k)]!++] = k;
  for (let t = 0; t < types; t++) {
    const type = EDGE_TYPES[t]!;
    yield* edgeBatches(x, quoted, order.subarray(start[t]!, start[t + 1]!), relationshipType(type), 'relation' in type);
  }
}

function relationshipType(type: EdgeType): string {
  if ('relation' in type) return RELATION_TYPE[type.relation];
  if ('step' in type) return STEP_TYPE[type.step];
  return TAINTED_TYPE;
}

function* entitiesOf(x: ExportGraph, kind: NodeKind): Generator<ExportNode> {
  for (const node of x.graph.nodesOf(kind)) yield x.node(node.index);
}

function* tainted(x: ExportGraph): Generator<ExportNode> {
  for (let i = x.entities; i < x.nodeCount; i++) yield x.node(i);
}

function* nodeBatches(x: ExportGraph, quoted: readonly string[], nodes: Iterable<ExportNode>, labels: string): Generator<string> {
  const [primary, ...extra] = labels.split(':');
  let rows: string[] = [];
  const flush = function* () {
    if (!rows.length) return;
    yield `UNWIND [\n${rows.join(',\n')}\n] AS row\nMERGE (n:${primary} {id: row.id})\nSET n = row.props, n:${extra.join(':')};\n`;
    rows = [];
  };
  for (const node of nodes) {
    const id = x.nodeId(node.index);
    rows.push(`{id: ${quoted[node.index]}, props: ${cypherMap([['id', id], ...x.nodeProps(node.index)])}}`);
    if (rows.length >= CYPHER_BATCH) yield* flush();
  }
  yield* flush();
}

function* edgeBatches(x: ExportGraph, quoted: readonly string[], edges: Int32Array, type: string, keyed: boolean): Generator<string> {
  let rows: string[] = [];
  const merge = keyed ? `MERGE (a)-[r:${type} {key: row.key}]->(b)` : `MERGE (a)-[r:${type}]->(b)`;
  const flush = function* () {
    if (!rows.length) return;
    yield `UNWIND [\n${rows.join(',\n')}\n] AS row\nMATCH (a:${NODE_LABEL} {id: row.from})\nMATCH (b:${NODE_LABEL} {id: row.to})\n${merge}\nSET r = row.props;\n`;
    rows = [];
  };
  for (const k of edges) {
    rows.push(edgeRow(x, quoted, x.edge(k), keyed));
    if (rows.length >= CYPHER_BATCH) yield* flush();
  }
  yield* flush();
}

function edgeRow(x: ExportGraph, quoted: readonly string[], edge: ExportEdge, keyed: boolean): string {
  const props = keyed ? [['key', edge.ordinal] as const, ...x.edgeProps(edge.index)] : x.edgeProps(edge.index);
  return `{from: ${quoted[edge.from]}, to: ${quoted[edge.to]}${keyed ? `, key: ${edge.ordinal}` : ''}, props: ${cypherMap(props)}}`;
}
