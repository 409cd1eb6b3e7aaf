/**
 * `steward analyze` end to end, as a user runs it: read the file, load, analyze, write the output
 * with -o, in a fresh process per format, with its wall time, peak resident memory and output size.
 * No target of its own (the catalogue's is in rules.ts); it shows that every format streams at any
 * size and what the whole command costs.
 *
 *   npm run bench -- analyze
 *   node --max-old-space-size=8192 bench-dist/bench/analyze.js [--nodes 100000] [--formats table,json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LOADER_ARGS, optionValue, sourceFile } from './runtime.js';
import { generateModel } from './synthetic.js';

const FORMATS = ['table', 'json', 'sarif', 'markdown'] as const;
const AS_OF = '2026-11-28';
const argv = process.argv.slice(2);

interface ChildResult {
  code: number;
  peakRssMb: number;
}

if (argv[0] === '--child') {
  // The CLI in this process, as bin/steward.js runs it, then the peak memory of the whole run.
  const { run } = (await import(new URL(sourceFile('../src/cli/main.ts'), import.meta.url).href)) as typeof import('../src/cli/main.js');
  const code = await run(argv.slice(1));
  process.stdout.write(`${JSON.stringify({ code, peakRssMb: process.resourceUsage().maxRSS / 1024 } satisfies ChildResult)}\n`);
  process.exit(0);
}

const nodes = Number(optionValue('--nodes') ?? 100_000);
const formats = (optionValue('--formats') ?? FORMATS.join(',')).split(',');
const dir = mkdtempSync(join(tmpdir(), 'steward-bench-analyze-'));
const self = fileURLToPath(import.meta.url);
try {
  const model = join(dir, `synthetic-${nodes}.json`);
  writeFileSync(model, JSON.stringify(generateModel({ nodes, seed: 1 })));
  console.log(`analyze end to end: ${nodes} nodes (${(statSync(model).size / 1048576).toFixed(0)} MiB JSON), a fresh process per format`);
  for (const format of formats) {
    const out = join(dir, `out.${format}`);
    const t0 = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', ...LOADER_ARGS, self, '--child', 'analyze', model, '--as-of', AS_OF, '--format', format, '-o', out],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const wall = performance.now() - t0;
    const result = child.stdout.trim() ? (JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildResult) : undefined;
    if (child.status !== 0 || !result || result.code !== 0) throw new Error(`analyze --format ${format} failed (${child.status}, ${result?.code}):\n${child.stderr}`);
    console.log(`  ${format.padEnd(8)} ${(wall / 1000).toFixed(1).padStart(5)} s, peak ${result.peakRssMb.toFixed(0)} MB, output ${(statSync(out).size / 1048576).toFixed(0)} MiB`);
    rmSync(out);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
