import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/synthetic.js';
import { acceptanceMatcher, findingsMatcher } from '../../src/analysis/acceptance.js';
import { analyze } from '../../src/analysis/engine.js';
import type { Finding } from '../../src/analysis/finding.js';
import type { AcceptanceSpec, ModelFileSpec } from '../../src/model/schema.js';
import acceptanceWithoutAccountableApprover from '../../rules/acceptance-without-accountable-approver.js';
import expiredAcceptance from '../../rules/expired-acceptance.js';
import irreversibleToolWithoutApproval from '../../rules/irreversible-tool-without-approval.js';
import orphanedAcceptance from '../../rules/orphaned-acceptance.js';
import { CASE_DATE, loadCase } from '../helpers/rule-cases.js';

const RULES = [irreversibleToolWithoutApproval, expiredAcceptance, orphanedAcceptance, acceptanceWithoutAccountableApprover];

/** Two agents that call a payment tool with no approval: two high findings. */
function model(accepted: AcceptanceSpec[], extraOwners: ModelFileSpec['owners'] = []): ModelFileSpec {
  return {
    version: 1,
    owners: [{ id: 'security', kind: 'security' }, ...(extraOwners ?? [])],
    agents: [
      { id: 'refunds', tools: ['payments-api'] },
      { id: 'billing', tools: ['payments-api'] },
    ],
    tools: [{ id: 'payments-api', actions: ['pay'] }],
    accepted,
  };
}

const accept = (finding: string, expires: string, approver = 'security'): AcceptanceSpec => ({
  finding,
  justification: 'Refunds are capped at 100 EUR by the payment provider.',
  approver,
  expires,
});

function run(m: ModelFileSpec, asOf = CASE_DATE) {
  const report = analyze(loadCase(m), { asOf, rules: RULES });
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  return { report, byId, ids: report.findings.map((f) => f.id).sort() };
}

describe('acceptances in the engine', () => {
  it('reports an accepted finding as accepted, with the acceptance, and leaves the others open', () => {
    const { report, byId, ids } = run(model([accept('irreversible-tool-without-approval@refunds/payments-api', '2027-01-31')]));
    expect(ids).toEqual(['irreversible-tool-without-approval@billing/payments-api', 'irreversible-tool-without-approval@refunds/payments-api']);
    const accepted = byId.get('irreversible-tool-without-approval@refunds/payments-api')!;
    expect(accepted.status).toBe('accepted');
    expect(accepted.acceptance).toMatchObject({ approver: 'security', expires: '2027-01-31' });
    expect(accepted.acceptance!.location.line).toBeGreaterThan(0);
    expect(byId.get('irreversible-tool-without-approval@billing/payments-api')!.status).toBe('open');
    expect(report.summary).toMatchObject({ total: 2, open: 1, accepted: 1 });
  });

  it('matches wildcards across subjects and keys', () => {
    const { report } = run(model([accept('irreversible-tool-without-approval@*/payments-api', '2027-01-31')]));
    expect(report.findings.map((f) => f.status)).toEqual(['accepted', 'accepted']);
  });

  it('an acceptance is valid through its expires date and re-opens the day after', () => {
    const m = model([accept('irreversible-tool-without-approval@refunds/payments-api', '2026-11-01')]);
    expect(run(m, '2026-11-01').byId.get('irreversible-tool-without-approval@refunds/payments-api')!.status).toBe('accepted');

    const after = run(m, '2026-11-02');
    expect(after.byId.get('irreversible-tool-without-approval@refunds/payments-api')!.status).toBe('open');
    const expired = after.byId.get('expired-acceptance@irreversible-tool-without-approval@refunds/payments-api')!;
    expect(expired).toMatchObject({ status: 'open', severity: 'high', subjectKind: 'acceptance', related: ['refunds'] });
    expect(expired.location.line).toBeGreaterThan(0);
    expect(after.ids.filter((id) => id.startsWith('orphaned-acceptance@'))).toEqual([]);
  });

  it('an expired acceptance whose findings another acceptance still covers re-opens nothing', () => {
    const { byId } = run(
      model([
        accept('irreversible-tool-without-approval@refunds/payments-api', '2026-01-31'),
        accept('irreversible-tool-without-approval@*', '2027-01-31'),
      ]),
    );
    expect(byId.get('irreversible-tool-without-approval@refunds/payments-api')!.status).toBe('accepted');
    expect(byId.get('expired-acceptance@irreversible-tool-without-approval@refunds/payments-api')!.severity).toBe('low');
  });

  it('records the first unexpired acceptance in the model that matches, whatever its kind of pattern', () => {
    const wide = { ...accept('*@refunds/*', '2027-03-31'), justification: 'Every refund path is capped.' };
    const { byId } = run(
      model([
        accept('irreversible-tool-without-approval@billing/payments-api', '2026-01-31'),
        wide,
        accept('irreversible-tool-without-approval@refunds/payments-api', '2027-01-31'),
        accept('irreversible-tool-without-approval@*', '2027-02-28'),
      ]),
    );
    expect(byId.get('irreversible-tool-without-approval@refunds/payments-api')!.acceptance).toMatchObject({ pattern: '*@refunds/*', expires: '2027-03-31' });
    expect(byId.get('irreversible-tool-without-approval@billing/payments-api')!.acceptance).toMatchObject({
      pattern: 'irreversible-tool-without-approval@*',
      expires: '2027-02-28',
    });
  });

  it('flags an acceptance that matches no finding, and not one that does', () => {
    const { ids } = run(
      model([accept('irreversible-tool-without-approval@refunds/payments-api', '2027-01-31'), accept('irreversible-tool-without-approval@triage/*', '2027-01-31')]),
    );
    expect(ids.filter((id) => id.startsWith('orphaned-acceptance@'))).toEqual(['orphaned-acceptance@irreversible-tool-without-approval@triage/*']);
  });

  it('locates a finding on an acceptance at the first acceptance of its pattern', () => {
    const m = model([
      accept('irreversible-tool-without-approval@triage/*', '2027-01-31'),
      accept('irreversible-tool-without-approval@support/*', '2027-01-31'),
      accept('irreversible-tool-without-approval@triage/*', '2027-03-31'),
    ]);
    const graph = loadCase(m);
    const report = analyze(graph, { asOf: CASE_DATE, rules: RULES });
    const at = (pattern: string) => report.findings.find((f) => f.id === `orphaned-acceptance@${pattern}`)!.location;
    // The graph keeps acceptances in its own order; the first there of each pattern locates it.
    const source = (pattern: string) => {
      const first = graph.accepted.find((a) => a.finding === pattern)!.source;
      return { file: first.file, line: first.line, column: first.column };
    };
    const triage = graph.accepted.filter((a) => a.finding === 'irreversible-tool-without-approval@triage/*');
    expect(triage.map((a) => a.source.column)).toHaveLength(2);
    expect(at('irreversible-tool-without-approval@triage/*')).toEqual(source('irreversible-tool-without-approval@triage/*'));
    expect(at('irreversible-tool-without-approval@support/*')).toEqual(source('irreversible-tool-without-approval@support/*'));
    expect(at('irreversible-tool-without-approval@triage/*')).not.toEqual(at('irreversible-tool-without-approval@support/*'));
  });

  it('does not call an acceptance orphaned when its rule was not selected to run', () => {
    const m = model([accept('irreversible-tool-without-approval@triage/*', '2027-01-31'), accept('expired-acceptance@x', '2027-01-31')]);
    const deselected = new Set(['irreversible-tool-without-approval']);
    const report = analyze(loadCase(m), { asOf: CASE_DATE, rules: [orphanedAcceptance], deselected });
    expect(report.findings.map((f) => f.id)).toEqual(['orphaned-acceptance@expired-acceptance@x']);
  });

  it('never accepts the findings of acceptance rules themselves', () => {
    const { byId } = run(model([accept('irreversible-tool-without-approval@nobody/*', '2027-01-31'), accept('orphaned-acceptance@*', '2027-01-31')]));
    const orphan = byId.get('orphaned-acceptance@irreversible-tool-without-approval@nobody/*')!;
    expect(orphan.status).toBe('open');
    expect(byId.get('orphaned-acceptance@orphaned-acceptance@*')).toBeDefined();
  });

  it('raises a departed approver to high when the acceptance silences a high finding', () => {
    const { byId } = run(
      model([accept('irreversible-tool-without-approval@refunds/payments-api', '2027-01-31', 'alice')], [{ id: 'alice', type: 'person', status: 'departed' }]),
    );
    expect(byId.get('acceptance-without-accountable-approver@irreversible-tool-without-approval@refunds/payments-api')).toMatchObject({
      severity: 'high',
      related: ['refunds'],
    });
  });
});

describe('findingsMatcher', () => {
  const f = (id: string): Finding => ({ id, ruleId: id.slice(0, id.indexOf('@')) }) as Finding;
  const findings = [f('a-rule@x'), f('a-rule@y/k'), f('b-rule@x')];
  const match = findingsMatcher(findings);

  it.each([
    ['a-rule@x', ['a-rule@x']],
    ['a-rule@*', ['a-rule@x', 'a-rule@y/k']],
    ['*@x', ['a-rule@x', 'b-rule@x']],
    ['*-rule@*', ['a-rule@x', 'a-rule@y/k', 'b-rule@x']],
    ['c-rule@*', []],
    ['a-rule@z', []],
  ])('%s', (pattern, want) => {
    expect(match(pattern).map((x) => x.id)).toEqual(want);
    expect(findings.filter((x) => acceptanceMatcher(pattern)(x.id)).map((x) => x.id)).toEqual(want);
  });

  it('finds a rule\'s findings wherever they lie in the list, in its order', () => {
    // Sorted by severity, a report interleaves rules: each rule's findings come in several runs.
    const mixed = [f('a-rule@x'), f('b-rule@x'), f('a-rule@y'), f('a-rule@z'), f('b-rule@y'), f('a-rule@x')];
    const lookup = findingsMatcher(mixed);
    expect(lookup('a-rule@*')).toEqual([mixed[0], mixed[2], mixed[3], mixed[5]]);
    expect(lookup('b-rule@y')).toEqual([mixed[4]]);
    expect(lookup('a-rule@z')).toEqual([mixed[3]]);
    // The first of two equal ids is the one an exact pattern names.
    expect(lookup('a-rule@x')).toEqual([mixed[0]]);
  });

  it('gives what a scan with the pattern gives, in the list order, for patterns of any rule too', () => {
    const next = prng(7);
    const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const list = Array.from({ length: 1 + Math.floor(next() * 30) }, () => f(`${pick('ab', 1)}-rule@${pick('xy/', 1 + Math.floor(next() * 4))}`));
      const lookup = findingsMatcher(list);
      for (let p = 0; p < 20; p++) {
        const pattern = `${next() < 0.5 ? '*' : `${pick('ab', 1)}-rule`}@${pick('xy/*', 1 + Math.floor(next() * 4))}`;
        const scan = list.filter((x) => acceptanceMatcher(pattern)(x.id));
        // An exact pattern names the first finding of its id only.
        expect(lookup(pattern), pattern).toEqual(pattern.includes('*') ? scan : scan.slice(0, 1));
      }
    }
  });
});

describe('acceptanceMatcher', () => {
  /** The meaning of a pattern, as a regular expression: safe for the few wildcards used here. */
  const meaning = (pattern: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

  it('matches exactly what the pattern means, on every short pattern and id over a small alphabet', () => {
    const next = prng(20261129);
    const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
    for (let round = 0; round < 20_000; round++) {
      const pattern = pick('ab*@', 1 + Math.floor(next() * 7));
      const id = pick('ab@', Math.floor(next() * 9));
      expect(acceptanceMatcher(pattern)(id), `${pattern} ~ ${id}`).toBe(meaning(pattern).test(id));
    }
  });

  it('answers at once for a pattern of many wildcards, which a model may hold to stall the analysis', () => {
    const pattern = `*@${'a*'.repeat(200)}b`;
    const ids = Array.from({ length: 1000 }, (_, i) => `rule@${'a'.repeat(300 + i % 7)}`);
    expect(ids.filter(acceptanceMatcher(pattern))).toEqual([]);
    expect(acceptanceMatcher(pattern)(`rule@${'a'.repeat(300)}b`)).toBe(true);
  });
});

