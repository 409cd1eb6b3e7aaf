import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/model/diagnostics.js';
import { toYaml } from '../../bench/emit.js';
import { cli } from '../helpers/cli.js';
import { model, problems, scratch } from './helpers.js';

/** Validation that teaches: each problem where it is, what was expected, and how to fix it. */

const owners = 'owners:\n  - { id: support, kind: product }\n  - { id: platform, kind: platform }\n';
const line = (d: Diagnostic) => formatDiagnostic(d);

describe('unknown keys', () => {
  it('points at the key and suggests the key that was meant', () => {
    const d = problems({
      'm.yaml': `version: 1\n${owners}agents:\n  - id: triage\n    exposre: external\n    tols: [search]\n`,
    });
    expect(d.map(line)).toEqual([
      'm.yaml:7:5: unknown key "exposre" (at agents[0].exposre); did you mean "exposure"?',
      'm.yaml:8:5: unknown key "tols" (at agents[0].tols); did you mean "tools"?',
    ]);
    expect(d.every((x) => x.code === 'unknown-key')).toBe(true);
  });

  it('lists the allowed keys when nothing is close, also in nested mappings and at the top', () => {
    const d = problems({
      'm.json': '{"version": 1, "agentz": [],\n "owners": [{"id": "a", "status": "active", "zzzzzzzz": 1}],\n "agents": [{"id": "b", "logging": {"prompt": true}}]}',
    });
    expect(d.map((x) => [x.line, x.column, x.path, x.hint])).toEqual([
      [1, 16, 'agentz', 'did you mean "agents"?'],
      [2, 45, 'owners[0].zzzzzzzz', 'allowed keys: id, name, description, type, kind, status, team, contact, layer, tags'],
      [3, 37, 'agents[0].logging.prompt', 'did you mean "prompts"?'],
    ]);
  });
});

describe('enum values', () => {
  it('names the allowed values and the likely one', () => {
    const d = problems({
      'm.yaml': `version: 1\n${owners}agents:\n  - id: triage\n    exposure: externl\n    autonomy: fully\ncredentials:\n  - { id: key, type: apikey }\n`,
    });
    expect(d.map(line)).toEqual([
      'm.yaml:7:15: "externl" is not one of the allowed values (at agents[0].exposure); did you mean "external"? (allowed: internal, external)',
      'm.yaml:8:15: "fully" is not one of the allowed values (at agents[0].autonomy); allowed: suggest, supervised, autonomous',
      'm.yaml:10:22: "apikey" is not one of the allowed values (at credentials[0].type); did you mean "api-key"? (allowed: api-key, oauth-token, oauth-client, password, certificate, ssh-key, service-account-key, session-token, spiffe, oidc-federation, cloud-role)',
    ]);
  });

  it('says when a required value is missing, with the values it may take', () => {
    const d = problems({ 'm.yaml': 'version: 1\ncredentials:\n  - id: key\n    ttl: 1h\n' });
    expect(d.map((x) => [x.line, x.column, x.code, x.message])).toEqual([[3, 5, 'missing-field', 'missing required field "type"']]);
    expect(d[0]!.hint).toMatch(/^allowed: api-key, oauth-token, /);
  });

  it('explains wrong types and formats', () => {
    const d = problems({
      'm.yaml': `version: 1\n${owners}agents:\n  - id: triage\n    tools: search\n    review: { every: quarterly, last: 2026-13-01 }\n    can_add_tools: "yes"\n`,
    });
    expect(d.map((x) => [x.line, x.column, x.path, x.message, x.hint])).toEqual([
      [7, 12, 'agents[0].tools', 'expected a list, got a string', 'write a list, e.g. ["search"]'],
      [8, 22, 'agents[0].review.every', '"quarterly": expected a duration such as 15m, 1h, 90d, 1y, or "never"', undefined],
      [8, 39, 'agents[0].review.last', '"2026-13-01": expected a date as YYYY-MM-DD', undefined],
      [9, 20, 'agents[0].can_add_tools', 'expected true or false, got a string', undefined],
    ]);
  });
});

describe('references', () => {
  const base = `version: 1\n${owners}`;

  it('reports a dangling reference at the reference, suggesting ids of the right kind only', () => {
    const d = problems({
      'm.yaml': [
        base.trimEnd(),
        'agents:',
        '  - id: triage',
        '    tools: [kb-serch, payment]',
        '    owners: { operator: suport }',
        'tools:',
        '  - { id: kb-search }',
        '  - { id: payments-api }',
        'data:',
        '  # the closest id to "payment", but a data store, not a tool',
        '  - { id: payments }',
        '',
      ].join('\n'),
    });
    expect(d.map(line)).toEqual([
      'm.yaml:7:13: unknown id "kb-serch": "tools" must be the id of a tool (at agents[0].tools[0]); did you mean "kb-search"?',
      'm.yaml:7:23: unknown id "payment": "tools" must be the id of a tool (at agents[0].tools[1]); define it, or use one of: kb-search, payments-api',
      'm.yaml:8:25: unknown id "suport": "owners.operator" must be the id of an owner (at agents[0].owners.operator); did you mean "support"?',
    ]);
    expect(d.map((x) => x.code)).toEqual(['dangling-reference', 'dangling-reference', 'dangling-reference']);
  });

  it('says when no entity of the right kind exists at all', () => {
    const d = problems({ 'm.yaml': `${base}agents:\n  - id: triage\n    model: gpt\n` });
    expect(d.map((x) => [x.line, x.column, x.message, x.hint])).toEqual([
      [7, 12, 'unknown id "gpt": "model" must be the id of a model', 'define a model with id "gpt"'],
    ]);
  });

  it('reports a reference to the wrong kind, with where the target is defined', () => {
    const d = problems({
      'm.yaml': `${base}agents:\n  - id: triage\n    delegates_to: [refunds, stripe-key]\n  - id: refunds\ncredentials:\n  - id: stripe-key\n    type: api-key\n    held_by: [payments]\ndata:\n  - id: payments\n`,
    });
    expect(d.map(line)).toEqual([
      'm.yaml:7:29: "stripe-key" is a credential, but "delegates_to" must be an agent (at agents[0].delegates_to[1]); defined at m.yaml:10:5',
      'm.yaml:12:15: "payments" is a data store, but "held_by" must be an agent, a tool or an owner (at credentials[0].held_by[0]); defined at m.yaml:14:5',
    ]);
    expect(d.map((x) => x.code)).toEqual(['wrong-kind', 'wrong-kind']);
  });

  it('reports both ends of a bad link', () => {
    const d = problems({ 'm.yaml': `${base}agents:\n  - id: a\nlinks:\n  - { from: ghost, to: support, kind: invokes }\n` });
    expect(d.map((x) => [x.line, x.column, x.path, x.message])).toEqual([
      [8, 13, 'links[0].from', 'unknown id "ghost": the source of a "invokes" link must be the id of an agent'],
      [8, 24, 'links[0].to', '"support" is an owner, but a "invokes" link must be a tool'],
    ]);
  });

  it('reports an agent that delegates to itself, or is its own parent', () => {
    const d = problems({
      'm.yaml': `${base}agents:\n  - id: triage\n    delegates_to: [triage]\n  - { id: loner, parent: loner }\n`,
    });
    expect(d.map(line)).toEqual([
      'm.yaml:7:20: agent "triage" delegates to itself (at agents[0].delegates_to[0]); remove the reference',
      'm.yaml:8:26: agent "loner" is its own parent (at agents[1].parent); remove the reference',
    ]);
  });

  it('reports a loop of sub-agent parents once, naming the loop', () => {
    const d = problems({
      'm.yaml': [
        base.trimEnd(),
        'agents:',
        '  - { id: root }',
        '  - { id: c, parent: b }',
        '  - { id: a, parent: c }',
        '  - { id: b, parent: a }',
        '  - { id: leaf, parent: a }',
        '',
      ].join('\n'),
    });
    expect(d.map(line)).toEqual([
      'm.yaml:8:22: sub-agent parents form a loop: a → c → b → a (at agents[2].parent); one agent in the loop must have no parent',
    ]);
  });

  it('stays fast with thousands of dangling references against tens of thousands of ids', () => {
    const owners = Array.from({ length: 30_000 }, (_, i) => ({ id: `team-${String(i).padStart(6, '0')}` }));
    const agents = Array.from({ length: 3_000 }, (_, i) => ({ id: `bot-${i}`, owners: { operator: `ghost-${i}` } }));
    const started = performance.now();
    const d = problems({ 'm.json': JSON.stringify({ version: 1, owners, agents }) });
    expect(d).toHaveLength(3_000);
    expect(d.every((x) => x.code === 'dangling-reference' && x.hint!.length > 0)).toBe(true);
    // Without a budget for "did you mean", this takes minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('reports a duplicate id across two files, naming both places', () => {
    const d = problems({
      'platform.yaml': `${base}credentials:\n  - id: triage\n    type: api-key\n`,
      'product/agents.yaml': 'version: 1\nagents:\n  - id: other\n  - id: triage\n',
    });
    expect(d.map(line)).toEqual([
      'product/agents.yaml:4:5: duplicate id "triage": already defined as a credential at platform.yaml:6:5 (at agents[1]); ids are unique across the whole model; rename one of them',
    ]);
  });
});

describe('every problem at once', () => {
  const files = {
    'a-platform.yaml': [
      'version: 1',
      'owners:',
      '  - { id: platform, kind: platfrom }',
      'credentials:',
      '  - id: stripe-key',
      '    type: api-key',
      '    ttl: forever',
      '    issuer: platfrom',
      '',
    ].join('\n'),
    'b-agents.json': JSON.stringify(
      {
        version: 1,
        agents: [
          { id: 'triage', tools: ['serch'], delegates_to: ['triage'], colour: 'blue' },
          { id: 'refunds', parent: 'triage', credential: 'stripe-key', lifecycle: 'gone' },
        ],
        tools: [{ id: 'search', actions: ['read', 'teleport'] }],
      },
      null,
      2,
    ),
    'c-data.yaml': 'version: 1\ndata:\n  - { id: kb, classification: secret, owner: nobody }\n  - { id: stripe-key }\n',
  };

  it('reports them all, in file and line order, and keeps what loaded of broken entities', () => {
    const d = problems(files);
    expect(d.map((x) => `${x.file}:${x.line}:${x.column} ${x.code} ${x.path}`)).toEqual([
      'a-platform.yaml:3:27 invalid-value owners[0].kind',
      'a-platform.yaml:7:10 invalid-format credentials[0].ttl',
      'a-platform.yaml:8:13 dangling-reference credentials[0].issuer',
      'b-agents.json:7:9 dangling-reference agents[0].tools[0]',
      'b-agents.json:10:9 self-reference agents[0].delegates_to[0]',
      'b-agents.json:12:7 unknown-key agents[0].colour',
      'b-agents.json:18:20 invalid-value agents[1].lifecycle',
      'b-agents.json:26:9 invalid-value tools[0].actions[1]',
      'c-data.yaml:3:31 invalid-value data[0].classification',
      'c-data.yaml:3:46 dangling-reference data[0].owner',
      'c-data.yaml:4:5 duplicate-id data[1]',
    ]);
  });

  it('places thousands of problems in a big file without reading it once per problem', () => {
    for (const [file, write] of [
      ['m.json', (doc: unknown) => JSON.stringify(doc, null, 1)],
      ['m.yaml', (doc: unknown) => toYaml(doc)],
    ] as const) {
      const agents = Array.from({ length: 20_000 }, (_, i) => ({ id: `bot-${i}`, purpose: 'x'.repeat(200), colour: 'blue', logging: { prompt: true } }));
      const started = performance.now();
      const d = problems({ [file]: write({ version: 1, agents }) });
      expect(d).toHaveLength(40_000);
      expect(d[39_999]!.path).toBe('agents[19999].logging.prompt');
      expect(d[39_999]!.line).toBeGreaterThan(20_000);
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  });

  it('prints them through the CLI with a count, and exits 2', async () => {
    const { dir, dispose } = scratch(files);
    try {
      const run = await cli(['validate', '.'], dir);
      expect(run.code).toBe(2);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(12);
      expect(lines[11]).toBe('✖ 11 problems in 3 files');
      expect(lines[0]).toBe(
        'a-platform.yaml:3:27: "platfrom" is not one of the allowed values (at owners[0].kind); did you mean "platform"? (allowed: product, platform, security, legal, risk, compliance, operations, vendor)',
      );
    } finally {
      dispose();
    }
  });
});

describe('valid models', () => {
  it('load with positions for every entity, link and acceptance', () => {
    const m = model({
      'm.yaml': [
        'version: 1',
        'owners:',
        '  - id: support',
        '    kind: product',
        'agents:',
        '  - { id: a }',
        'links:',
        '  - { from: support, to: a, kind: owns, role: operator }',
        'accepted:',
        '  - finding: agent-without-owner@a',
        '    justification: Operated by support until the handoff completes.',
        '    approver: support',
        '    expires: 2027-01-31',
        '',
      ].join('\n'),
    });
    expect(m.entities.map((e) => [e.id, e.source.line, e.source.column])).toEqual([
      ['a', 6, 5],
      ['support', 3, 5],
    ]);
    expect(m.relations.map((r) => [r.from, r.kind, r.to, r.attrs, r.declaredIn.line])).toEqual([['support', 'owns', 'a', { role: 'operator' }, 8]]);
    expect(m.accepted.map((a) => [a.finding, a.source.line, a.source.column])).toEqual([['agent-without-owner@a', 10, 5]]);
  });
});
