import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyzePaths } from '../../src/analysis/paths/index.js';
import { STEPS } from '../../src/analysis/paths/traversal.js';
import { decodeOpenGraphId, encodeOpenGraphId, openGraphExtension } from '../../src/export/index.js';
import { buildGraph } from '../../src/graph/graph.js';
import { loadModel } from '../../src/model/load.js';
import { readModelSources } from '../../src/io/read.js';
import { cli } from '../helpers/cli.js';
import { AS_OF, exported, FIXTURES, HOSTILE, referenceModels, ROOT, type OpenGraphDocument } from './helpers.js';

/** The published node and edge schemas (vendored, see test/fixtures/export/README.md). */
function validators() {
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  const node = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'opengraph-node.json'), 'utf8')));
  const edge = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'opengraph-edge.json'), 'utf8')));
  // BloodHound's metadata schema (upload/jsonschema/metadata.json): source_kind and nothing else.
  const metadata = ajv.compile({ type: 'object', properties: { source_kind: { type: ['string', 'null'] } }, additionalProperties: false });
  return { node, edge, metadata };
}

const KIND = /^Stwd_[A-Za-z0-9]+$/;

/** Every rule of the OpenGraph format that the JSON Schemas do not say, from BloodHound's docs. */
function checkDocument(doc: OpenGraphDocument): void {
  const v = validators();
  expect(Object.keys(doc).sort()).toEqual(['graph', 'metadata']);
  expect(v.metadata(doc.metadata), JSON.stringify(v.metadata.errors)).toBe(true);
  expect(doc.metadata.source_kind).toBe('Stwd');
  const ext = openGraphExtension();
  const nodeKinds = new Set(ext.node_kinds.map((k) => k.name));
  const edgeKinds = new Set(ext.relationship_kinds.map((k) => k.name));
  const ids = new Set<string>();
  for (const node of doc.graph.nodes) {
    expect(v.node(node), `${node.id}: ${JSON.stringify(v.node.errors)}`).toBe(true);
    expect(node.id).not.toContain(':');
    expect(ids.has(node.id), `duplicate id ${node.id}`).toBe(false);
    ids.add(node.id);
    expect(node.kinds.length).toBeGreaterThanOrEqual(1);
    expect(node.kinds.length).toBeLessThanOrEqual(3);
    for (const kind of node.kinds) {
      expect(kind).toMatch(KIND);
      expect(kind.toLowerCase().startsWith('tag_')).toBe(false);
      expect(nodeKinds.has(kind), kind).toBe(true);
    }
    for (const [key, value] of Object.entries(node.properties)) {
      expect(['objectid', 'lastseen', 'reconcile']).not.toContain(key);
      expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(value).not.toBeNull();
      if (Array.isArray(value)) expect(new Set(value.map((x) => typeof x)).size).toBeLessThanOrEqual(1);
      else expect(['string', 'number', 'boolean']).toContain(typeof value);
    }
  }
  for (const edge of doc.graph.edges) {
    expect(v.edge(edge), JSON.stringify(v.edge.errors)).toBe(true);
    expect(edge.kind).toMatch(KIND);
    expect(edgeKinds.has(edge.kind), edge.kind).toBe(true);
    expect(edge.start.match_by).toBe('id');
    expect(edge.end.match_by).toBe('id');
    expect(ids.has(edge.start.value), `missing start ${edge.start.value}`).toBe(true);
    expect(ids.has(edge.end.value), `missing end ${edge.end.value}`).toBe(true);
  }
}

describe('export --format opengraph', () => {
  it('uses schemas that reject what BloodHound rejects', () => {
    const v = validators();
    expect(v.node({ id: 'x', kinds: ['A', 'B', 'C', 'D'] })).toBe(false);
    expect(v.node({ id: 'x', kinds: ['A'], properties: { nested: { a: 1 } } })).toBe(false);
    expect(v.node({ id: 'x', kinds: ['A'], properties: { objectid: 'x' } })).toBe(false);
    expect(v.edge({ kind: 'Has-Dash', start: { value: 'a' }, end: { value: 'b' } })).toBe(false);
    expect(v.edge({ kind: 'Ok', start: { match_by: 'property', value: 'a' }, end: { value: 'b' } })).toBe(false);
    expect(v.metadata({ source_kind: 'Stwd', extra: 1 })).toBe(false);
  });

  it.each(referenceModels())('validates against the OpenGraph node and edge schemas: %s', async (model) => {
    const doc = JSON.parse(await exported('opengraph', [`models/${model}`])) as OpenGraphDocument;
    expect(doc.graph.nodes.length).toBeGreaterThan(10);
    expect(doc.graph.edges.length).toBeGreaterThan(10);
    checkDocument(doc);
  });

  it('has a node per entity and an edge per relation, plus the steps and their tainted states', async () => {
    const { sources } = readModelSources(['models/support-desk'], { cwd: ROOT });
    const loaded = loadModel(sources);
    if (!loaded.ok) throw new Error('reference model does not load');
    const graph = buildGraph(loaded.model);
    const doc = JSON.parse(await exported('opengraph', ['models/support-desk'])) as OpenGraphDocument;
    const entities = doc.graph.nodes.filter((n) => n.kinds[0] !== 'Stwd_TaintedState');
    expect(entities.map((n) => n.properties.steward_id)).toEqual(graph.nodes.map((n) => n.id));
    const relations = doc.graph.edges.filter((e) => !e.kind.startsWith('Stwd_Step') && e.kind !== 'Stwd_TaintedStateOf');
    expect(relations.length).toBe(graph.size);
    const plain = JSON.parse(await exported('opengraph', ['models/support-desk'], ['--no-steps'])) as OpenGraphDocument;
    expect(plain.graph.nodes.length).toBe(graph.order);
    expect(plain.graph.edges.length).toBe(graph.size);
  });

  it('marks exactly the compromise steps traversable, so BloodHound walks every path steward paths ranks', async () => {
    const ext = openGraphExtension();
    const traversable = ext.relationship_kinds.filter((k) => k.is_traversable).map((k) => k.name);
    expect(traversable.sort()).toEqual(STEPS.map((s) => `Stwd_Step${s.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`).sort());
    for (const k of ext.relationship_kinds) expect(k.name).toMatch(KIND);
    for (const k of ext.node_kinds) expect(k.name).toMatch(KIND);
    expect(ext.schema.namespace).toBe('Stwd');

    for (const model of ['support-desk', 'workload-identity-platform']) {
      const doc = JSON.parse(await exported('opengraph', [`models/${model}`])) as OpenGraphDocument;
      const { sources } = readModelSources([`models/${model}`], { cwd: ROOT });
      const loaded = loadModel(sources);
      if (!loaded.ok) throw new Error('reference model does not load');
      const analysis = analyzePaths(buildGraph(loaded.model));
      expect(analysis.paths.length).toBeGreaterThan(0);
      // Node ids by (steward id, state), and the traversable edges by (start, end).
      const idOf = new Map<string, string>();
      for (const n of doc.graph.nodes) idOf.set(`${n.properties.steward_id as string}/${(n.properties.state as string) ?? 'control'}`, n.id);
      const steps = new Map<string, string>();
      for (const e of doc.graph.edges) if (traversable.includes(e.kind)) steps.set(`${e.start.value}>${e.end.value}`, e.kind);
      for (const path of analysis.paths) {
        for (const [i, hop] of path.hops.entries()) {
          const from = idOf.get(`${path.nodes[i]!.id}/${path.nodes[i]!.state}`);
          const to = idOf.get(`${path.nodes[i + 1]!.id}/${path.nodes[i + 1]!.state}`);
          expect(from && to, `${path.id} hop ${i}`).toBeTruthy();
          expect(steps.get(`${from}>${to}`), `${path.id} hop ${i} (${hop.step})`).toBeDefined();
        }
      }
    }
  });

  it('encodes SPIFFE IDs and URLs into colon-free ids, reversibly, and keeps the original', async () => {
    const doc = JSON.parse(await exported('opengraph', [HOSTILE])) as OpenGraphDocument;
    checkDocument(doc);
    const svid = doc.graph.nodes.find((n) => n.properties.steward_id === 'svid')!;
    expect(svid.properties.nativeid).toBe('spiffe://corp.example/ns/o\'brien/"x"</key>]]>%3A');
    expect(decodeOpenGraphId(svid.id)).toBe(svid.properties.nativeid);
    expect(svid.kinds).toEqual(['Stwd_Credential', 'Stwd_WorkloadIdentity']);
    const tool = doc.graph.nodes.find((n) => n.properties.steward_id === 'pay-api')!;
    expect(decodeOpenGraphId(tool.id)).toBe('https://api.example.com:8443/v1/pay?x=1&y="2"#frag%20');
    expect(doc.graph.edges.some((e) => e.start.value === svid.id || e.end.value === svid.id)).toBe(true);
    for (const s of ['a:b', 'spiffe://x/y', '%3A', 'arn:aws:iam::1:role/x', 'é/#?']) expect(decodeOpenGraphId(encodeOpenGraphId(s))).toBe(s);
  });

  it('carries hostile names as written (lone surrogates as U+FFFD)', async () => {
    const doc = JSON.parse(await exported('opengraph', [HOSTILE])) as OpenGraphDocument;
    const model = JSON.parse(readFileSync(join(ROOT, HOSTILE), 'utf8'));
    const props = (id: string) => doc.graph.nodes.find((n) => n.properties.steward_id === id)!.properties;
    expect(props('hostile-sys').name).toBe(model.system.name);
    expect(props('a.1').name).toBe(model.agents[0].name);
    expect(props('a.1').purpose).toBe(model.agents[0].purpose.replace(/[\ud800-\udfff]/g, '\ufffd'));
    expect(props('a.1').tags).toEqual(model.agents[0].tags);
    expect(props('plat').name).toBe(model.owners[1].name);
    expect(props('store').name).toBe('arn:aws:s3:::bucket/key:with:colons');
  });

  it('writes the extension definition with --schema, and refuses --schema with another format', async () => {
    const r = await cli(['export', 'models/support-desk', '--format', 'opengraph', '--as-of', AS_OF, '-o', 'g.json', '--schema', 'ext.json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.files.get('ext.json')!)).toEqual(openGraphExtension());
    expect(JSON.parse(r.files.get('g.json')!).graph.nodes.length).toBeGreaterThan(0);
    expect(r.stdout).toBe('');
    const bad = await cli(['export', 'models/support-desk', '--format', 'cypher', '--schema', 'ext.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--schema');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
