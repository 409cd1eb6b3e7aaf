/**
 * The rule benchmark: the whole catalogue over the synthetic models, beyond loading (issue 3's
 * target: 2 s or less at 100k nodes). Prints per size the cold run (the first on a fresh graph, as
 * a CLI run is: wall and CPU time) and a warm one, the slowest rules, and the growth factor between
 * sizes, which should stay close to the growth in nodes.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/rules.ts [--sizes 1000,10000,100000] [--runs N]
 *
 * This machine's speed moves by half from hour to hour, so one cold run says little about a
 * change. With `--runs N` the cold run is also made in N fresh processes, one after another, as N
 * CLI runs would be (the first run here has compiled code from the smaller sizes), and their
 * median decides the target. A calibration figure (`calibrate.ts`) shows what kind of hour it was.
 *
 * At each size it also prints the lower bound (`floor.ts`), measured in a fresh process: the
 * shared path facts and the engine with the same findings, the rules doing no work of their own.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../src/analysis/catalogue.js';
import { analyze } from '../src/analysis/engine.js';
import { buildGraph, type ModelGraph } from '../src/graph/graph.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { loadModel } from '../src/model/load.js';
import { calibrate, IDLE_CALIBRATION_MS } from './calibrate.js';
import { measureFloor, type FloorFigures } from './floor.js';
import { optionValue } from './runtime.js';
import { generateModel } from './synthetic.js';

const TARGET_MS = 2000;
const AS_OF = '2026-11-28';
const argv = process.argv.slice(2);

function ms(t: number): string {
  return `${t.toFixed(0).padStart(6)} ms`;
}

function graphOf(nodes: number): ModelGraph {
  const text = JSON.stringify(generateModel({ nodes, seed: 1 }));
  const loaded = loadModel([{ file: `synthetic-${nodes}.json`, content: text }], { maxFileBytes: 1 << 30 });
  if (!loaded.ok) throw new Error(loaded.diagnostics.slice(0, 5).map(formatDiagnostic).join('\n'));
  return buildGraph(loaded.model);
}

/** The whole catalogue once on a fresh graph: wall and CPU time, in milliseconds. */
function coldRun(graph: ModelGraph): { wall: number; cpu: number; findings: number } {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const report = analyze(graph, { asOf: AS_OF, rules: CATALOGUE });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, findings: report.findings.length };
}

/** A child process of this script (`--cold-child` or `--floor-child`) at a size: its last line, parsed. */
function inChild<T>(mode: string, nodes: number): T {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...process.execArgv, self, mode, String(nodes)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${mode} at ${nodes} nodes failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

if (argv[0] === '--cold-child') {
  process.stdout.write(`${JSON.stringify(coldRun(graphOf(Number(argv[1]))))}\n`);
  process.exit(0);
}
if (argv[0] === '--floor-child') {
  const nodes = Number(argv[1]);
  process.stdout.write(`${JSON.stringify(measureFloor(() => graphOf(nodes), AS_OF))}\n`);
  process.exit(0);
}

const sizes = (optionValue('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const runs = Math.max(1, Number(optionValue('--runs') ?? 1));
let previous: { nodes: number; total: number } | undefined;
let failed = false;
console.log(`rules: the whole catalogue beyond loading; calibration BFS ${calibrate().toFixed(1)} ms (${IDLE_CALIBRATION_MS} ms on an idle machine)`);
for (const nodes of sizes) {
  const graph = graphOf(nodes);
  // First the whole catalogue on the fresh graph, as a CLI run does: nothing memoized per graph yet.
  const { wall: cold, cpu: coldCpu } = coldRun(graph);
  const perRule: { id: string; t: number }[] = [];
  const start = performance.now();
  for (const rule of CATALOGUE) {
    const t0 = performance.now();
    analyze(graph, { asOf: AS_OF, rules: [rule] });
    perRule.push({ id: rule.id, t: performance.now() - t0 });
  }
  const sumOfRules = performance.now() - start;
  const t0 = performance.now();
  const report = analyze(graph, { asOf: AS_OF, rules: CATALOGUE });
  const total = performance.now() - t0;
  const growth = previous ? ` (x${(cold / previous.total).toFixed(1)} for x${(nodes / previous.nodes).toFixed(0)} nodes)` : '';
  console.log(
    `${String(nodes).padStart(7)} nodes ${String(graph.size).padStart(8)} relations  ${CATALOGUE.length} rules cold ${ms(cold).trim()} (${ms(coldCpu).trim()} CPU)${growth}, warm ${ms(total).trim()}  ${report.findings.length} findings  (rules one by one: ${ms(sumOfRules).trim()})`,
  );
  const slowest = perRule.sort((a, b) => b.t - a.t).slice(0, 5);
  console.log(`        slowest: ${slowest.map((r) => `${r.id} ${r.t.toFixed(0)} ms`).join(', ')}`);
  let verdict = cold;
  if (runs > 1) {
    const alone = Array.from({ length: runs }, () => inChild<{ wall: number; cpu: number }>('--cold-child', nodes));
    const walls = alone.map((r) => r.wall);
    const cpus = alone.map((r) => r.cpu);
    verdict = median(walls);
    console.log(
      `        cold over ${runs} fresh processes: median ${ms(verdict).trim()} (${ms(Math.min(...walls)).trim()} to ${ms(Math.max(...walls)).trim()}), CPU median ${ms(median(cpus)).trim()}`,
    );
  }
  const floor = inChild<FloorFigures>('--floor-child', nodes);
  console.log(
    `        lower bound, the rules doing no work of their own (a fresh process): shared path facts ${ms(floor.pathFacts).trim()} + the engine with the same ${floor.findings} findings ${ms(floor.engine).trim()} = ${ms(floor.pathFacts + floor.engine).trim()}`,
  );
  if (nodes >= 100_000 && verdict > TARGET_MS) failed = true;
  previous = { nodes, total: cold };
}
console.log(`calibration BFS at the end: ${calibrate().toFixed(1)} ms`);
if (failed) {
  console.log(`✖ the catalogue took longer than ${TARGET_MS} ms at 100k nodes`);
  process.exitCode = 1;
}
