/**
 * The report benchmark: the HTML (and Markdown) report of the synthetic 10k-node model. Rendering
 * must not be the slow part: the HTML report is rendered and written in 2 s or less.
 *
 *   node --expose-gc --import tsx bench/report.ts                 10k nodes
 *   node --expose-gc --import tsx bench/report.ts --nodes 20000   another size
 *
 * Stages are timed one by one in this process (load, graph, rules, paths, HTML, Markdown), the
 * rendering over several runs after a warm-up; then `steward report` runs end to end in a fresh
 * process, as a user would run it. Exits 1 when the HTML report takes longer than the target.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../src/analysis/catalogue.js';
import { analyze } from '../src/analysis/engine.js';
import { analyzePaths } from '../src/analysis/paths/index.js';
import { mermaidBundle } from '../src/cli/commands/report.js';
import { buildGraph } from '../src/graph/graph.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { loadModel } from '../src/model/load.js';
import { renderHtmlReport } from '../src/render/html/report.js';
import { renderMarkdownReport } from '../src/render/report-markdown.js';
import { VERSION } from '../src/version.js';
import { generateModel } from './synthetic.js';
import { LOADER_ARGS, optionValue, sourceFile } from './runtime.js';

const TARGET_MS = 2000;
const RUNS = 5;
const SEED = 20261;
const AS_OF = '2026-11-01';

const nodes = Number(optionValue('--nodes') ?? 10_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
};
const ms = (x: number) => `${Math.round(x)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'steward-report-bench-'));
try {
  const modelFile = join(dir, `synthetic-${nodes}.json`);
  writeFileSync(modelFile, JSON.stringify(generateModel({ nodes, seed: SEED })));

  const [loaded, loadMs] = time(() => loadModel([{ file: modelFile, content: readFileSync(modelFile), format: 'json' }], { maxFileBytes: 1 << 30 }));
  if (!loaded.ok) throw new Error(loaded.diagnostics.slice(0, 10).map(formatDiagnostic).join('\n'));
  const [graph, graphMs] = time(() => buildGraph(loaded.model));
  const [paths, pathsMs] = time(() => analyzePaths(graph));
  const [report, rulesMs] = time(() => analyze(graph, { asOf: AS_OF, rules: CATALOGUE }));
  const [bundle, bundleMs] = time(() => mermaidBundle());
  const input = { graph, report, paths, version: VERSION };

  renderHtmlReport(input, { mermaidScript: bundle });
  const htmlRuns: number[] = [];
  const htmlCpu: number[] = [];
  const mdRuns: number[] = [];
  let html = '';
  let md = '';
  for (let i = 0; i < RUNS; i++) {
    gc();
    const htmlFile = join(dir, 'report.html');
    const cpu = process.cpuUsage();
    const [, h] = time(() => {
      html = renderHtmlReport(input, { mermaidScript: bundle });
      writeFileSync(htmlFile, html);
    });
    htmlRuns.push(h);
    const used = process.cpuUsage(cpu);
    htmlCpu.push((used.user + used.system) / 1000);
    const [, m] = time(() => {
      md = renderMarkdownReport(input);
      writeFileSync(join(dir, 'report.md'), md);
    });
    mdRuns.push(m);
  }

  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...LOADER_ARGS, '--input-type=module', '-e', `const { run } = await import(${JSON.stringify(new URL(sourceFile('../src/cli/main.ts'), import.meta.url).href)}); process.exitCode = await run(process.argv.slice(1));`, 'report', modelFile, '--as-of', AS_OF, '--html', join(dir, 'cli.html'), '--md', join(dir, 'cli.md')],
    { encoding: 'utf8' },
  );
  const cliMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`steward report failed (${child.status}): ${child.stderr}`);

  const htmlMs = median(htmlRuns);
  const ok = htmlMs <= TARGET_MS;
  const rows: [string, string][] = [
    ['model', `${graph.order} entities, ${graph.size} relations (seed ${SEED}, ${(statSync(modelFile).size / 1048576).toFixed(1)} MiB JSON)`],
    ['findings', `${report.findings.length} (${report.summary.open} open) from ${report.rules.length} rules; ${paths.paths.length} ranked paths`],
    ['load (parse, validate, resolve)', ms(loadMs)],
    ['graph', ms(graphMs)],
    ['paths', ms(pathsMs)],
    ['rules (path rules reuse the paths)', ms(rulesMs)],
    ['read mermaid.min.js', ms(bundleMs)],
    [`HTML report, render + write (median of ${RUNS}, max)`, `${ms(htmlMs)}, ${ms(Math.max(...htmlRuns))} -> ${(html.length / 1048576).toFixed(1)} MiB`],
    ['  of which CPU time (median; the rest is waiting: a busy machine)', ms(median(htmlCpu))],
    [`Markdown report, render + write (median of ${RUNS})`, `${ms(median(mdRuns))} -> ${(md.length / 1048576).toFixed(2)} MiB`],
    ['steward report --html --md, end to end (fresh process)', ms(cliMs)],
    ['load average (1 min) / cores', `${loadavg()[0]!.toFixed(2)} / ${cpus().length}`],
    [`target: HTML report <= ${TARGET_MS} ms (median)`, ok ? 'met' : 'MISSED'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`report benchmark, ${nodes} nodes, Node ${process.version}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
