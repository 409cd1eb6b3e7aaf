import { describe, expect, it } from 'vitest';
import type { Draft, DraftEntity } from '../../src/import/draft.js';
import { ImportError } from '../../src/import/draft.js';
import { mergeIntoModel } from '../../src/import/merge.js';
import { unknownOwnerEntity } from '../../src/import/unknown-owner.js';
import { expectValidModel } from './helpers.js';

const USER = `# My model: hand written.
version: 1
owners:
- id: platform   # the platform team
  kind: platform
agents:
    -   id: client
        name: "Alex's client"
        owners: { business: platform }   # mine
        tools: [github]
tools:
  - { id: github, actions: [read] }

  # a trailing comment in the list
data:
  - id: fetch
    classification: public
`;

const draft: Draft = {
  entities: [
    unknownOwnerEntity(),
    { collection: 'agents', spec: { id: 'client', name: 'Drafted client', tools: ['github', 'fetch'] }, origin: 'c.json', notes: [] },
    { collection: 'tools', spec: { id: 'github', actions: ['read', 'write'] }, origin: 'c.json', notes: [] },
    { collection: 'tools', spec: { id: 'fetch', actions: ['browse'], data: [{ data: 'fetch-files', access: 'write' }] }, origin: 'c.json', notes: ['from a package'] },
    { collection: 'data', spec: { id: 'fetch-files', classification: 'confidential' }, origin: 'c.json', notes: [] },
    { collection: 'credentials', spec: { id: 'token', type: 'api-key', held_by: ['fetch', 'github'] }, origin: 'c.json', notes: [] },
  ] as DraftEntity[],
  warnings: [],
};

describe('mergeIntoModel', () => {
  const result = mergeIntoModel('model.yaml', USER, draft);

  it('keeps every line the user wrote, in order', () => {
    const kept = result.text.split('\n');
    let at = 0;
    for (const line of USER.split('\n')) {
      const found = kept.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });

  it('adds only new ids, skips those the user has, renames ids another kind uses', () => {
    expect(result.skipped).toEqual([{ collection: 'agents', id: 'client' }, { collection: 'tools', id: 'github' }]);
    expect(result.renamed).toEqual([{ from: 'fetch', to: 'fetch-2' }]);
    expect(result.added.map((a) => a.id)).toEqual(['unknown-owner', 'fetch-2', 'token', 'fetch-files']);
    expect(result.text).toContain("name: \"Alex's client\"");
    expect(result.text).not.toContain('Drafted client');
    expect(result.text).toContain('held_by: [fetch-2, github]');
    expect(result.rewritten).toBe(false);
    expectValidModel(result.text);
  });

  it('indents new items as the user indents each list', () => {
    expect(result.text).toContain('\n- id: unknown-owner\n');
    expect(result.text).toMatch(/\n {2}- id: fetch-2\n/);
    expect(result.text).toContain('\ncredentials:\n  # From c.json.\n  - id: token\n');
  });

  it('is idempotent: merging the same draft again adds nothing', () => {
    const again = mergeIntoModel('model.yaml', result.text, draft);
    expect(again.added).toEqual([]);
    expect(again.text).toBe(result.text);
  });

  it('rewrites a file whose list is written inline, keeping comments and values', () => {
    const inline = '# keep me\nversion: 1\ntools: []\n';
    const r = mergeIntoModel('m.yaml', inline, { entities: [draft.entities[3]!, draft.entities[4]!], warnings: [] });
    expect(r.rewritten).toBe(true);
    expect(r.text).toContain('# keep me');
    expect(r.text).toContain('- id: fetch\n');
    expectValidModel(r.text);
  });

  it('merges into JSON as JSON', () => {
    const r = mergeIntoModel('m.json', '{"version": 1, "owners": [{"id": "platform"}]}', { entities: [unknownOwnerEntity()], warnings: [] });
    expect(JSON.parse(r.text)).toEqual({ version: 1, owners: [{ id: 'platform' }, { id: 'unknown-owner', name: 'Unknown owner: replace with the accountable team', status: 'unknown' }] });
  });

  it('refuses a model it cannot parse, with the place', () => {
    try {
      mergeIntoModel('m.yaml', 'version: 1\ntools: [a\n', draft);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).line).toBeGreaterThan(0);
    }
  });
});
