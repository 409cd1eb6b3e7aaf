import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypherSyntaxErrors, statements, unwindRows } from './cypher-parse.js';
import { exported, referenceModels, ROOT } from './helpers.js';
import { KIND_LABEL, NODE_LABEL, RELATION_TYPE, STEP_TYPE, TAINTED_LABEL, TAINTED_TYPE } from '../../src/export/vocabulary.js';

const doc = readFileSync(join(ROOT, 'docs', 'export.md'), 'utf8');
const queries = [...doc.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => m[1]!);

/**
 * Labels and relationship types the export can write (its fixed vocabulary: not every step occurs
 * in the reference models), and the property names the reference models' exports hold.
 */
async function vocabulary(): Promise<{ labels: Set<string>; types: Set<string>; props: Set<string> }> {
  const labels = new Set<string>([NODE_LABEL, TAINTED_LABEL, ...Object.values(KIND_LABEL)]);
  const types = new Set<string>([...Object.values(RELATION_TYPE), ...Object.values(STEP_TYPE), TAINTED_TYPE]);
  const props = new Set<string>(['id', 'key']);
  for (const model of referenceModels()) {
    for (const st of statements(await exported('cypher', [`models/${model}`]))) {
      if (!st.startsWith('UNWIND')) continue;
      for (const row of unwindRows(st) as { props: Record<string, unknown> }[]) for (const k of Object.keys(row.props)) props.add(k);
    }
  }
  return { labels, types, props };
}

describe('docs/export.md', () => {
  it('has the Cypher queries for Steward’s top questions', () => {
    expect(queries.length).toBeGreaterThanOrEqual(5);
    expect(doc).toMatch(/nobody is accountable/);
    expect(doc).toMatch(/issued their credentials/);
    expect(doc).toMatch(/shared between agents/);
    expect(doc).toMatch(/entry points to crown jewels/);
  });

  it("has queries that Neo4j's parser accepts", () => {
    for (const q of queries) expect(cypherSyntaxErrors(q), q).toEqual([]);
  }, 60_000);

  it('asks only for labels, relationship types and properties that the export writes', async () => {
    const known = await vocabulary();
    for (const q of queries) {
      for (const m of q.matchAll(/\(\w*:([A-Za-z]+)/g)) expect(known.labels.has(m[1]!), `label ${m[1]}`).toBe(true);
      for (const m of q.matchAll(/\[\w*:([A-Z_|]+)/g)) for (const t of m[1]!.split('|')) expect(known.types.has(t), `type ${t}`).toBe(true);
      for (const m of q.matchAll(/\b[a-z]\.([a-z_]+)\b/g)) expect(known.props.has(m[1]!), `property ${m[1]}`).toBe(true);
      for (const m of q.matchAll(/\{([a-z_]+):/g)) expect(known.props.has(m[1]!), `property ${m[1]}`).toBe(true);
    }
  });
});
