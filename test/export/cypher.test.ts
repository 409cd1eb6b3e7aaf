import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherString } from '../../src/export/index.js';
import { KIND_LABEL, RELATION_TYPE, STEP_TYPE, TAINTED_TYPE } from '../../src/export/vocabulary.js';
import { cypherSyntaxErrors, statements, unwindRows } from './cypher-parse.js';
import { exported, HOSTILE, referenceModels, ROOT } from './helpers.js';

interface NodeRow {
  id: string;
  props: Record<string, unknown>;
}
interface EdgeRow {
  from: string;
  to: string;
  key?: number;
  props: Record<string, unknown>;
}

const TYPES = new Set([...Object.values(RELATION_TYPE), ...Object.values(STEP_TYPE), TAINTED_TYPE]);
const LABELS = new Set(['StewardNode', 'TaintedState', ...Object.values(KIND_LABEL)]);

/** The script's statements, checked for shape, with their rows read back. */
function readScript(script: string): { nodes: NodeRow[]; edges: { type: string; row: EdgeRow }[] } {
  const all = statements(script);
  const nodes: NodeRow[] = [];
  const edges: { type: string; row: EdgeRow }[] = [];
  let constraints = 0;
  for (const [i, st] of all.entries()) {
    expect(st.endsWith(';'), st.slice(0, 80)).toBe(true);
    if (st.includes('CREATE CONSTRAINT')) {
      expect(i, 'constraints come first').toBe(constraints++);
      expect(st).toMatch(/^(\/\/[^\n]*\n)*CREATE CONSTRAINT steward_[a-z]+_id IF NOT EXISTS FOR \(n:[A-Za-z]+\) REQUIRE n\.id IS UNIQUE;$/);
      continue;
    }
    expect(st.slice(st.lastIndexOf('\n] AS row'))).not.toMatch(/\bCREATE\b|\bDELETE\b|\bREMOVE\b/);
    const node = /\nMERGE \(n:StewardNode \{id: row\.id\}\)\nSET n = row\.props, n:([A-Za-z]+);$/.exec(st);
    const rel = /\nMATCH \(a:StewardNode \{id: row\.from\}\)\nMATCH \(b:StewardNode \{id: row\.to\}\)\nMERGE \(a\)-\[r:([A-Z_]+)( \{key: row\.key\})?\]->\(b\)\nSET r = row\.props;$/.exec(st);
    expect(node || rel, st.slice(-200)).toBeTruthy();
    if (node) {
      expect(LABELS.has(node[1]!)).toBe(true);
      nodes.push(...(unwindRows(st) as NodeRow[]));
    } else {
      expect(TYPES.has(rel![1]!)).toBe(true);
      for (const row of unwindRows(st) as EdgeRow[]) edges.push({ type: rel![1]!, row });
    }
  }
  expect(constraints).toBe(1 + Object.keys(KIND_LABEL).length);
  return { nodes, edges };
}

/** An UNWIND statement cut to its first `n` rows (each row is one line: line breaks are escaped). */
function firstRows(statement: string, n: number): string {
  const lines = statement.split('\n');
  if (lines[0] !== 'UNWIND [') return statement;
  const end = lines.indexOf('] AS row');
  const rows = lines.slice(1, Math.min(end, 1 + n)).map((row, i, all) => (i === all.length - 1 ? row.replace(/,$/, '') : row));
  return [lines[0], ...rows, ...lines.slice(end)].join('\n');
}

describe('export --format cypher', () => {
  it('is caught by the syntax check when broken', () => {
    expect(cypherSyntaxErrors("UNWIND [{id: 'a'}] AS row MERGE (n:StewardNode {id: row.id});")).toEqual([]);
    expect(cypherSyntaxErrors("UNWIND [{id: 'a}] AS row MERGE (n:StewardNode {id: row.id});").length).toBeGreaterThan(0);
    expect(cypherSyntaxErrors("UNWIND [{id: 'a'] AS row MERGE (n {id: row.id});").length).toBeGreaterThan(0);
  });

  it("parses with Neo4j's Cypher parser: every statement shape of every reference model", async () => {
    // Neo4j's front end is slow (about 1 s per 1.5 kB of map literals): it reads one statement of
    // each shape, cut to one row. \`readScript\` holds every statement to these shapes and reads every
    // row back; the hostile model is parsed whole below.
    const shapes = new Map<string, string>();
    for (const model of referenceModels()) {
      for (const st of statements(await exported('cypher', [`models/${model}`]))) {
        const shape = st.includes('] AS row') ? st.slice(st.lastIndexOf('\n] AS row')) : st;
        if (!shapes.has(shape)) shapes.set(shape, firstRows(st, 1));
      }
    }
    expect(shapes.size).toBeGreaterThan(30);
    expect(cypherSyntaxErrors([...shapes.values()].join('\n'))).toEqual([]);
  }, 120_000);

  it.each(referenceModels())('merges every node and relation once: %s', async (model) => {
    const script = await exported('cypher', [`models/${model}`]);
    const { nodes, edges } = readScript(script);
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    for (const n of nodes) expect(n.props.id).toBe(n.id);
    // Every MERGE key is distinct: a second run finds each node and relationship and changes nothing.
    const keys = new Set(edges.map(({ type, row }) => `${type}|${row.from}|${row.to}|${row.key ?? ''}`));
    expect(keys.size).toBe(edges.length);
    for (const { row } of edges) {
      expect(ids.has(row.from), row.from).toBe(true);
      expect(ids.has(row.to), row.to).toBe(true);
    }
    const og = JSON.parse(await exported('opengraph', [`models/${model}`]));
    expect(nodes.length).toBe(og.graph.nodes.length);
    expect(edges.length).toBe(og.graph.edges.length);
  });

  it('carries layers, owners, finding counts and controls as properties', async () => {
    const { nodes, edges } = readScript(await exported('cypher', ['models/support-desk']));
    const triage = nodes.find((n) => n.id === 'triage-agent')!;
    expect(triage.props).toMatchObject({ steward_kind: 'agent', layer: 3, entry_point: true, accountable: true });
    expect(triage.props.finding_count).toBeGreaterThan(0);
    expect(triage.props.owners_business).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(edges.some(({ type, row }) => type === 'OWNS' && typeof row.props.role === 'string')).toBe(true);
    expect(edges.some(({ type, row }) => type === 'STEP_USE_CREDENTIAL' && typeof row.props.likelihood === 'number')).toBe(true);
  });

  it('escapes hostile names so that Neo4j parses them and they read back exactly', async () => {
    const script = await exported('cypher', [HOSTILE]);
    expect(cypherSyntaxErrors(script)).toEqual([]);
    const model = JSON.parse(readFileSync(join(ROOT, HOSTILE), 'utf8'));
    const { nodes, edges } = readScript(script);
    const props = (id: string) => nodes.find((n) => n.id === id)!.props;
    expect(props('hostile-sys').name).toBe(model.system.name);
    expect(props('a.1').name).toBe(model.agents[0].name);
    expect(props('a.1').tags).toEqual(model.agents[0].tags);
    expect(props('a.1').purpose).toBe(model.agents[0].purpose.replace(/[\ud800-\udfff]/g, '\ufffd'));
    expect(props('b_2').name).toBe(model.agents[1].name);
    expect(props('plat').name).toBe(model.owners[1].name);
    expect(props('pay-api').url).toBe(model.tools[0].url);
    const invoke = edges.find(({ type, row }) => type === 'INVOKES' && row.from === 'a.1')!;
    expect(invoke.row.props.note).toBe(model.agents[0].tools[0].note);
    expect(invoke.row.props.scopes).toEqual(model.agents[0].tools[0].scopes);
  });

  it('writes string literals that Cypher reads as the same string', () => {
    for (const s of ["a'b", 'a"b', 'a\\b', '\\\'', 'x\ny\r\tz', '\u0000\u001f\u007f', '\u2028', '日本 🚀', '`', "'); MATCH (n) DETACH DELETE n //"]) {
      const literal = cypherString(s);
      expect(cypherSyntaxErrors(`RETURN ${literal} AS x;`)).toEqual([]);
      expect(unwindRows(`UNWIND [${literal}] AS x`)).toEqual([s]);
    }
  });
});
