import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { exported, HOSTILE, referenceModels, ROOT } from './helpers.js';

interface Key {
  for: string;
  name: string;
  type: string;
}
interface Element {
  attrs: Record<string, string>;
  data: Map<string, string>;
}
interface GraphML {
  root: Record<string, string>;
  keys: Map<string, Key>;
  graph: Record<string, string>;
  nodes: Element[];
  edges: Element[];
}

/** Parses a GraphML document with a strict XML 1.0 parser (saxes): any well-formedness error throws. */
function parseGraphML(xml: string): GraphML {
  const parser = new SaxesParser({ xmlns: false });
  const doc: GraphML = { root: {}, keys: new Map(), graph: {}, nodes: [], edges: [] };
  let current: Element | undefined;
  let dataKey: string | undefined;
  let text = '';
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (tag.name === 'graphml') doc.root = attrs;
    else if (tag.name === 'key') {
      expect(doc.keys.has(attrs.id!), `duplicate key ${attrs.id}`).toBe(false);
      doc.keys.set(attrs.id!, { for: attrs.for!, name: attrs['attr.name']!, type: attrs['attr.type']! });
    } else if (tag.name === 'graph') doc.graph = attrs;
    else if (tag.name === 'node' || tag.name === 'edge') {
      current = { attrs, data: new Map() };
      (tag.name === 'node' ? doc.nodes : doc.edges).push(current);
    } else if (tag.name === 'data') {
      dataKey = attrs.key;
      text = '';
    } else throw new Error(`unexpected element <${tag.name}>`);
  });
  parser.on('text', (t) => {
    if (dataKey !== undefined) text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'data') {
      expect(current!.data.has(dataKey!), `data ${dataKey} twice`).toBe(false);
      current!.data.set(dataKey!, text);
      dataKey = undefined;
    }
  });
  parser.write(xml).close();
  return doc;
}

/** Checks the document's internal consistency and returns each element's typed values by name. */
function typedValues(doc: GraphML, el: Element, domain: 'node' | 'edge'): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [id, raw] of el.data) {
    const key = doc.keys.get(id);
    expect(key, `undeclared key ${id}`).toBeDefined();
    expect(key!.for).toBe(domain);
    if (key!.type === 'int') {
      expect(raw).toMatch(/^-?\d+$/);
      out.set(key!.name, Number(raw));
    } else if (key!.type === 'double') {
      expect(Number.isFinite(Number(raw))).toBe(true);
      out.set(key!.name, Number(raw));
    } else if (key!.type === 'boolean') {
      expect(['true', 'false']).toContain(raw);
      out.set(key!.name, raw === 'true');
    } else {
      expect(key!.type).toBe('string');
      out.set(key!.name, raw);
    }
  }
  return out;
}

function check(xml: string): GraphML {
  const doc = parseGraphML(xml);
  expect(doc.root.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
  expect(doc.graph.edgedefault).toBe('directed');
  expect(xml.indexOf('<key ')).toBeLessThan(xml.indexOf('<graph '));
  const ids = new Set(doc.nodes.map((n) => n.attrs.id!));
  expect(ids.size).toBe(doc.nodes.length);
  const edgeIds = new Set(doc.edges.map((e) => e.attrs.id!));
  expect(edgeIds.size).toBe(doc.edges.length);
  for (const e of doc.edges) {
    expect(ids.has(e.attrs.source!), e.attrs.source).toBe(true);
    expect(ids.has(e.attrs.target!), e.attrs.target).toBe(true);
  }
  for (const n of doc.nodes) typedValues(doc, n, 'node');
  for (const e of doc.edges) typedValues(doc, e, 'edge');
  return doc;
}

describe('export --format graphml', () => {
  it('is refused by the parser when malformed', () => {
    expect(() => parseGraphML('<graphml><node id="a"></graphml>')).toThrow();
    expect(() => parseGraphML('<graphml><key id="a&b"/></graphml>')).toThrow();
    expect(() => parseGraphML('<graphml>\u0001</graphml>')).toThrow();
  });

  it.each(referenceModels())('parses as strict XML with typed keys, and has the nodes and edges of the graph: %s', async (model) => {
    const doc = check(await exported('graphml', [`models/${model}`]));
    const og = JSON.parse(await exported('opengraph', [`models/${model}`]));
    expect(doc.nodes.length).toBe(og.graph.nodes.length);
    expect(doc.edges.length).toBe(og.graph.edges.length);
    const types = new Map([...doc.keys.values()].map((k) => [`${k.for}:${k.name}`, k.type]));
    expect(types.get('node:layer')).toBe('int');
    expect(types.get('node:finding_count')).toBe('int');
    expect(types.get('node:entry_point')).toBe('boolean');
    expect(types.get('edge:likelihood')).toBe('double');
    expect(types.get('node:name')).toBe('string');
  });

  it('round-trips typed values', async () => {
    const doc = check(await exported('graphml', ['models/support-desk']));
    const triage = doc.nodes.find((n) => n.attrs.id === 'triage-agent')!;
    const values = typedValues(doc, triage, 'node');
    expect(values.get('steward_kind')).toBe('agent');
    expect(values.get('layer')).toBe(3);
    expect(values.get('entry_point')).toBe(true);
    expect(values.get('finding_count')).toBeGreaterThan(0);
    const step = doc.edges.map((e) => typedValues(doc, e, 'edge')).find((v) => v.get('edge_type') === 'step:use-credential')!;
    expect(step.get('likelihood')).toBeGreaterThan(0);
    expect(step.get('likelihood')).toBeLessThanOrEqual(1);
  });

  it('escapes hostile names: each reads back as written, characters XML cannot hold as U+FFFD', async () => {
    const xml = await exported('graphml', [HOSTILE]);
    const doc = check(xml);
    const model = JSON.parse(readFileSync(join(ROOT, HOSTILE), 'utf8'));
    const value = (id: string, name: string) => typedValues(doc, doc.nodes.find((n) => n.attrs.id === id)!, 'node').get(name);
    expect(value('hostile-sys', 'name')).toBe(model.system.name);
    expect(value('a.1', 'name')).toBe(model.agents[0].name);
    expect(value('a.1', 'purpose')).toBe(model.agents[0].purpose.replace(/[\ud800-\udfff]/g, '\ufffd'));
    expect(value('a.1', 'tags')).toBe(JSON.stringify(model.agents[0].tags));
    expect(value('b_2', 'name')).toBe(model.agents[1].name);
    expect(value('team-a', 'name')).toBe(model.owners[0].name);
    expect(value('plat', 'name')).toBe('Plat\ufffdform\ufffd\ufffd\ufffd\u007f');
    expect(value('pay-api', 'url')).toBe(model.tools[0].url);
    expect(value('svid', 'spiffe_id')).toBe(model.credentials[0].spiffe_id);
  });
});
