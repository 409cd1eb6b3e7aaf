import { TextChunks } from '../util/text-chunks.js';
import { flat } from './text.js';
import { EDGE_TYPES, exportGraph, type EdgeType, type ExportGraph, type ExportInput } from './elements.js';
import type { PropValue, Props } from './properties.js';
import { xmlAttribute, xmlText } from './xml-escape.js';
import { TAINTED_RELATION } from './vocabulary.js';

/** GraphML attribute types, as Gephi, yEd and NetworkX read them. */
export type GraphMLType = 'boolean' | 'int' | 'double' | 'string';

interface Key {
  id: string;
  name: string;
  domain: 'node' | 'edge';
  type: GraphMLType;
}

/**
 * GraphML: every attribute declared once as a typed `<key>` (int, double, boolean, string; lists
 * are written as JSON text in a string attribute), then the nodes and the edges (each with an id;
 * parallel edges are kept). Keys must come before the graph, so a first pass collects them; the
 * second writes. Every value is escaped for XML 1.0 by `xml-escape.ts`.
 */
export function* renderGraphML(input: ExportInput): Generator<string> {
  const x = exportGraph(input);
  const keys = collectKeys(x);
  // Each id is written once as a node and again at each edge end: escape it once.
  const ids: string[] = new Array(x.nodeCount);
  for (let i = 0; i < x.nodeCount; i++) ids[i] = xmlAttribute(x.nodeId(i));
  const out = new TextChunks();
  out.add('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.add('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
  for (const key of [...keys.node.values(), ...keys.edge.values()]) {
    out.add(`  <key id="${key.id}" for="${key.domain}" attr.name="${xmlAttribute(key.name)}" attr.type="${key.type}"/>\n`);
  }
  out.add('  <graph id="steward" edgedefault="directed">\n');
  for (let i = 0; i < x.nodeCount; i++) {
    out.add(`    <node id="${ids[i]}">${dataElements(x.nodeProps(i), keys.node)}</node>\n`);
    if (out.full) yield out.take();
  }
  // An edge is its id, its ends and its data: the ends are written once per node, the data once
  // per edge type and class of properties.
  const sourcePart: string[] = new Array(x.nodeCount);
  const targetPart: string[] = new Array(x.nodeCount);
  for (let i = 0; i < x.nodeCount; i++) {
    sourcePart[i] = flat(`" source="${ids[i]}`);
    targetPart[i] = flat(`" target="${ids[i]}">`);
  }
  const typeData = EDGE_TYPES.map((type) => dataElements(withType(type, []), keys.edge));
  const types = EDGE_TYPES.length;
  const dataOfClass: string[] = [];
  for (let k = 0; k < x.edgeCount; k++) {
    const t = x.edgeTypeCode(k);
    const c = x.edgePropsClass(k);
    let data = c < 0 ? undefined : dataOfClass[c * types + t];
    if (data === undefined) {
      data = `${typeData[t]}${dataElements(x.edgeProps(k), keys.edge)}</edge>\n`;
      if (c >= 0) dataOfClass[c * types + t] = flat(data);
    }
    out.add('    <edge id="e');
    out.add(String(k));
    out.add(sourcePart[x.edgeFrom(k)]!);
    out.add(targetPart[x.edgeTo(k)]!);
    out.add(data);
    if (out.full) yield out.take();
  }
  out.add('  </graph>\n</graphml>\n');
  yield out.take();
}

/** Every edge carries its type (a relation, a step, the tainted-state link), the attribute tools color by. */
function withType(type: EdgeType, props: Props): Props {
  const name = 'relation' in type ? type.relation : 'step' in type ? `step:${type.step}` : TAINTED_RELATION;
  return [['edge_type', name], ...props];
}

function collectKeys(x: ExportGraph): { node: Map<string, Key>; edge: Map<string, Key> } {
  const node = new Map<string, GraphMLType>();
  const edge = new Map<string, GraphMLType>([['edge_type', 'string']]);
  const note = (into: Map<string, GraphMLType>, props: Props) => {
    for (const [name, value] of props) {
      const type = typeOf(value);
      const seen = into.get(name);
      into.set(name, seen === undefined ? type : widen(seen, type));
    }
  };
  for (let i = 0; i < x.nodeCount; i++) note(node, x.nodeProps(i));
  // Relations vary in their properties; every step has the same ones, so one step stands for all
  // (its likelihood declared double, whatever value it happens to have).
  const relations = x.graph.size;
  // Relations of one class of properties have the same ones: one stands for all of them.
  const noted: boolean[] = [];
  for (let k = 0; k < relations; k++) {
    const c = x.edgePropsClass(k);
    if (c >= 0 && noted[c]) continue;
    if (c >= 0) noted[c] = true;
    note(edge, withType(x.edge(k).type, x.edgeProps(k)));
  }
  if (x.edgeCount > relations) {
    note(edge, withType(x.edge(relations).type, x.edgeProps(relations)));
    edge.set('likelihood', 'double');
  }
  const declare = (types: Map<string, GraphMLType>, domain: 'node' | 'edge', prefix: string) =>
    new Map(
      [...types.keys()].sort().map((name, i) => [name, { id: `${prefix}${i}`, name, domain, type: types.get(name)! }] as const),
    );
  return { node: declare(node, 'node', 'n'), edge: declare(edge, 'edge', 'e') };
}

function typeOf(value: PropValue): GraphMLType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  return 'string';
}

/** The type that holds values of both: int and double make double; anything else mixed, string. */
function widen(a: GraphMLType, b: GraphMLType): GraphMLType {
  if (a === b) return a;
  if ((a === 'int' && b === 'double') || (a === 'double' && b === 'int')) return 'double';
  return 'string';
}

function dataElements(props: Props, keys: Map<string, Key>): string {
  let out = '';
  for (const [name, value] of props) out += `<data key="${keys.get(name)!.id}">${xmlText(valueText(value))}</data>`;
  return out;
}

function valueText(value: PropValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
