import { NODE_KINDS } from '../model/schema.js';
import { TextChunks } from '../util/text-chunks.js';
import { flat } from './text.js';
import { cypherMap, cypherString } from './cypher-literal.js';
import { EDGE_TYPES, exportGraph, type EdgeType, type ExportGraph, type ExportInput } from './elements.js';
import type { Props } from './properties.js';
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
  const x = exportGraph(input);
  // Each id is written once as a node and again at each relationship end: quote it once.
  const quoted: string[] = new Array(x.nodeCount);
  for (let i = 0; i < x.nodeCount; i++) quoted[i] = flat(cypherString(x.nodeId(i)));
  const out = new TextChunks();
  out.add('// Steward graph for Neo4j (steward export --format cypher). Idempotent: run it again to update.\n');
  for (const label of [NODE_LABEL, ...NODE_KINDS.map((k) => KIND_LABEL[k])]) {
    out.add(`CREATE CONSTRAINT steward_${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;\n`);
  }
  for (const kind of NODE_KINDS) {
    yield* nodeBatches(x, out, quoted, x.graph.nodesOf(kind).map((node) => node.index), `${NODE_LABEL}:${KIND_LABEL[kind]}`);
  }
  if (x.nodeCount > x.entities) {
    yield* nodeBatches(x, out, quoted, tainted(x), `${NODE_LABEL}:${TAINTED_LABEL}`);
  }
  // Group edge indices by type with a counting sort: one pass, one typed array.
  const types = EDGE_TYPES.length;
  const start = new Int32Array(types + 1);
  for (let k = 0; k < x.edgeCount; k++) start[x.edgeTypeCode(k) + 1]!++;
  for (let t = 0; t < types; t++) start[t + 1]! += start[t]!;
  const order = new Int32Array(x.edgeCount);
  const fill = start.slice(0, types);
  for (let k = 0; k < x.edgeCount; k++) order[fill[x.edgeTypeCode(k)]!++] = k;
  // The end of a row, from its `to` on, per node: written at every relationship into it.
  const toPart: string[] = new Array(x.nodeCount);
  for (let i = 0; i < x.nodeCount; i++) toPart[i] = flat(`, to: ${quoted[i]}`);
  for (let t = 0; t < types; t++) {
    const type = EDGE_TYPES[t]!;
    yield* edgeBatches(x, out, quoted, toPart, order.subarray(start[t]!, start[t + 1]!), relationshipType(type), 'relation' in type);
  }
  yield out.take();
}

function relationshipType(type: EdgeType): string {
  if ('relation' in type) return RELATION_TYPE[type.relation];
  if ('step' in type) return STEP_TYPE[type.step];
  return TAINTED_TYPE;
}

function* tainted(x: ExportGraph): Generator<number> {
  for (let i = x.entities; i < x.nodeCount; i++) yield i;
}

/** Rows are added to `out` as they come, in UNWIND statements of `CYPHER_BATCH` rows. */
function* nodeBatches(x: ExportGraph, out: TextChunks, quoted: readonly string[], nodes: Iterable<number>, labels: string): Generator<string> {
  const [primary, ...extra] = labels.split(':');
  const end = `\n] AS row\nMERGE (n:${primary} {id: row.id})\nSET n = row.props, n:${extra.join(':')};\n`;
  let rows = 0;
  for (const i of nodes) {
    out.add(`${rows ? ',\n' : 'UNWIND [\n'}{id: ${quoted[i]}, props: ${cypherMap([['id', x.nodeId(i)], ...x.nodeProps(i)])}}`);
    if (++rows === CYPHER_BATCH) {
      out.add(end);
      rows = 0;
    }
    if (out.full) yield out.take();
  }
  if (rows) out.add(end);
}

function* edgeBatches(
  x: ExportGraph,
  out: TextChunks,
  quoted: readonly string[],
  toPart: readonly string[],
  edges: Int32Array,
  type: string,
  keyed: boolean,
): Generator<string> {
  const merge = keyed ? `MERGE (a)-[r:${type} {key: row.key}]->(b)` : `MERGE (a)-[r:${type}]->(b)`;
  const end = `\n] AS row\nMATCH (a:${NODE_LABEL} {id: row.from})\nMATCH (b:${NODE_LABEL} {id: row.to})\n${merge}\nSET r = row.props;\n`;
  // The properties after the key, per class of properties: written once, reused at every edge.
  const propsOfClass: string[] = [];
  let rows = 0;
  for (const k of edges) {
    const c = x.edgePropsClass(k);
    let props = c < 0 ? undefined : propsOfClass[c];
    if (props === undefined) {
      props = propsText(x.edgeProps(k), keyed);
      if (c >= 0) propsOfClass[c] = flat(props);
    }
    out.add(rows ? ',\n{from: ' : 'UNWIND [\n{from: ');
    out.add(quoted[x.edgeFrom(k)]!);
    out.add(toPart[x.edgeTo(k)]!);
    out.add(keyed ? keyPart(x.edgeOrdinal(k)) : ', props: ');
    out.add(props);
    if (++rows === CYPHER_BATCH) {
      out.add(end);
      rows = 0;
    }
    if (out.full) yield out.take();
  }
  if (rows) out.add(end);
}

/** A row's properties from their first entry after the key (keyed) or their opening brace on, with the row's closing brace. */
function propsText(props: Props, keyed: boolean): string {
  if (!keyed) return `${cypherMap(props)}}`;
  return props.length ? `, ${cypherMap(props).slice(1)}}` : '}}';
}

/** The key of a relation, in the row and first in its properties: ordinals are small, most 0. */
const KEY_PARTS = Array.from({ length: 8 }, (_, n) => `, key: ${n}, props: {key: ${n}`);
function keyPart(ordinal: number): string {
  return KEY_PARTS[ordinal] ?? `, key: ${ordinal}, props: {key: ${ordinal}`;
}
