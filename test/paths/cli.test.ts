import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { PATHS_FORMAT, type PathAnalysis } from '../../src/analysis/paths/index.js';

const MODEL = `version: 1
owners:
  - { id: support, kind: product }
  - { id: payments-team, kind: product }
  - { id: ml-platform, kind: platform }
boundaries:
  - { id: internet, kind: internet }
agents:
  - id: triage
    exposure: external
    exposed_to: [internet]
    owners: { business: support }
    credential: triage-svid
    tools: [kb-search, ticket-api]
    delegates_to: [{ agent: refunds }]
  - id: refunds
    parent: triage
    owners: { operator: ml-platform }
    tools: [payments-api]
tools:
  - { id: kb-search, actions: [read], data: [kb] }
  - { id: ticket-api, actions: [read, write], credential: zendesk-token }
  - { id: payments-api, actions: [pay], reversible: false, credential: stripe-key }
credentials:
  - { id: triage-svid, type: spiffe, spiffe_id: "spiffe://corp.example/support/triage", ttl: 5m }
  - { id: zendesk-token, type: oauth-token, issuer: ml-platform, ttl: 1h, grants: [{ data: tickets, access: write }] }
  - { id: stripe-key, type: api-key, issuer: ml-platform, ttl: never, held_by: [refunds, triage], grants: [{ data: payments, access: admin }] }
data:
  - { id: kb, classification: internal, owner: support }
  - { id: tickets, classification: confidential, owner: support }
  - { id: payments, classification: restricted, owner: payments-team }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-paths-'));
  writeFileSync(join(dir, 'model.yaml'), MODEL);
  writeFileSync(join(dir, 'broken.yaml'), 'version: 1\nagents:\n  - id: a\n    tools: [nowhere]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function steward(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { cwd: dir, stdout: (t) => void (out += t), stderr: (t) => void (err += t), writeFile: () => undefined };
  const code = await run(argv, io);
  return { code, out, err };
}

describe('steward paths', () => {
  it('prints the ranked paths as a table, hop by hop', async () => {
    const { code, out, err } = await steward('paths', 'model.yaml');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Lateral-movement paths: 1 entry point, /);
    expect(out).toContain('#1  CRITICAL');
    expect(out).toContain('triage authenticates with stripe-key');
    expect(out).toContain('stripe-key grants admin on payments');
    expect(out).toContain('ownership boundary: support -> unowned');
    expect(out).toContain('Smallest set of hops that cuts every entry from every crown jewel');
  });

  it('prints the documented JSON', async () => {
    const { code, out } = await steward('paths', 'model.yaml', '--format', 'json');
    expect(code).toBe(0);
    const a = JSON.parse(out) as PathAnalysis;
    expect(a.format).toBe(PATHS_FORMAT);
    expect(a.entries.map((e) => e.id)).toEqual(['triage']);
    expect(a.jewels.map((j) => j.id)).toEqual(['payments', 'payments-api', 'stripe-key', 'tickets', 'zendesk-token']);
    expect(a.paths[0]).toMatchObject({ id: 'triage>stripe-key', entry: 'triage', jewel: 'stripe-key', rank: 1 });
    expect(a.paths[0]!.hops[0]).toMatchObject({ step: 'use-credential', from: 'triage', to: 'stripe-key', uncontrolled: true });
    expect(a.paths.map((p) => p.id)).toContain('triage>stripe-key>payments');
    expect(a.byJewel.map((b) => b.jewel)).toContain('payments');
    expect(a.chokepoints.cut.minimal).toBe(true);
    expect(a.settings).toMatchObject({ maxHops: 8, top: 10, from: null, to: null });
  });

  it('ranks paths between chosen nodes with --from, --to, --top and --max-hops', async () => {
    const { code, out } = await steward('paths', 'model.yaml', '--from', 'refunds', '--to', 'payments', '--top', '1', '--max-hops', '3', '--format', 'json');
    expect(code).toBe(0);
    const a = JSON.parse(out) as PathAnalysis;
    expect(a.settings).toMatchObject({ from: ['refunds'], to: ['payments'], top: 1, maxHops: 3 });
    expect(a.paths.map((p) => p.id)).toEqual(['refunds>stripe-key>payments']);
    expect(a.truncated.some((t) => t.cap === 'top' && t.scope === 'paths')).toBe(true);
    // A hijacked search tool steers the agent that calls it: its results are the agent's input.
    const tool = JSON.parse((await steward('paths', 'model.yaml', '--from', 'kb-search', '--to', 'payments', '--format', 'json')).out) as PathAnalysis;
    expect(tool.paths[0]!.id).toBe('kb-search*>triage>stripe-key>payments');
    expect(tool.paths[0]!.hops.map((h) => h.step)).toEqual(['return', 'use-credential', 'grant']);
    const none = JSON.parse((await steward('paths', 'model.yaml', '--from', 'tickets', '--to', 'payments', '--format', 'json')).out) as PathAnalysis;
    expect(none.paths).toEqual([]);
  });

  it('reports every cap that cut the answer', async () => {
    const { out } = await steward('paths', 'model.yaml', '--max-hops', '1', '--format', 'json');
    const a = JSON.parse(out) as PathAnalysis;
    expect(a.paths.every((p) => p.hops.length === 1)).toBe(true);
    expect(a.truncated.find((t) => t.cap === 'max-hops')?.message).toMatch(/longer than 1 hop/);
  });

  it('refuses an unknown node with a suggestion, and bad flags, with exit code 2', async () => {
    const unknown = await steward('paths', 'model.yaml', '--from', 'triag');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--from: no entity with id "triag"; did you mean "triage"?');
    expect((await steward('paths', 'model.yaml', '--max-hops', '0')).code).toBe(2);
    expect((await steward('paths', 'model.yaml', '--max-hops', '65')).code).toBe(2);
    expect((await steward('paths', 'model.yaml', '--format', 'csv')).code).toBe(2);
  });

  it('reports an invalid model with exit code 2', async () => {
    const { code, err } = await steward('paths', 'broken.yaml');
    expect(code).toBe(2);
    expect(err).toContain('broken.yaml:4');
  });
});
