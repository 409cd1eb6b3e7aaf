import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const pair = (name: string) => [`test/fixtures/diff/${name}/old`, `test/fixtures/diff/${name}/new`];
const AS_OF = ['--as-of', '2026-11-29'];

describe('steward diff', () => {
  it('identical models: an empty diff, exit 0 even with --fail-on info', async () => {
    const r = await cli(['diff', 'models/support-desk', 'models/support-desk', ...AS_OF, '--fail-on', 'info']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ no finding opened, 0 resolved; 0 new paths to crown jewels, 0 paths removed');
    expect(r.stderr).toBe('');
  });

  it('exits 1 when the change opens a finding at or above --fail-on, naming it', async () => {
    const r = await cli(['diff', ...pair('add-tool-delegation'), ...AS_OF, '--fail-on', 'high']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^steward: the change opens 2 findings at or above high: confused-deputy-delegation@refunds-agent\/order-lookup-agent/);
  });

  it('exits 0 when what the change opens is below --fail-on, and for a fix', async () => {
    expect((await cli(['diff', ...pair('remove-approval'), ...AS_OF, '--fail-on', 'critical'])).code).toBe(0);
    expect((await cli(['diff', ...pair('remove-approval'), ...AS_OF, '--fail-on', 'high'])).code).toBe(1);
    expect((await cli(['diff', ...pair('fix-gap'), ...AS_OF, '--fail-on', 'low'])).code).toBe(0);
  });

  it('takes several files per side with --old and --new, the same as the folders', async () => {
    const files = (side: string) => ['agents.yaml', 'platform.yaml'].flatMap((f) => [`--${side}`, `test/fixtures/diff/fix-gap/${side}/${f}`]);
    const named = await cli(['diff', ...files('old'), ...files('new'), ...AS_OF, '--format', 'json']);
    const positional = await cli(['diff', ...pair('fix-gap'), ...AS_OF, '--format', 'json']);
    expect(named.code).toBe(0);
    expect(named.stdout).toBe(positional.stdout);
  });

  it('writes the output to a file with -o', async () => {
    const r = await cli(['diff', ...pair('fix-gap'), ...AS_OF, '--format', 'markdown', '-o', 'out.md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.files.get('out.md')).toMatch(/^## Steward: what this change does to the threat model/);
  });

  it.each([
    [['diff', 'models/support-desk'], 'expected two paths'],
    [['diff', 'a', 'b', '--old', 'c'], 'not both'],
    [['diff', '--old', 'models/support-desk'], 'missing --new'],
    [['diff', ...pair('fix-gap'), '--rule', 'no-such-rule'], 'unknown rule "no-such-rule"'],
  ])('bad usage exits 2: %j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an invalid model on either side: every problem with its file, line and column, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-diff-'));
    writeFileSync(join(dir, 'broken.yaml'), 'version: 1\nagents:\n  - id: a\n    tols: [x]\n');
    const r = await cli(['diff', 'models/support-desk', join(dir, 'broken.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`steward: the new model (${join(dir, 'broken.yaml')}) cannot be loaded:`);
    expect(r.stderr).toMatch(/broken\.yaml:4:5: unknown key "tols"/);
    expect(r.stderr).not.toContain('the old model');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = await cli(['diff', 'no/such/old', 'models/support-desk']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the old model (no/such/old) cannot be loaded');
  });

  it('is byte-identical across runs in every format', async () => {
    for (const format of ['table', 'json', 'markdown', 'mermaid']) {
      const one = await cli(['diff', ...pair('add-tool-delegation'), ...AS_OF, '--format', format]);
      const two = await cli(['diff', ...pair('add-tool-delegation'), ...AS_OF, '--format', format]);
      expect(one.stdout.length, format).toBeGreaterThan(0);
      expect(two.stdout, format).toBe(one.stdout);
    }
  });
});
