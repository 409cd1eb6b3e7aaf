import { describe, expect, it } from 'vitest';
import { computePaths } from '../../src/analysis/paths/analyze.js';
import { buildPathIndex } from '../../src/analysis/paths/projection.js';
import { condense } from '../../src/analysis/paths/reach.js';
import type { AgentSpec, ModelFileSpec } from '../../src/model/schema.js';
import { graphOf } from './helpers.js';

const N = 100_000;
const id = (i: number) => `a${String(i).padStart(6, '0')}`;

/** N agents, each delegating to the next (and the last back to the first when `ring`). */
function chain(ring: boolean, entries: number[], holder: number): ModelFileSpec {
  const agents: AgentSpec[] = Array.from({ length: N }, (_, i) => {
    const a: AgentSpec = { id: id(i) };
    if (i + 1 < N || ring) a.delegates_to = [id((i + 1) % N)];
    if (entries.includes(i)) a.exposure = 'external';
    if (i === holder) a.credential = 'root-key';
    return a;
  });
  return {
    version: 1,
    agents,
    credentials: [{ id: 'root-key', type: 'api-key', grants: [{ data: 'vault', access: 'admin' }] }],
    data: [{ id: 'vault', classification: 'restricted' }],
  };
}

describe('iterative algorithms only: no recursion depth limit', () => {
  it('follows a 100k-long delegation chain without overflowing the stack', () => {
    const graph = graphOf(chain(false, [0, N - 10], N - 1));
    const index = buildPathIndex(graph);
    const { analysis, reached } = computePaths(index, { maxHops: 64 });
    // The far entry is 100k hops away; the near one is 9 delegations from the key's holder.
    expect(analysis.paths.map((p) => [p.jewel, p.hops.length])).toEqual([
      ['root-key', 10],
      ['vault', 11],
    ]);
    expect(analysis.paths[0]!.entry).toBe(id(N - 10));
    expect(reached[graph.node(id(1))!.index]).toBe(1);
    const vault = analysis.exposure.find((x) => x.jewel === 'vault')!;
    expect(vault.entries).toBe(2);
    expect(analysis.blastRadius.find((b) => b.id === id(0))?.jewels).toBe(2);
    expect(analysis.chokepoints.cut.size).toBe(1);
    expect(analysis.truncated.some((t) => t.cap === 'max-hops')).toBe(true);
  }, 120_000);

  it('condenses and ranks over a 100k-long delegation cycle', () => {
    const graph = graphOf(chain(true, [0], N / 2));
    const index = buildPathIndex(graph);
    const cond = condense(index);
    const agentComp = cond.comp[graph.node(id(0))!.index]!;
    for (let i = 0; i < N; i += 997) expect(cond.comp[graph.node(id(i))!.index]).toBe(agentComp);
    const { analysis } = computePaths(index, { maxHops: 64, from: [id(N / 2 - 20)] });
    expect(analysis.paths[0]!.hops.length).toBe(21);
    expect(analysis.blastRadius.find((b) => b.id === id(0))?.reaches).toBe(N + 1);
  }, 120_000);
});
