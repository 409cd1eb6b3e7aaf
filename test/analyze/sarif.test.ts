import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateModel } from '../../bench/synthetic.js';
import { GITHUB_MAX_RESULTS, sarifUploadWarning } from '../../src/render/sarif.js';
import { cli } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function validator() {
  const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(sarifSchema);
}

describe('analyze --format sarif', () => {
  it('validates against the SARIF 2.1.0 JSON Schema, with every rule in the driver and each result located', async () => {
    const r = await cli(['analyze', 'test/fixtures/analyze/design.yaml', '--as-of', '2026-11-28', '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const run = log.runs[0];
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toEqual([...ruleIds].sort());
    for (const rule of run.tool.driver.rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
      // GitHub code scanning rejects a log with a rule of more than 20 tags.
      expect(rule.properties.tags.length, rule.id).toBeLessThanOrEqual(20);
    }
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe('test/fixtures/analyze/design.yaml');
      expect(loc.region.startLine).toBeGreaterThan(1);
    }
  });

  it('marks accepted findings as suppressed with their justification', async () => {
    const r = await cli(['analyze', 'test/fixtures/analyze/design.yaml', '--as-of', '2026-11-28', '--format', 'sarif']);
    const results = JSON.parse(r.stdout).runs[0].results as { suppressions?: { justification: string }[]; properties: { findingId: string } }[];
    const accepted = results.filter((x) => x.suppressions);
    for (const a of accepted) expect(a.suppressions![0]!.justification).toMatch(/approved by security/);
    const ids = results.map((x) => x.properties.findingId);
    expect(accepted.map((a) => a.properties.findingId)).toEqual(ids.filter((id) => id === 'static-credential@stripe-key'));
  });

  it('warns, and still writes the log, when GitHub code scanning would reject it for its number of results', async () => {
    expect(sarifUploadWarning(GITHUB_MAX_RESULTS)).toBeUndefined();
    expect(sarifUploadWarning(GITHUB_MAX_RESULTS + 1)).toMatch(/25,001 results; GitHub code scanning rejects a run of more than 25,000/);
    const small = await cli(['analyze', 'test/fixtures/analyze/design.yaml', '--as-of', '2026-11-28', '--format', 'sarif']);
    expect(small.stderr).not.toMatch(/warning/);
    const dir = mkdtempSync(join(tmpdir(), 'steward-sarif-'));
    try {
      writeFileSync(join(dir, 'estate.json'), JSON.stringify(generateModel({ nodes: 8000, seed: 7 })));
      const big = await cli(['analyze', 'estate.json', '--as-of', '2026-11-28', '--format', 'sarif', '-o', 'estate.sarif'], dir);
      expect(big.code).toBe(0);
      const results = JSON.parse(big.files.get('estate.sarif')!).runs[0].results.length as number;
      expect(results).toBeGreaterThan(GITHUB_MAX_RESULTS);
      expect(big.stderr).toContain(`steward: warning: ${sarifUploadWarning(results)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
