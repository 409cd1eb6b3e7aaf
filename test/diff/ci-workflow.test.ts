import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { cli } from '../helpers/cli.js';
import { ROOT } from '../render/helpers.js';

const WORKFLOW = 'examples/ci/steward-diff.yml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

function workflow() {
  const doc = parseDocument(readFileSync(join(ROOT, WORKFLOW), 'utf8'), { uniqueKeys: true });
  expect(doc.errors, String(doc.errors)).toEqual([]);
  expect(doc.warnings, String(doc.warnings)).toEqual([]);
  return doc.toJS() as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { env: Record<string, string>; steps: Step[] }> };
}

/** The words of one shell command line: double-quoted strings kept whole. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** The `npx steward diff ...` line the workflow runs, as argv for the CLI, with its variables given. */
function stewardArgv(vars: Record<string, string>): string[] {
  const { jobs } = workflow();
  const run = Object.values(jobs).flatMap((j) => j.steps).map((s) => s.run ?? '').find((r) => r.includes('npx steward diff'))!;
  const line = run.split('\n').find((l) => l.trim().startsWith('npx steward diff'))!;
  return words(line.trim())
    .slice(2)
    .map((w) => w.replace(/\$([A-Z_]+)|base\/\$([A-Z_]+)/g, (m) => vars[m] ?? m));
}

describe(`the CI workflow (${WORKFLOW})`, () => {
  it('is valid YAML for a pull-request workflow that checks out the base next to the head', () => {
    const w = workflow();
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(w.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const [job] = Object.values(w.jobs);
    expect(job!.env.STEWARD_MODEL).toBe('models/support-desk');
    const steps = job!.steps;
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps.some((s) => s.uses === 'actions/setup-node@v4' && s.with?.['node-version'] === 20)).toBe(true);
    expect(steps.some((s) => /git worktree add --detach base "\$BASE_SHA"/.test(s.run ?? ''))).toBe(true);
    expect(steps.some((s) => (s.run ?? '').includes('$GITHUB_STEP_SUMMARY'))).toBe(true);
    expect(steps.some((s) => (s.run ?? '').includes('gh pr comment'))).toBe(true);
    // Untrusted event fields reach the scripts only through env, never spliced into them.
    for (const s of steps) expect(s.run ?? '', s.name).not.toContain('${{');
  });

  it('runs a command line that works: on the reference model against itself', async () => {
    const argv = stewardArgv({ 'base/$STEWARD_MODEL': 'models/support-desk', $STEWARD_MODEL: 'models/support-desk' });
    expect(argv).toEqual(['diff', 'models/support-desk', 'models/support-desk', '--format', 'markdown', '-o', 'steward-diff.md', '--fail-on', 'high']);
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.files.get('steward-diff.md')).toContain('**✔ no finding opened');
  });

  it.each([
    ['add-tool-delegation', 1],
    ['remove-approval', 1],
    ['fix-gap', 0],
  ])('and on the %s pull request (exit %i)', async (pair, code) => {
    const dir = `test/fixtures/diff/${pair}`;
    const r = await cli(stewardArgv({ 'base/$STEWARD_MODEL': `${dir}/old`, $STEWARD_MODEL: `${dir}/new` }));
    expect(r.code).toBe(code);
    expect(r.files.get('steward-diff.md')).toMatch(/^## Steward: what this change does to the threat model/);
  });
});
