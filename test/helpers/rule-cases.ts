import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/engine.js';
import type { Rule } from '../../src/analysis/rule.js';
import type { Severity } from '../../src/analysis/severity.js';
import { buildGraph } from '../../src/graph/graph.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { loadModel } from '../../src/model/load.js';
import type { ModelFileSpec } from '../../src/model/schema.js';

/** The date every case table is evaluated as of, unless a case says otherwise. */
export const CASE_DATE = '2026-11-01';

export interface ValidCase {
  name: string;
  model: ModelFileSpec;
  asOf?: string;
}

export interface InvalidCase extends ValidCase {
  /** Exactly the findings expected from this rule, by subject (and key, severity when given). */
  expect: { subject: string; key?: string; severity?: Severity }[];
}

/** Loads a case's model; a case whose model is invalid fails with the loader's diagnostics. */
export function loadCase(model: ModelFileSpec) {
  const result = loadModel([{ file: 'case.json', content: JSON.stringify(model), format: 'json' }]);
  if (!result.ok) throw new Error(`case model is invalid:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`);
  return buildGraph(result.model);
}

export function runRule(rule: Rule, model: ModelFileSpec, asOf = CASE_DATE) {
  return analyze(loadCase(model), { asOf, rules: [rule] }).findings.filter((f) => f.ruleId === rule.id);
}

/** A rule's case table, in the manner of ESLint's RuleTester. */
export function ruleCases(rule: Rule, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
    });
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c.model, c.asOf).map((f) => f.id)).toEqual([]);
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        const findings = runRule(rule, c.model, c.asOf);
        const got = findings
          .map((f) => ({ subject: f.subject, key: keyOf(f.id), severity: f.severity }))
          .sort(bySubject);
        const want = [...c.expect].sort(bySubject).map((e) => expect.objectContaining(e));
        expect(got).toEqual(want);
        for (const f of findings) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.location.line).toBeGreaterThan(0);
        }
      });
    }
  });
}

function keyOf(id: string): string | undefined {
  const slash = id.indexOf('/', id.indexOf('@'));
  return slash === -1 ? undefined : id.slice(slash + 1);
}

function bySubject(a: { subject: string; key?: string | undefined }, b: { subject: string; key?: string | undefined }): number {
  const ka = `${a.subject}/${a.key ?? ''}`;
  const kb = `${b.subject}/${b.key ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
