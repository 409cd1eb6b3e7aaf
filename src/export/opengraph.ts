import { isWorkloadIdentity } from '../graph/query.js';
import type { AnyGraphNode } from '../graph/graph.js';
import { EDGE_TYPES, exportGraph, type EdgeType, type ExportGraph, type ExportInput } from './elements.js';
import { encodeOpenGraphId, taintedId } from './ids.js';
import type { Props } from './properties.js';
import { flat, wellFormed } from './text.js';
import { TextChunks } from '../util/text-chunks.js';
import { OG_NAMESPACE, OG_NODE_KIND, OG_RELATION_KIND, OG_STEP_KIND, OG_SUBKIND, OG_TAINTED_KIND, OG_TAINTED_RELATION_KIND } from './vocabulary.js';

/**
 * BloodHound OpenGraph JSON: `{ metadata: { source_kind }, graph: { nodes, edges } }`, as its upload
 * accepts it. Node kinds are namespaced (`Stwd_Agent`, at most three, the first the primary one),
 * properties flat, ids free of colons. Edges match their ends by id. The relation edges say what
 * the model says; the `Stwd_Step*` edges are the compromise steps of Steward's path analysis,
 * which the extension definition (`opengraph-schema.ts`) marks traversable.
 */
export function* renderOpenGraph(input: ExportInput): Generator<string> {
  const x = exportGraph(input);
  const ids = openGraphIds(x);
  // Each id is written once as a node and again at each edge end: quote it once.
  const quoted: string[] = new Array(x.nodeCount);
  for (let i = 0; i < x.nodeCount; i++) quoted[i] = flat(json(ids.of(i)));
  // Kinds come from a small fixed set: quote each combination once.
  const kindsJson = new Map<string, string>();
  const quoteKinds = (kinds: string[]) => {
    const key = kinds.join(',');
    let quotedKinds = kindsJson.get(key);
    if (quotedKinds === undefined) kindsJson.set(key, (quotedKinds = JSON.stringify(kinds)));
    return quotedKinds;
  };
  const out = new TextChunks();
  out.add(`{"metadata":{"source_kind":${JSON.stringify(OG_NAMESPACE)}},"graph":{"nodes":[`);
  for (let i = 0; i < x.nodeCount; i++) {
    const node = x.node(i);
    const kinds = node.tainted ? [OG_TAINTED_KIND, OG_NODE_KIND[node.entity.kind]] : kindsOf(node.entity);
    const nativeId = node.tainted ? [] : nativeIdOf(node.entity, ids.natives);
    const own = x.nodeProps(i);
    const props: Props = nativeId.length ? [...own, ['nativeid', nativeId[0]!]] : own;
    out.add(`${i ? ',' : ''}\n{"id":${quoted[i]},"kinds":${quoteKinds(kinds)},"properties":${propsJson(props)}}`);
    if (out.full) yield out.take();
  }
  out.add('\n],"edges":[');
  // An edge is its type's opening, its start's id, its end's id and its properties: each part is
  // made once (per type, node or class of properties) and reused at every edge.
  const opening = EDGE_TYPES.map((type) => flat(`,\n{"kind":${JSON.stringify(edgeKind(type))},"start":{"match_by":"id","value":`));
  const end = '},"end":{"match_by":"id","value":';
  const propsOfClass: string[] = [];
  for (let k = 0; k < x.edgeCount; k++) {
    const c = x.edgePropsClass(k);
    let props = c < 0 ? undefined : propsOfClass[c];
    if (props === undefined) {
      props = `},"properties":${propsJson(x.edgeProps(k))}}`;
      if (c >= 0) propsOfClass[c] = flat(props);
    }
    const open = opening[x.edgeTypeCode(k)]!;
    out.add(k ? open : open.slice(1));
    out.add(quoted[x.edgeFrom(k)]!);
    out.add(end);
    out.add(quoted[x.edgeTo(k)]!);
    out.add(props);
    if (out.full) yield out.take();
  }
  out.add('\n]}}\n');
  yield out.take();
}

export function edgeKind(type: EdgeType): string {
  if ('relation' in type) return OG_RELATION_KIND[type.relation];
  if ('step' in type) return OG_STEP_KIND[type.step];
  return OG_TAINTED_RELATION_KIND;
}

function kindsOf(node: AnyGraphNode): string[] {
  const kinds = [OG_NODE_KIND[node.kind]];
  if (node.kind === 'agent' && node.spec.parent !== undefined) kinds.push(OG_SUBKIND.subAgent);
  if (node.kind === 'credential' && isWorkloadIdentity(node)) kinds.push(OG_SUBKIND.workloadIdentity);
  if (node.kind === 'owner' && node.spec.type === 'person') kinds.push(OG_SUBKIND.person);
  return kinds;
}

/** The identifier the outside world knows a node by, when it has one: a SPIFFE ID, a tool's URL. */
function naturalId(node: AnyGraphNode): string | undefined {
  if (node.kind === 'credential') return node.spec.spiffe_id;
  if (node.kind === 'tool') return node.spec.url;
  return undefined;
}

function nativeIdOf(node: AnyGraphNode, natives: ReadonlyMap<string, number>): [string] | [] {
  const natural = naturalId(node);
  return natural !== undefined && natives.get(natural) === node.index ? [natural] : [];
}

/**
 * Node ids: a node known by a SPIFFE ID or a URL, unique in the model, takes it (so that it meets
 * the same workload collected by another tool), encoded; any other node its Steward id. Checked
 * for collisions: an encoded natural id equal to another node's Steward id gives way to the latter.
 */
function openGraphIds(x: ExportGraph): { of: (i: number) => string; natives: Map<string, number> } {
  const g = x.graph;
  const count = new Map<string, number>();
  for (const node of g.nodes) {
    const natural = naturalId(node);
    if (natural !== undefined) count.set(natural, (count.get(natural) ?? 0) + 1);
  }
  const natives = new Map<string, number>();
  for (const node of g.nodes) {
    const natural = naturalId(node);
    if (natural === undefined || count.get(natural) !== 1) continue;
    const encoded = encodeOpenGraphId(natural);
    const clash = g.node(encoded);
    if (clash && clash.index !== node.index) continue;
    natives.set(natural, node.index);
  }
  const entityIds: string[] = new Array(g.order);
  for (const node of g.nodes) {
    const natural = naturalId(node);
    entityIds[node.index] = encodeOpenGraphId(natural !== undefined && natives.get(natural) === node.index ? natural : node.id);
  }
  return { of: (i) => (i < x.entities ? entityIds[i]! : taintedId(entityIds[x.entityOf(i).index]!)), natives };
}

/** Strings that JSON holds as they are: no quote, backslash, control character or surrogate. */
const JSON_PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function json(s: string): string {
  return JSON_PLAIN.test(s) ? `"${s}"` : JSON.stringify(wellFormed(s));
}

function propsJson(props: Props): string {
  let out = '{';
  for (let i = 0; i < props.length; i++) {
    const [key, value] = props[i]!;
    out += `${i ? ',' : ''}${json(key)}:${typeof value === 'string' ? json(value) : Array.isArray(value) ? `[${value.map((v) => (typeof v === 'string' ? json(v) : JSON.stringify(v))).join(',')}]` : JSON.stringify(value)}`;
  }
  return `${out}}`;
}
