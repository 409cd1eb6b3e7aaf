import { describe, expect, it } from 'vitest';
import { diffModels, failingAt, isEmptyDiff } from '../../src/diff/index.js';
import type { ModelFileSpec } from '../../src/model/schema.js';
import { analyzed, analyzedSpec, baseModel, clone, diffSpecs } from './helpers.js';

type Agent = NonNullable<ModelFileSpec['agents']>[number];
const agent = (m: ModelFileSpec, id: string): Agent => m.agents!.find((a) => a.id === id)!;

describe('diff of identical models', () => {
  it('is empty', () => {
    const d = diffSpecs(baseModel(), baseModel());
    expect(isEmptyDiff(d)).toBe(true);
    expect(d.entities).toEqual({ added: [], removed: [], changed: [] });
    expect(d.findings.opened).toEqual([]);
    expect(d.blastRadius).toEqual([]);
  });
});

describe('entities', () => {
  it('lists added, removed and changed entities, with the fields that changed', () => {
    const after = clone(baseModel());
    after.tools!.push({ id: 'search', actions: ['read'] });
    after.data = after.data!.filter((d) => d.id !== 'crm');
    after.tools!.find((t) => t.id === 'lookup')!.data = [];
    agent(after, 'back').purpose = 'Pays refunds under 100 EUR';
    agent(after, 'back').owners = { business: 'team-a', operator: 'platform' };
    const d = diffSpecs(baseModel(), after);
    expect(d.entities.added.map((e) => [e.kind, e.id])).toEqual([['tool', 'search']]);
    expect(d.entities.removed.map((e) => [e.kind, e.id])).toEqual([['data', 'crm']]);
    const back = d.entities.changed.find((e) => e.id === 'back')!;
    expect(back.fields).toEqual([
      { field: 'owners.operator', old: 'team-a', new: 'platform' },
      { field: 'purpose', old: 'Pays refunds', new: 'Pays refunds under 100 EUR' },
    ]);
    expect(d.entities.changed.map((e) => e.id)).toEqual(['back', 'lookup']);
  });

  it('ignores the order of keys and where an entity is written', () => {
    const after = clone(baseModel());
    after.agents!.reverse();
    const front = agent(after, 'front');
    const reordered = Object.fromEntries(Object.entries(front).reverse()) as Agent;
    after.agents = after.agents!.map((a) => (a.id === 'front' ? reordered : a));
    expect(isEmptyDiff(diffSpecs(baseModel(), after))).toBe(true);
  });
});

describe('relations', () => {
  it('lists added and removed relations and the controls a relation gained, lost or altered', () => {
    const after = clone(baseModel());
    agent(after, 'front').delegates_to = [{ agent: 'back', auth: 'spiffe', scopes: ['refunds'] }];
    agent(after, 'back').tools = ['pay', 'lookup'];
    const d = diffSpecs(baseModel(), after);
    expect(d.relations.added.map((r) => `${r.from} ${r.kind} ${r.to}`)).toEqual(['back invokes lookup']);
    const byKey = new Map(d.relations.changed.map((r) => [`${r.from} ${r.kind} ${r.to}`, r]));
    const delegation = byKey.get('front delegates_to back')!;
    expect(delegation.lost).toEqual(['on_behalf_of']);
    expect(delegation.gained).toEqual(['scopes']);
    expect(delegation.altered).toEqual(['strong_auth']);
    expect(delegation.old.controls).toEqual({ on_behalf_of: true, auth: 'mtls' });
    expect(delegation.new.controls).toEqual({ auth: 'spiffe', scopes: ['refunds'] });
    expect(byKey.get('back invokes pay')!.lost).toEqual(['approval']);
  });

  it('counts a control on a relation written twice only when both copies carry it', () => {
    const before = clone(baseModel());
    before.links = [{ from: 'pay-key', to: 'ledger', kind: 'grants', access: 'read', approval: true }];
    before.credentials!.find((c) => c.id === 'pay-key')!.grants = [];
    const after = clone(before);
    after.links!.push({ from: 'pay-key', to: 'ledger', kind: 'grants', access: 'write' });
    const d = diffSpecs(before, after);
    expect(d.relations.added).toEqual([]);
    expect(d.relations.changed.map((r) => [r.from, r.kind, r.to, r.old, r.new, r.lost])).toEqual([
      ['pay-key', 'grants', 'ledger', { access: 'read', controls: { approval: true } }, { access: 'write', controls: { approval: false } }, ['approval']],
    ]);
  });

  it('reports a changed access level as a change, not as a removal and an addition', () => {
    const after = clone(baseModel());
    after.credentials!.find((c) => c.id === 'pay-key')!.grants = [{ data: 'ledger', access: 'admin' }];
    const d = diffSpecs(baseModel(), after);
    expect(d.relations.added).toEqual([]);
    expect(d.relations.removed).toEqual([]);
    expect(d.relations.changed.map((r) => [r.from, r.kind, r.to, r.old.access, r.new.access])).toEqual([['pay-key', 'grants', 'ledger', 'write', 'admin']]);
  });
});

describe('findings', () => {
  it('lists new and resolved findings, and opens the new open ones', () => {
    const after = clone(baseModel());
    after.data!.find((d) => d.id === 'crm')!.owner = undefined;
    after.credentials!.push({ id: 'back-key', type: 'spiffe', spiffe_id: 'spiffe://shop.example/back', ttl: '1h', issuer: 'platform', owner: 'team-a' });
    agent(after, 'back').credential = 'back-key';
    const d = diffSpecs(baseModel(), after);
    expect(d.findings.new.map((f) => f.id)).toContain('data-without-owner-or-classification@crm');
    expect(d.findings.resolved.map((f) => f.id)).toContain('agent-without-own-identity@back');
    for (const f of d.findings.new) if (f.status === 'open') expect(d.findings.opened).toContainEqual({ id: f.id, severity: f.severity, why: 'new' });
  });

  it('tracks acceptance: newly accepted is not opened, no longer accepted is', () => {
    const accepted = clone(baseModel());
    accepted.accepted = [{ finding: 'review-overdue@*', justification: 'Reviews move to the new cadence in January.', approver: 'team-a', expires: '2027-02-01' }];
    const toAccepted = diffSpecs(baseModel(), accepted);
    expect(toAccepted.findings.acceptanceChanged.map((f) => [f.id, f.change])).toEqual([
      ['review-overdue@back', 'accepted'],
      ['review-overdue@front', 'accepted'],
    ]);
    expect(toAccepted.findings.opened).toEqual([]);
    const back = diffModels(analyzedSpec(accepted), analyzedSpec(baseModel()));
    expect(back.findings.opened.map((o) => [o.id, o.why])).toEqual([
      ['review-overdue@back', 'unaccepted'],
      ['review-overdue@front', 'unaccepted'],
    ]);
  });

  it('fails at a threshold only on findings the change opens at or above it', () => {
    const opened = [
      { id: 'a', severity: 'critical' as const, why: 'new' as const },
      { id: 'b', severity: 'high' as const, why: 'raised' as const, oldSeverity: 'medium' as const },
      { id: 'c', severity: 'critical' as const, why: 'raised' as const, oldSeverity: 'high' as const },
      { id: 'd', severity: 'medium' as const, why: 'new' as const },
      { id: 'e', severity: 'high' as const, why: 'unaccepted' as const },
    ];
    expect(failingAt(opened, 'high').map((o) => o.id)).toEqual(['a', 'b', 'e']);
    expect(failingAt(opened, 'critical').map((o) => o.id)).toEqual(['a', 'c']);
    // b was medium before: already failing a build at low.
    expect(failingAt(opened, 'low').map((o) => o.id)).toEqual(['a', 'd', 'e']);
    expect(failingAt([], 'info')).toEqual([]);
  });

  it('sees a severity raised by the change', () => {
    const after = clone(baseModel());
    after.credentials!.find((c) => c.id === 'pay-key')!.grants = [{ data: 'ledger', access: 'admin' }];
    const d = diffSpecs(baseModel(), after);
    for (const f of d.findings.severityChanged) expect(f.oldSeverity).not.toBe(f.severity);
    const raised = d.findings.opened.filter((o) => o.why === 'raised');
    for (const o of raised) expect(d.findings.severityChanged.find((f) => f.id === o.id)?.oldSeverity).toBe(o.oldSeverity);
  });
});

describe('paths', () => {
  it('finds a new route, shorter than the one before between the same entry and jewel', () => {
    const after = clone(baseModel());
    agent(after, 'front').credentials = ['pay-key'];
    const d = diffSpecs(baseModel(), after);
    const direct = d.paths.added.find((p) => p.id === 'front>pay-key>ledger')!;
    expect(direct).toMatchObject({ entry: 'front', jewel: 'ledger', hops: 2, shorter: { oldHops: 4, oldPath: 'front>back>pay>pay-key>ledger' } });
    expect(d.summary.paths.shorter).toBeGreaterThan(0);
    expect(d.blastRadius.find((r) => r.id === 'front')!.why).toContain('relations');
  });

  it('finds the hop that lost a control, and the path that became more likely', () => {
    const after = clone(baseModel());
    agent(after, 'back').tools = ['pay'];
    const d = diffSpecs(baseModel(), after);
    const lost = d.paths.lostControl.find((p) => p.id === 'front>back>pay')!;
    expect(lost.lostOn).toEqual([{ index: 1, from: 'back', to: 'pay', step: 'invoke', lost: ['approval'] }]);
    const likelier = d.paths.moreLikely.find((p) => p.id === 'front>back>pay')!;
    expect(likelier.likelihood).toBeGreaterThan(likelier.oldLikelihood);
    expect(d.paths.added).toEqual([]);
  });

  it('lists routes that no longer exist as removed, and gains nothing', () => {
    const after = clone(baseModel());
    agent(after, 'front').delegates_to = [];
    const d = diffSpecs(baseModel(), after);
    expect(d.paths.removed.map((p) => p.id).sort()).toEqual(['front>back>pay', 'front>back>pay>pay-key', 'front>back>pay>pay-key>ledger']);
    expect(d.paths.added).toEqual([]);
    expect(d.blastRadius.find((r) => r.id === 'front')).toMatchObject({ why: ['changed', 'relations'], new: { jewels: 1 } });
    expect(d.blastRadius.find((r) => r.id === 'front')!.old!.jewels).toBeGreaterThan(1);
  });

  it('tells a route retired with its agent from one merely out of the ranking', () => {
    const after = clone(baseModel());
    agent(after, 'back').lifecycle = 'retired';
    const d = diffSpecs(baseModel(), after);
    expect(d.paths.removed.map((p) => p.id)).toContain('front>back>pay');
    expect(d.paths.leftRanking).toEqual([]);
  });
});

describe('entry points and crown jewels', () => {
  it('lists the ones that appear and disappear, with why', () => {
    const after = clone(baseModel());
    after.tools!.push({ id: 'web', actions: ['browse'], inputs: ['web'] });
    agent(after, 'back').tools = [{ tool: 'pay', approval: true }, 'web'];
    after.data!.find((d) => d.id === 'crm')!.classification = 'internal';
    const d = diffSpecs(baseModel(), after);
    expect(d.endpoints.newEntries.map((e) => [e.kind, e.id])).toEqual([['tool', 'web']]);
    expect(d.endpoints.newEntries[0]!.detail.length).toBeGreaterThan(0);
    expect(d.endpoints.removedJewels.map((e) => e.id)).toEqual(['crm']);
    expect(d.endpoints.removedEntries).toEqual([]);
    expect(d.endpoints.newJewels).toEqual([]);
    expect(d.summary.endpoints).toEqual({ newEntries: 1, removedEntries: 0, newJewels: 0, removedJewels: 1 });
  });
});

describe('determinism', () => {
  it('gives the same diff whatever the order of files and entries', () => {
    const before = baseModel();
    const after = clone(baseModel());
    agent(after, 'front').credentials = ['pay-key'];
    after.tools!.push({ id: 'web', actions: ['browse'], inputs: ['web'] });
    agent(after, 'back').tools = [{ tool: 'pay' }, 'web'];
    const split = (m: ModelFileSpec, reverse: boolean) => {
      const { agents, tools, credentials, data, ...rest } = clone(m);
      const order = <T>(xs: T[] | undefined) => (reverse ? [...(xs ?? [])].reverse() : xs ?? []);
      return [
        { file: 'a.json', content: JSON.stringify({ ...rest, agents: order(agents) }), format: 'json' as const },
        { file: 'b.json', content: JSON.stringify({ version: 1, tools: order(tools), credentials: order(credentials), data: order(data) }), format: 'json' as const },
      ];
    };
    const diffOf = (reverse: boolean, reverseFiles: boolean) => {
      const files = (m: ModelFileSpec) => (reverseFiles ? split(m, reverse).reverse() : split(m, reverse));
      return JSON.stringify(diffModels(analyzed(files(before)), analyzed(files(after))));
    };
    const one = diffOf(false, false);
    // The same files read in another order: byte-identical.
    expect(diffOf(false, true)).toBe(one);
    // Entries written in another order: identical but for where each entity is written.
    const unlocated = (text: string) => text.replace(/"location":\{[^}]*\}/g, '"location":{}');
    expect(unlocated(diffOf(true, false))).toBe(unlocated(one));
    expect(JSON.parse(one).paths.added.length).toBeGreaterThan(0);
  });
});
