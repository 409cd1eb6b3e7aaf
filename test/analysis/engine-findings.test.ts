import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/engine.js';
import { compareFindings } from '../../src/analysis/finding.js';
import { defineRule, type RuleResult } from '../../src/analysis/rule.js';
import { buildGraph } from '../../src/graph/graph.js';
import { loadCase } from '../helpers/rule-cases.js';

/** A rule that yields the given results as they are, to test what the engine makes of them. */
function ruleYielding(id: string, results: RuleResult[]) {
  return defineRule({
    id,
    title: id,
    category: 'ownership',
    severity: 'low',
    layers: [6],
    references: ['maestro:L6'],
    rationale: 'test',
    remediation: 'test',
    check: () => results,
  });
}

const graph = () => loadCase({ version: 1, agents: [{ id: 'a' }, { id: 'b' }] });

describe('engine: finding ids', () => {
  it('keeps the first finding of a repeated id, per rule, keyed or not', () => {
    const rule = ruleYielding('r', [
      { subject: 'a', message: 'first' },
      { subject: 'a', message: 'second' },
      { subject: 'a', key: 'k', message: 'keyed first' },
      { subject: 'a', key: 'k', message: 'keyed second' },
      { subject: 'b', message: 'other node' },
      { subject: 'a', key: '', message: 'an empty key is no key' },
    ]);
    const findings = analyze(graph(), { asOf: '2026-11-01', rules: [rule] }).findings;
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ['r@a', 'first'],
      ['r@a/k', 'keyed first'],
      ['r@b', 'other node'],
    ]);
  });

  it('does not let one rule hide the same subject from another', () => {
    const one = ruleYielding('one', [{ subject: 'a', message: 'x' }]);
    const two = ruleYielding('two', [{ subject: 'a', message: 'x' }]);
    const findings = analyze(graph(), { asOf: '2026-11-01', rules: [one, two] }).findings;
    expect(findings.map((f) => f.id)).toEqual(['one@a', 'two@a']);
  });

  it('dedupes a rule listed twice across both of its runs', () => {
    const rule = ruleYielding('r', [{ subject: 'b', message: 'x' }]);
    const findings = analyze(graph(), { asOf: '2026-11-01', rules: [rule, rule] }).findings;
    expect(findings.map((f) => f.id)).toEqual(['r@b']);
  });

  it('gives the findings on one node equal locations, and a subject that is no node the first file', () => {
    const rule = ruleYielding('r', [
      { subject: 'a', message: 'x' },
      { subject: 'a', key: 'k', message: 'y' },
      { subject: 'missing', message: 'z' },
    ]);
    const g = graph();
    const [x, y, z] = analyze(g, { asOf: '2026-11-01', rules: [rule] }).findings;
    const { file, line, column } = g.node('a')!.source;
    expect(x!.location).toEqual({ file, line, column });
    expect(y!.location).toEqual({ file, line, column });
    expect(column).toBeGreaterThan(1);
    expect(z!.location).toEqual({ file: 'case.json', line: 1, column: 1 });
  });

  it('sorts and dedupes related ids', () => {
    const rule = ruleYielding('r', [
      { subject: 'a', related: ['b', 'a'], message: 'x' },
      { subject: 'b', related: ['a', 'a'], message: 'y' },
    ]);
    const findings = analyze(graph(), { asOf: '2026-11-01', rules: [rule] }).findings;
    expect(findings.map((f) => f.related)).toEqual([['a', 'b'], ['a']]);
  });

  it('orders findings as compareFindings does: subjects by id whatever their position, unkeyed before keyed, then message', () => {
    // Ids whose order differs from their order as keyed ids ("a.k" sorts before "a/z" as a string
    // but after it by subject), a subject that is not a node, and findings yielded out of order at
    // two severities.
    const g = loadCase({ version: 1, agents: ['b', 'a.k', 'a', 'a-2', 'B', 'a0'].map((id) => ({ id })) });
    const rule = ruleYielding('r', [
      { subject: 'b', message: 'm' },
      { subject: 'a', key: 'z', message: 'm' },
      { subject: 'a-2', message: 'm', severity: 'high' },
      { subject: 'a', key: 'k2', message: 'm' },
      { subject: 'not-a-node', message: 'm' },
      { subject: 'a', message: 'm' },
      { subject: 'a.k', message: 'm' },
      { subject: 'B', message: 'm' },
      { subject: 'a0', message: 'm', severity: 'high' },
      { subject: 'a', key: 'k', message: 'm' },
    ]);
    const other = ruleYielding('q', [
      { subject: 'a', message: 'm' },
      { subject: 'B', message: 'm' },
    ]);
    const findings = analyze(g, { asOf: '2026-11-01', rules: [rule, other] }).findings;
    expect(findings.length).toBe(12);
    expect(findings.map((f) => f.id)).toEqual([...findings].sort(compareFindings).map((f) => f.id));
    expect(findings.map((f) => f.id)).toEqual([
      'r@a-2',
      'r@a0',
      'q@B',
      'q@a',
      'r@B',
      'r@a',
      'r@a/k',
      'r@a/k2',
      'r@a/z',
      'r@a.k',
      'r@b',
      'r@not-a-node',
    ]);
  });

  it('dedupes by id on a graph built without the loader, whose ids may hold "/"', () => {
    // The loader rejects "/" in ids; a model built in code may have it, and then `r@a/b` is both
    // the keyed finding (a, b) and the unkeyed finding on node "a/b": the first one wins.
    const loaded = loadCase({ version: 1, agents: [{ id: 'a' }, { id: 'ab' }, { id: 'b' }] });
    const model = {
      entities: loaded.nodes.map((n) => ({ id: n.id === 'ab' ? 'a/b' : n.id, kind: n.kind, spec: n.spec, source: n.source })),
      relations: [],
      accepted: [],
      files: loaded.files,
    };
    const g = buildGraph(model as unknown as Parameters<typeof buildGraph>[0]);
    const rule = ruleYielding('r', [
      { subject: 'a', key: 'b', message: 'keyed first' },
      { subject: 'a/b', message: 'the same id, unkeyed' },
      { subject: 'b', key: 'x/y', message: 'keyed with a slash' },
      { subject: 'b', key: 'x/y', message: 'again' },
      { subject: 'a/b', key: 'c', message: 'on the node with a slash' },
      { subject: 'a', key: 'b/c', message: 'the same id as the one before' },
    ]);
    const findings = analyze(g, { asOf: '2026-11-01', rules: [rule] }).findings;
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ['r@a/b', 'keyed first'],
      ['r@a/b/c', 'on the node with a slash'],
      ['r@b/x/y', 'keyed with a slash'],
    ]);

    // The other way round: the unkeyed finding on "a/b" first, which the keyed one then repeats.
    const reversed = ruleYielding('r', [
      { subject: 'a/b', message: 'unkeyed first' },
      { subject: 'a', key: 'b', message: 'the same id, keyed' },
      { subject: 'a/b', message: 'unkeyed again' },
    ]);
    expect(analyze(g, { asOf: '2026-11-01', rules: [reversed] }).findings.map((f) => [f.id, f.message])).toEqual([['r@a/b', 'unkeyed first']]);
  });
});
