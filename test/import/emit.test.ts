import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Draft, DraftEntity } from '../../src/import/draft.js';
import { combineDrafts, emitModel, formatWarning } from '../../src/import/emit.js';
import { unknownOwnerEntity } from '../../src/import/unknown-owner.js';
import { expectValidModel } from './helpers.js';

function tool(id: string, extra: Record<string, unknown> = {}, origin = 'a.json: tools.x', notes: string[] = []): DraftEntity {
  return { collection: 'tools', spec: { id, ...extra }, origin, notes } as DraftEntity;
}

describe('emitModel', () => {
  const draft: Draft = {
    entities: [
      tool('zeta', { actions: ['write', 'read'], name: 'Zeta' }),
      { collection: 'agents', spec: { id: 'client', tools: ['zeta', 'alpha'], name: 'Client' }, origin: 'a.json: the client', notes: ['Inferred: something.'] },
      tool('alpha'),
      unknownOwnerEntity(),
    ],
    warnings: [{ file: 'a.json', line: 3, column: 5, node: 'x', message: 'something odd' }],
  };
  const text = emitModel(draft, { sources: ['b.json', 'a.json'] });

  it('writes version 1, collections in a fixed order, entities by id, keys in schema order', () => {
    expect(text.indexOf('version: 1')).toBeLessThan(text.indexOf('owners:'));
    expect(text.indexOf('owners:')).toBeLessThan(text.indexOf('agents:'));
    expect(text.indexOf('agents:')).toBeLessThan(text.indexOf('tools:'));
    expect(text.indexOf('- id: alpha')).toBeLessThan(text.indexOf('- id: zeta'));
    expect(text).toContain('  - id: zeta\n    name: Zeta\n');
    expectValidModel(text);
  });

  it('comments each entity with its origin and notes, and the file with its sources and warnings', () => {
    expect(text).toContain('  # From a.json: the client.\n  # Inferred: something.\n  - id: client');
    expect(text.startsWith('# Drafted by `steward import` from a.json, b.json.\n')).toBe(true);
    expect(text).toContain('# - a.json:3:5: warning: something odd (node x)');
  });

  it('keeps comments on one line whatever the text, and quotes values that YAML would misread', () => {
    const nasty: Draft = {
      entities: [tool('t', { name: 'a: b # c\n- d', description: 'yes' }, 'evil\nversion: 2\n# x', ['line\r\nbreak\u2028sep'])],
      warnings: [],
    };
    const out = emitModel(nasty, { sources: ['x\ny.json'] });
    expectValidModel(out);
    const data = parse(out) as { version: number; tools: { name: string; description: string }[] };
    expect(data.version).toBe(1);
    expect(data.tools[0]).toMatchObject({ name: 'a: b # c\n- d', description: 'yes' });
    for (const line of out.split('\n')) expect(line.startsWith('version: 2')).toBe(false);
  });

  it('formats warnings the way the CLI prints them', () => {
    expect(formatWarning({ file: 'f.json', message: 'm' })).toBe('f.json: warning: m');
    expect(formatWarning({ file: 'f.json', line: 2, column: 7, node: 'n', message: 'm' })).toBe('f.json:2:7: warning: m (node n)');
  });
});

describe('combineDrafts', () => {
  it('merges one id in one collection: lists united, first scalar wins, origins and notes kept', () => {
    const a: Draft = { entities: [tool('x', { actions: ['read'], name: 'First' }, 'a.json', ['n1'])], warnings: [] };
    const b: Draft = { entities: [tool('x', { actions: ['write', 'read'], name: 'Second' }, 'b.json', ['n1', 'n2'])], warnings: [{ file: 'b.json', message: 'w' }] };
    const combined = combineDrafts([a, b]);
    expect(combined.entities).toEqual([{ collection: 'tools', spec: { id: 'x', actions: ['read', 'write'], name: 'First' }, origin: 'a.json; b.json', notes: ['n1', 'n2'] }]);
    expect(combined.warnings).toHaveLength(1);
  });

  it('gives an id used by another kind a suffix, and its own draft references follow', () => {
    const a: Draft = { entities: [{ collection: 'data', spec: { id: 'github' }, origin: 'a', notes: [] } as DraftEntity], warnings: [] };
    const b: Draft = {
      entities: [
        tool('github', { name: 'github' }),
        { collection: 'agents', spec: { id: 'client', name: 'github', tools: ['github'] }, origin: 'b', notes: [] } as DraftEntity,
        { collection: 'credentials', spec: { id: 'k', type: 'api-key', held_by: ['github'] }, origin: 'b', notes: [] } as DraftEntity,
      ],
      warnings: [],
    };
    const combined = combineDrafts([a, b]);
    const byId = new Map(combined.entities.map((e) => [e.spec.id, e.spec as unknown as Record<string, unknown>]));
    expect([...byId.keys()].sort()).toEqual(['client', 'github', 'github-2', 'k']);
    expect(byId.get('client')).toEqual({ id: 'client', name: 'github', tools: ['github-2'] });
    expect(byId.get('k')!.held_by).toEqual(['github-2']);
    expectValidModel(emitModel(combined, { sources: [] }));
  });
});
