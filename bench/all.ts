/**
 * `npm run bench`: every benchmark in turn, each in its own process with the flags it needs. A
 * stage that misses its target exits 1; the others still run, and the run fails at the end.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LOADER_ARGS, sourceFile } from './runtime.js';

const BIG_HEAP = ['--expose-gc', '--max-old-space-size=8192'];
const STAGES: { script: string; flags: string[]; args?: string[] }[] = [
  { script: 'run.ts', flags: BIG_HEAP },
  // One cold run swings with the machine's hour: the target is judged on the median of three.
  { script: 'rules.ts', flags: BIG_HEAP, args: ['--runs', '3'] },
  { script: 'analyze.ts', flags: [] },
  { script: 'paths.ts', flags: BIG_HEAP },
  { script: 'report.ts', flags: ['--expose-gc'] },
  { script: 'export.ts', flags: BIG_HEAP },
];

// `npm run bench -- rules paths` runs only the stages named.
const names = process.argv.slice(2);
const unknown = names.filter((n) => !STAGES.some((s) => s.script === `${n}.ts`));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}: expected one of ${STAGES.map((s) => s.script.replace(/\.ts$/, '')).join(', ')}`);
  process.exit(2);
}
const missed: string[] = [];
for (const { script, flags, args = [] } of STAGES.filter((s) => !names.length || names.includes(s.script.replace(/\.ts$/, '')))) {
  const path = fileURLToPath(new URL(sourceFile(script), import.meta.url));
  const result = spawnSync(process.execPath, [...flags, ...LOADER_ARGS, path, ...args], { stdio: 'inherit' });
  if (result.status !== 0) missed.push(`bench/${script} (exit ${result.status ?? result.signal})`);
}
if (missed.length) {
  console.log(`\n✖ ${missed.join(', ')}: a target is not met, or the stage failed; see its output above`);
  process.exitCode = 1;
}
