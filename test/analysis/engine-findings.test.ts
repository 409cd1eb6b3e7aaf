import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/engine.js';
import { defineRule, type RuleResult } from '../../src/analysis/rule.js';
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
});
