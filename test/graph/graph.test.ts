import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/synthetic.js';
import { buildGraph, type ModelGraph } from '../../src/graph/graph.js';
import { toGraphology } from '../../src/graph/graphology.js';
import { DEFAULT_LAYER } from '../../src/graph/layers.js';
import { loadModel } from '../../src/model/load.js';
import { compareRelations } from '../../src/model/normalize.js';
import { NODE_KINDS, RELATION_KINDS } from '../../src/model/schema.js';
import type { Model, Relation } from '../../src/model/types.js';

const root = join(import.meta.dirname, '../..');

function load(files: Record<string, string>): Model {
  const loaded = loadModel(Object.entries(files).map(([file, content]) => ({ file, content })));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n'));
  return loaded.model;
}

const designModel = load({ 'design.yaml': readFileSync(join(root, 'test/fixtures/design-example.yaml'), 'utf8') });
const design = buildGraph(designModel);
const edge = (g: ModelGraph, from: string, kind: string, to: string) => g.edges.filter((e) => e.from === from && e.kind === kind && e.to === to);

describe('the graph of the design example', () => {
  it('has one node per entity, in id order, with dense indices', () => {
    expect(design.nodes.map((n) => `${n.kind}:${n.id}`)).toEqual([
      'tool:kb-search',
      'data:kb',
      'owner:ml-platform',
      'tool:payments-api',
      'data:payments',
      'agent:refunds',
      'owner:security',
      'credential:stripe-key',
      'system:support-desk',
      'owner:support',
      'owner:support-ops',
      'tool:ticket-api',
      'data:tickets',
      'agent:triage',
      'credential:triage-svid',
      'credential:zendesk-token',
    ].sort((a, b) => (a.split(':')[1]! < b.split(':')[1]! ? -1 : 1)));
    expect(design.order).toBe(16);
    design.nodes.forEach((n, i) => {
      expect(n.index).toBe(i);
      expect(design.node(n.id)).toBe(n);
      expect(design.has(n.id)).toBe(true);
    });
    expect(design.has('nobody')).toBe(false);
    expect(design.node('nobody')).toBeUndefined();
  });

  it('has one typed edge per relation, carrying its controls and where it was declared', () => {
    expect(design.size).toBe(designModel.relations.length);
    const delegation = edge(design, 'triage', 'delegates_to', 'refunds');
    expect(delegation).toHaveLength(1);
    expect(delegation[0]!.attrs).toEqual({ on_behalf_of: true });
    expect(delegation[0]!.relation.declaredIn).toMatchObject({ file: 'design.yaml', path: ['agents', 0], line: 11, column: 5 });
    expect(delegation[0]!.relation.field).toBe('delegates_to');

    expect(edge(design, 'stripe-key', 'grants', 'payments')[0]!.attrs).toEqual({ access: 'admin' });
    expect(edge(design, 'zendesk-token', 'grants', 'tickets')[0]!.attrs).toEqual({ access: 'write' });
    expect(edge(design, 'kb-search', 'reads', 'kb')[0]!.attrs).toEqual({ access: 'read' });
    expect(edge(design, 'refunds', 'child_of', 'triage')).toHaveLength(1);
    expect(edge(design, 'triage', 'authenticates_with', 'triage-svid')).toHaveLength(1);
    // held_by: the holders authenticate with the key.
    expect(edge(design, 'refunds', 'authenticates_with', 'stripe-key')).toHaveLength(1);
    expect(edge(design, 'triage', 'authenticates_with', 'stripe-key')).toHaveLength(1);
    expect(edge(design, 'ml-platform', 'owns', 'stripe-key')[0]!.attrs).toEqual({ role: 'issuer' });
    expect(edge(design, 'support-ops', 'owns', 'triage').map((e) => e.attrs.role)).toEqual(['operator', 'shutdown']);
    // The only system: every agent without one is part of it, marked as implicit.
    expect(edge(design, 'triage', 'part_of', 'support-desk')[0]!.attrs).toEqual({ implicit: true });
    expect(design.edges.filter((e) => e.kind === 'part_of').map((e) => e.from)).toEqual(['refunds', 'triage']);
  });

  it('orders edges by source, kind and target, with dense indices and resolved ends', () => {
    design.edges.forEach((e, i) => {
      expect(e.index).toBe(i);
      expect(design.nodes[e.source]!.id).toBe(e.from);
      expect(design.nodes[e.target]!.id).toBe(e.to);
      if (i > 0) expect(compareRelations(design.edges[i - 1]!.relation, e.relation)).toBeLessThan(0);
    });
  });

  it('answers the query surface', () => {
    expect(design.outEdgesOf('triage', 'invokes').map((e) => e.to)).toEqual(['kb-search', 'ticket-api']);
    expect(design.outEdgesOf('triage').map((e) => `${e.kind}:${e.to}`)).toEqual([
      'authenticates_with:stripe-key',
      'authenticates_with:triage-svid',
      'delegates_to:refunds',
      'invokes:kb-search',
      'invokes:ticket-api',
      'part_of:support-desk',
    ]);
    expect(design.inEdgesOf('stripe-key', 'authenticates_with').map((e) => e.from)).toEqual(['payments-api', 'refunds', 'triage']);
    expect(design.inEdgesOf('payments').map((e) => `${e.from}:${e.kind}`)).toEqual(['stripe-key:grants']);
    expect(design.outEdgesOf('nobody')).toEqual([]);
    expect(design.inEdgesOf('nobody', 'owns')).toEqual([]);
    expect(design.targets('refunds', 'invokes').map((n) => n.id)).toEqual(['payments-api']);
    expect(design.sources('refunds', 'delegates_to').map((n) => n.id)).toEqual(['triage']);

    expect(design.ownersOf('refunds').map((o) => `${o.role}:${o.owner.id}`)).toEqual(['operator:ml-platform']);
    expect(design.ownersOf('triage', 'business').map((o) => o.owner.id)).toEqual(['support']);
    expect(design.ownersOf('triage').map((o) => `${o.role}:${o.owner.id}`).sort()).toEqual([
      'business:support',
      'creator:ml-platform',
      'operator:support-ops',
      'shutdown:support-ops',
    ]);
    expect(design.ownersOf('payments')).toEqual([]);

    expect(design.nodesOf('agent').map((n) => n.id)).toEqual(['refunds', 'triage']);
    expect(design.nodesOf('credential').map((n) => n.id)).toEqual(['stripe-key', 'triage-svid', 'zendesk-token']);
    expect(design.nodesOf('model')).toEqual([]);
    expect(design.nodesOf('agent')[0]!.spec.can_add_tools).toBe(true);

    for (const n of design.nodes) {
      expect([...design.outIndex(n.index)].map((i) => design.edges[i]!)).toEqual(design.outEdgesOf(n.id));
      expect([...design.inIndex(n.index)].map((i) => design.edges[i]!)).toEqual(design.inEdgesOf(n.id));
      // One kind's edges are the row's edges of that kind, in the same order, for every kind.
      for (const kind of RELATION_KINDS) {
        expect([...design.outIndex(n.index, kind)].map((i) => design.edges[i]!)).toEqual(design.outEdgesOf(n.id).filter((e) => e.kind === kind));
        expect([...design.inIndex(n.index, kind)].map((i) => design.edges[i]!)).toEqual(design.inEdgesOf(n.id).filter((e) => e.kind === kind));
      }
    }
    expect([...design.outIndex(design.node('triage')!.index, 'invokes')].map((i) => design.edges[i]!.to)).toEqual(['kb-search', 'ticket-api']);
    expect(design.firstTarget('triage', 'invokes')?.id).toBe('kb-search');
    expect(design.firstTarget(design.node('triage')!, 'authenticates_with')?.id).toBe(design.targets('triage', 'authenticates_with')[0]!.id);
    expect(design.firstTarget('triage', 'child_of')).toBeUndefined();
    expect(design.firstTarget('no-such-node', 'invokes')).toBeUndefined();
    const triage = design.node('triage')!.index;
    expect(design.someOutEdge(triage, 'invokes', (e) => e.to === 'ticket-api')).toBe(true);
    expect(design.someOutEdge(triage, 'invokes', (e) => e.to === 'stripe-key')).toBe(false);
    expect(design.someOutEdge(triage, 'authenticates_with', (e) => e.to === 'stripe-key')).toBe(true);
    expect(design.someInEdge(triage, 'owns', (e) => e.attrs.role === 'shutdown')).toBe(true);
    expect(design.someInEdge(design.node('payments')!.index, 'owns', () => true)).toBe(false);
    expect(design.accepted.map((a) => a.finding)).toEqual(['static-credential@stripe-key']);
    expect(design.files).toEqual(['design.yaml']);
  });
});

describe('MAESTRO layers', () => {
  it('places each kind on its layer, logs on evaluation and observability, and honours an override', () => {
    const g = buildGraph(
      load({
        'm.yaml': [
          'version: 1',
          'system: { id: sys }',
          'owners: [{ id: team }]',
          'boundaries: [{ id: prod }]',
          'models: [{ id: llm }, { id: tuned, layer: 3 }]',
          'agents: [{ id: bot }, { id: edge-bot, layer: 4 }]',
          'tools: [{ id: search }]',
          'credentials: [{ id: key, type: api-key }]',
          'data: [{ id: kb }, { id: audit, kind: log }, { id: vault, kind: log, layer: 6 }]',
          '',
        ].join('\n'),
      }),
    );
    const layers = Object.fromEntries(g.nodes.map((n) => [n.id, n.layer]));
    expect(layers).toEqual({ sys: 7, team: 6, prod: 4, llm: 1, tuned: 3, bot: 3, 'edge-bot': 4, search: 3, key: 6, kb: 2, audit: 5, vault: 6 });
    for (const kind of NODE_KINDS) expect(DEFAULT_LAYER[kind]).toBeGreaterThanOrEqual(1);
  });
});

describe('graphology view', () => {
  it('has the same nodes and edges, with kinds, layers, labels and controls', () => {
    const g = toGraphology(design);
    expect(g.order).toBe(design.order);
    expect(g.size).toBe(design.size);
    expect(g.nodes()).toEqual(design.nodes.map((n) => n.id));
    expect(g.getNodeAttributes('triage')).toEqual({ kind: 'agent', layer: 3, label: 'triage' });
    const edges = g.mapEdges((_key, attrs, source, target) => [source, attrs.kind, target, attrs]);
    expect(edges).toEqual(
      design.edges.map((e) => {
        const { implicit: _implicit, ...controls } = e.attrs;
        return [e.from, e.kind, e.to, { kind: e.kind, ...controls }];
      }),
    );
  });
});

describe('building', () => {
  it('gives the same graph for a model put together by hand as for a loaded one', () => {
    const model = load({ 'm.json': JSON.stringify(generateModel({ nodes: 300, seed: 5 })) });
    const loaded = buildGraph(model);
    // A copy of the relation list is not the loader's: ends are looked up by id.
    const byHand = buildGraph({ ...model, relations: [...model.relations] });
    expect(byHand.edges.map((e) => [e.source, e.target, e.kind])).toEqual(loaded.edges.map((e) => [e.source, e.target, e.kind]));
    for (const n of loaded.nodes) expect(byHand.outEdgesOf(n.id).map((e) => e.index)).toEqual(loaded.outEdgesOf(n.id).map((e) => e.index));
  });

  it('resolves the ends right even if the relation list was changed in place after loading', () => {
    const model = load({ 'm.json': JSON.stringify(generateModel({ nodes: 300, seed: 6 })) });
    (model.relations as Relation[]).reverse();
    const g = buildGraph(model);
    for (const e of g.edges) {
      expect(g.nodes[e.source]!.id).toBe(e.from);
      expect(g.nodes[e.target]!.id).toBe(e.to);
    }
  });

  it('scales linearly: a 10k-node, 100k-relation model graphs in well under a second', () => {
    const model = load({ 'm.json': JSON.stringify(generateModel({ nodes: 10_000, seed: 3 })) });
    const started = performance.now();
    const g = buildGraph(model);
    expect(g.order).toBe(10_000);
    expect(g.size).toBeGreaterThan(95_000);
    // Generous: the shared test machine is slow; a quadratic build would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
