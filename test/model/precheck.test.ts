import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/synthetic.js';
import { precheck } from '../../src/model/precheck.js';
import * as schema from '../../src/model/schema.js';

/**
 * The compiled pre-check stands in for zod on the loader's fast path: it must accept exactly what
 * zod accepts. (Rejecting more would only cost speed, accepting more would let invalid models in;
 * both are held to equality here.)
 */

const root = join(import.meta.dirname, '../..');
const SCHEMAS = {
  systems: schema.System,
  owners: schema.Owner,
  agents: schema.Agent,
  tools: schema.Tool,
  credentials: schema.Credential,
  data: schema.Data,
  models: schema.Model,
  boundaries: schema.Boundary,
  links: schema.Link,
  accepted: schema.Acceptance,
} as const;
type ListName = keyof typeof SCHEMAS;

function modelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modelFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Real entities: the reference models, the design example and a synthetic model. */
const corpus: { list: ListName; item: unknown }[] = [];
for (const file of [...modelFiles(join(root, 'models')), join(root, 'test/fixtures/design-example.yaml')]) {
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (doc.system) corpus.push({ list: 'systems', item: doc.system });
  for (const list of Object.keys(SCHEMAS) as ListName[]) for (const item of (doc[list] as unknown[] | undefined) ?? []) corpus.push({ list, item });
}
const synthetic = generateModel({ nodes: 200, seed: 4 }) as Record<string, unknown>;
for (const list of Object.keys(SCHEMAS) as ListName[]) for (const item of (synthetic[list] as unknown[] | undefined) ?? []) corpus.push({ list, item });

const agree = (s: z.ZodType, v: unknown) => expect(precheck(s)(v), JSON.stringify(v)).toBe(s.safeParse(v).success);

describe('precheck', () => {
  it('accepts every valid entity of the reference models, the design example and a synthetic model', () => {
    expect(corpus.length).toBeGreaterThan(300);
    for (const { list, item } of corpus) {
      expect(SCHEMAS[list].safeParse(item).success).toBe(true);
      expect(precheck(SCHEMAS[list])(item)).toBe(true);
    }
  });

  it('agrees with zod on mutated entities', () => {
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), key: fc.nat() }),
      fc.record({ op: fc.constant('set' as const), key: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ op: fc.constant('add' as const), key: fc.constantFrom('colour', '__proto__', 'constructor', 'toString', 'idd', 'tool'), value: fc.jsonValue({ maxDepth: 1 }) }),
      fc.record({ op: fc.constant('item' as const), key: fc.nat(), index: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('ok-id', '__proto__', '', 'x'.repeat(200), 'bad id')) }),
      fc.record({ op: fc.constant('deep' as const), key: fc.nat(), value: fc.constantFrom(1, 0, 8, 2.5, -1, 'never', '90d', '2026-02-30', 'spiffe://a/b', 'spiffe:/x', true, null, 'read', 'admin', 'owner') }),
    );
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (pick, mutations) => {
        const { list, item } = corpus[pick]!;
        const v = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
        for (const m of mutations) {
          const keys = Object.keys(v);
          const key = m.op === 'add' ? m.key : keys[m.key % Math.max(1, keys.length)];
          if (key === undefined) continue;
          if (m.op === 'delete') delete v[key];
          else if (m.op === 'set' || m.op === 'add') Object.defineProperty(v, key, { value: m.value, enumerable: true, writable: true, configurable: true });
          else if (m.op === 'item' && Array.isArray(v[key])) {
            const arr = v[key] as unknown[];
            if (arr.length) arr[m.index % arr.length] = m.value;
          } else if (m.op === 'deep') {
            const inner = v[key];
            if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
              const innerKeys = Object.keys(inner);
              if (innerKeys.length) (inner as Record<string, unknown>)[innerKeys[0]!] = m.value;
            } else v[key] = m.value;
          }
        }
        agree(SCHEMAS[list], v);
      }),
      { seed: 99, numRuns: 3000 },
    );
  });

  it('agrees with zod on arbitrary values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(SCHEMAS) as ListName[])), fc.anything({ maxDepth: 2 }), (list, v) => {
        agree(SCHEMAS[list], v);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });

  it('holds the corners: reserved ids, integer ranges, refinements, strictness, required fields', () => {
    agree(schema.Agent, { id: '__proto__' });
    agree(schema.Agent, { id: 'a', layer: 7 });
    agree(schema.Agent, { id: 'a', layer: 8 });
    agree(schema.Agent, { id: 'a', layer: 2.5 });
    agree(schema.Agent, { id: 'a', layer: Number.NaN });
    agree(schema.Agent, { id: 'a', layer: Number.POSITIVE_INFINITY });
    agree(schema.Agent, JSON.parse('{"id": "a", "__proto__": {"x": 1}}'));
    agree(schema.Credential, { id: 'k', type: 'api-key', grants: [{ data: 'd', access: 'read' }] });
    agree(schema.Credential, { id: 'k', type: 'api-key', grants: [{ data: 'd', tool: 't', access: 'read' }] });
    agree(schema.Credential, { id: 'k', type: 'api-key', grants: [{ access: 'read' }] });
    agree(schema.Credential, { id: 'k' });
    agree(schema.Acceptance, { finding: 'x@y', justification: 'long enough reason', approver: 'sec', expires: '2027-01-01' });
    agree(schema.Acceptance, { finding: 'x@y', justification: 'short', approver: 'sec', expires: '2027-01-01' });
    agree(schema.Tool, { id: 't', approval: { required: true, min_approvers: 0 } });
    agree(schema.Tool, { id: 't', approval: true });
    agree(schema.Agent, Object.assign(Object.create({ inherited: 1 }), { id: 'a' }));
    agree(schema.Agent, [{ id: 'a' }]);
    agree(schema.Agent, null);
    agree(schema.ModelFile, { version: 1 });
    agree(schema.ModelFile, { version: 2 });
  });

  it('defers to zod for what it cannot compile', () => {
    const custom = z.object({ n: z.number().multipleOf(3), s: z.string().email(), t: z.string().transform((x) => x.length) });
    agree(custom, { n: 3, s: 'a@b.co', t: 'x' });
    agree(custom, { n: 4, s: 'a@b.co', t: 'x' });
    agree(custom, { n: 3, s: 'not-mail', t: 'x' });
    const loose = z.looseObject({ a: z.string() });
    agree(loose, { a: 'x', extra: 1 });
    agree(z.object({ a: z.string() }), { a: 'x', extra: 1 });
    agree(z.record(z.string(), z.number()), { a: 1 });
    agree(z.array(z.string()).min(2), ['a']);
    agree(z.string().min(2).max(3), 'abcd');
  });
});
