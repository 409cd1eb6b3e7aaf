import { describe, expect, it } from 'vitest';
import { a2aImporter } from '../../src/import/a2a.js';
import { emitModel } from '../../src/import/emit.js';
import { entity, expectValidModel, fixture, ids } from './helpers.js';

const travel = fixture('a2a/travel-agent-card.json');
const expense = fixture('a2a/expense-agent-card.json');

describe('a2a importer: a v0.3 card', () => {
  const draft = a2aImporter.draft([travel]);
  const agent = entity(draft, 'agents', 'travel-booking-agent');

  it('drafts the agent, external on the evidence of a public https URL', () => {
    expect(agent.spec).toMatchObject({ name: 'Travel Booking Agent', exposure: 'external', owners: { business: 'unknown-owner', operator: 'unknown-owner' } });
    expect(agent.notes.join(' ')).toContain('travel.example.com');
    expect(agent.notes).toContain('Interface: https://travel.example.com/a2a/rest (HTTP+JSON).');
  });

  it('places a provider organisation in a vendor boundary: third party', () => {
    expect(agent.spec.boundary).toBe('vendor-example-travel-inc');
    expect(entity(draft, 'boundaries', 'vendor-example-travel-inc').spec).toMatchObject({ kind: 'vendor', name: 'Example Travel Inc.' });
  });

  it('drafts each skill as a tool of the agent, with actions inferred from its words', () => {
    expect(agent.spec.tools).toEqual(['travel-booking-agent-book-trip', 'travel-booking-agent-partner-availability', 'travel-booking-agent-search-flights']);
    expect(entity(draft, 'tools', 'travel-booking-agent-book-trip').spec.actions).toContain('pay');
    expect(entity(draft, 'tools', 'travel-booking-agent-search-flights').spec.actions).toContain('browse');
  });

  it('turns each security scheme into a credential granting the skills it protects', () => {
    const oauth = entity(draft, 'credentials', 'travel-booking-agent-oauth');
    expect(oauth.spec).toMatchObject({ type: 'oauth-token', scopes: ['trips:book', 'trips:read'], third_party: true, vendor: 'Example Travel Inc.', owner: 'unknown-owner' });
    // The card requires oauth everywhere except the skill with its own requirement.
    expect(oauth.spec.grants).toEqual([
      { tool: 'travel-booking-agent-book-trip', access: 'write' },
      { tool: 'travel-booking-agent-search-flights', access: 'read' },
    ]);
    expect(entity(draft, 'credentials', 'travel-booking-agent-partnerkey').spec).toMatchObject({ type: 'api-key', grants: [{ tool: 'travel-booking-agent-partner-availability', access: 'read' }] });
  });

  it('warns about an unknown scheme type, naming it', () => {
    expect(draft.warnings).toEqual([expect.objectContaining({ node: 'legacy', file: travel.path, line: 28, message: expect.stringContaining('"kerberos"') })]);
  });
});

describe('a2a importer: a v1.0 card', () => {
  const draft = a2aImporter.draft([expense]);

  it('reads supportedInterfaces: private addresses only, so internal', () => {
    expect(entity(draft, 'agents', 'expense-assistant').spec.exposure).toBe('internal');
    expect(entity(draft, 'agents', 'expense-assistant').spec.boundary).toBeUndefined();
  });

  it('reads wrapped schemes and securityRequirements', () => {
    expect(entity(draft, 'credentials', 'expense-assistant-bearer').spec.type).toBe('oauth-token');
    expect(entity(draft, 'credentials', 'expense-assistant-mtls').spec.type).toBe('certificate');
    expect(entity(draft, 'credentials', 'expense-assistant-oidc').spec.grants).toBeUndefined();
    expect(entity(draft, 'credentials', 'expense-assistant-oidc').notes.join(' ')).toContain('required by no skill');
  });
});

describe('a2a importer: output and bad input', () => {
  it('emits a valid model, the same whatever the order', () => {
    const a = emitModel(a2aImporter.draft([travel, expense]), { sources: [travel.path, expense.path] });
    expect(emitModel(a2aImporter.draft([expense, travel]), { sources: [expense.path, travel.path] })).toBe(a);
    expectValidModel(a);
    expect(ids(a2aImporter.draft([travel, expense]), 'agents')).toEqual(['expense-assistant', 'travel-booking-agent']);
  });

  it('rejects what is not a card', () => {
    expect(() => a2aImporter.draft([{ path: 'x.json', text: '{"name": "x"}' }])).toThrow(/not an A2A Agent Card/);
  });

  it('skips skills without an id, with a warning', () => {
    const text = JSON.stringify({ name: 'A', url: 'http://localhost:1', skills: [{ description: 'no id' }, { id: 's', name: 'S' }, { id: 's' }] });
    const draft = a2aImporter.draft([{ path: 'c.json', text }]);
    expect(ids(draft, 'tools')).toEqual(['a-s']);
    expect(draft.warnings.map((w) => w.node)).toEqual(['skills[0]', 's']);
    expectValidModel(emitModel(draft, { sources: ['c.json'] }));
  });
});

describe('a2a importer: hostile input', () => {
  it('skips __proto__ keys in schemes and requirements, and pollutes nothing', () => {
    const text =
      '{"name": "A", "url": "https://a.example.com", "skills": [{"id": "s", "description": "send email"}],' +
      ' "securitySchemes": {"__proto__": {"type": "apiKey"}, "k": {"type": "apiKey", "name": "X-Key"}},' +
      ' "security": [{"__proto__": []}, {"k": []}]}';
    const draft = a2aImporter.draft([{ path: 'card.json', text }]);
    expect(ids(draft, 'credentials')).toEqual(['a-k']);
    expect(entity(draft, 'credentials', 'a-k').spec.grants).toEqual([{ tool: 'a-s', access: 'write' }]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expectValidModel(emitModel(draft, { sources: ['card.json'] }));
  });
});
