import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds dist/ once per test run, for the tests that spawn `node bin/steward.js` as a user would.
 * Skipped when dist/ is newer than every source file. Type errors do not stop the build (tsc
 * still emits, and `npm test` type-checks separately), but a build that leaves no CLI does.
 */
const root = join(import.meta.dirname, '..');
const entry = join(root, 'dist/src/cli/main.js');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'rules')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  if (!existsSync(entry)) {
    throw new Error(`building dist/ for the CLI tests failed:\n${result.stdout}${result.stderr}`);
  }
}
