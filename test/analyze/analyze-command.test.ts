import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const root = join(import.meta.dirname, '../..');
const model = 'test/fixtures/analyze/design.yaml';
const asOf = ['--as-of', '2026-11-28'];

describe('steward analyze', () => {
  it('prints every MAESTRO layer in the table, then a summary line, and exits 0 without --fail-on', async () => {
    const r = await cli(['analyze', model, ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^L[1-7] /gm)).toHaveLength(7);
    expect(r.stdout.trimEnd().split('\n').pop()).toMatch(/open finding.*rules? as of 2026-11-28$/);
  });

  it('exits 1 when an open finding reaches --fail-on, 0 when none does', async () => {
    expect((await cli(['analyze', model, ...asOf, '--fail-on', 'low'])).code).toBe(1);
    const none = await cli(['analyze', model, ...asOf, '--fail-on', 'critical', '--rule', 'agent-without-business-owner', '--skip-rule', 'agent-without-business-owner']);
    expect(none.code).toBe(0);
  });

  it('writes JSON that validates against models/findings.schema.json and is byte-identical across runs', async () => {
    const a = await cli(['analyze', model, ...asOf, '--format', 'json']);
    const b = await cli(['analyze', model, ...asOf, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    const schema = JSON.parse(readFileSync(join(root, 'models/findings.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const doc = JSON.parse(a.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.findings.length).toBeGreaterThan(0);
    for (const f of doc.findings) expect(f.id).toBe(`${f.ruleId}@${f.subject}${f.id.includes('/') ? f.id.slice(f.id.indexOf('/', f.id.indexOf('@'))) : ''}`);
  });

  it('counts only findings missing from the --baseline towards --fail-on', async () => {
    const base = await cli(['analyze', model, ...asOf, '--format', 'json', '-o', 'baseline.json']);
    const baselineText = base.files.get('baseline.json')!;
    const dir = await import('node:fs/promises').then(async (fs) => fs.mkdtemp(join((await import('node:os')).tmpdir(), 'steward-baseline-')));
    try {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'baseline.json'), baselineText);
      const same = await cli(['analyze', model, ...asOf, '--fail-on', 'low', '--baseline', join(dir, 'baseline.json')]);
      expect(same.code).toBe(0);
      expect(same.stdout).toContain('0 new since the baseline');
      const doc = JSON.parse(baselineText);
      doc.findings = doc.findings.slice(1);
      writeFileSync(join(dir, 'baseline.json'), JSON.stringify(doc));
      const fewer = await cli(['analyze', model, ...asOf, '--fail-on', 'low', '--baseline', join(dir, 'baseline.json'), '--format', 'json']);
      expect(fewer.code).toBe(1);
      expect(JSON.parse(fewer.stdout).summary.new).toBe(1);
      writeFileSync(join(dir, 'baseline.json'), '{"format":"something-else"}');
      const bad = await cli(['analyze', model, ...asOf, '--baseline', join(dir, 'baseline.json')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/not a Steward findings document/);
    } finally {
      const { rmSync } = await import('node:fs');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown rule with a suggestion, exit 2', async () => {
    const r = await cli(['analyze', model, '--rule', 'agent-without-busines-owner']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "agent-without-business-owner"?');
  });

  it('rejects a malformed --as-of, exit 2', async () => {
    const r = await cli(['analyze', model, '--as-of', '28/11/2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('YYYY-MM-DD');
  });

  it('reports an invalid model with diagnostics and exit 2, before any analysis', async () => {
    const r = await cli(['analyze', 'test/fixtures/analyze/does-not-exist.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder');
  });
});
