import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzePaths, queryPaths } from '../../src/analysis/paths/index.js';
import { graphOf, randomModel } from './helpers.js';

describe('entry points and crown jewels', () => {
  const model = {
    version: 1 as const,
    boundaries: [{ id: 'internet', kind: 'internet' as const }],
    agents: [
      { id: 'chat', exposure: 'external' as const, reads: ['faq'], credential: 'key' },
      { id: 'mailer', inputs: ['email' as const], tools: ['browser'] },
      { id: 'ops', exposed_to: ['internet'] },
      { id: 'batch', inputs: ['internal-event' as const] },
      { id: 'old', exposure: 'external' as const, lifecycle: 'retired' as const },
    ],
    tools: [
      { id: 'browser', inputs: ['web' as const] },
      { id: 'plugin', third_party: true, actions: ['delete' as const] },
    ],
    credentials: [{ id: 'key', type: 'api-key' as const, grants: [{ data: 'faq', access: 'write' as const }] }],
    data: [
      { id: 'faq', classification: 'public' as const },
      { id: 'ledger', classification: 'restricted' as const },
      { id: 'notes', classification: 'confidential' as const },
    ],
  };

  it('are derived from exposure, untrusted input, third parties and what the data and grants are', () => {
    const a = analyzePaths(graphOf(model));
    expect(a.entries.map((e) => [e.id, e.reasons, e.states])).toEqual([
      ['browser', ['untrusted-input'], ['tainted']],
      ['chat', ['external'], ['control']],
      ['mailer', ['untrusted-input'], ['control']],
      ['ops', ['untrusted-boundary'], ['control']],
      ['plugin', ['third-party'], ['control']],
    ]);
    expect(a.jewels.map((j) => [j.id, j.reasons, j.impact])).toEqual([
      ['key', ['write-credential'], 0.7],
      ['ledger', ['restricted-data'], 1],
      ['notes', ['confidential-data'], 0.6],
      ['plugin', ['irreversible-tool'], 0.8],
    ]);
    // A third-party irreversible tool is both: no hop separates it from itself.
    expect(a.chokepoints.cut.uncuttable).toEqual(['plugin']);
  });

  it('follow the model’s overrides', () => {
    const overridden = {
      ...model,
      agents: [...model.agents.filter((x) => x.id !== 'chat'), { ...model.agents[0]!, entry: false }, { id: 'cron', entry: true }],
      data: [{ id: 'faq', classification: 'public' as const, target: true }, { id: 'ledger', classification: 'restricted' as const, target: false }],
    };
    const a = analyzePaths(graphOf(overridden));
    expect(a.entries.map((e) => e.id)).toEqual(['browser', 'cron', 'mailer', 'ops', 'plugin']);
    expect(a.jewels.map((j) => j.id)).toEqual(['faq', 'key', 'plugin']);
  });
});

describe('a single query', () => {
  it('ranks the same paths as the full analysis between the same nodes', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), fc.nat(), (seed, x, y) => {
        const graph = graphOf(randomModel(seed, { agents: 5, tools: 3, credentials: 3, data: 3, density: 0.35 }));
        const ids = graph.nodes.filter((n) => n.kind !== 'owner').map((n) => n.id);
        const from = ids[x % ids.length]!;
        const to = ids[y % ids.length]!;
        if (from === to) return;
        const q = queryPaths(graph, { from: [from], to: [to], top: 5, maxHops: 5 });
        const a = analyzePaths(graph, { from: [from], to: [to], top: 5, maxHops: 5 });
        expect(q.paths).toEqual(a.paths);
      }),
      { numRuns: 100 },
    );
  });
});
