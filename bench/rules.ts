/**
 * The rule benchmark: the whole catalogue over the synthetic models, beyond loading (issue 3's
 * target: 2 s or less at 100k nodes). Prints per size the cold run (the first on a fresh graph, as
 * a CLI run is: wall and CPU time) and a warm one, the slowest rules, and the growth factor between
 * sizes, which should stay close to the growth in nodes.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/rules.ts [--sizes 1000,10000,100000]
 */
import { performance } from 'node:perf_hooks';
import { CATALOGUE } from '../src/analysis/catalogue.js';
import { analyze } from '../src/analysis/engine.js';
import { buildGraph } from '../src/graph/graph.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { loadModel } from '../src/model/load.js';
import { generateModel } from './synthetic.js';

const TARGET_MS = 2000;
const AS_OF = '2026-11-28';
const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [1000, 10_000, 100_000];

function ms(t: number): string {
  return `${t.toFixed(0).padStart(6)} ms`;
}

let previous: { nodes: number; total: number } | undefined;
let failed = false;
console.log('rules: the whole catalogue beyond loading');
for (const nodes of sizes) {
  const text = JSON.stringify(generateModel({ nodes, seed: 1 }));
  const loaded = loadModel([{ file: `synthetic-${nodes}.json`, content: text }], { maxFileBytes: 1 << 30 });
  if (!loaded.ok) throw new Error(loaded.diagnostics.slice(0, 5).map(formatDiagnostic).join('\n'));
  const graph = buildGraph(loaded.model);
  globalThis.gc?.();
  // First the whole catalogue on the fresh graph, as a CLI run does: nothing memoized per graph yet.
  const cpu0 = process.cpuUsage();
  const cold0 = performance.now();
  analyze(graph, { asOf: AS_OF, rules: CATALOGUE });
  const cold = performance.now() - cold0;
  const cpu = process.cpuUsage(cpu0);
  const coldCpu = (cpu.user + cpu.system) / 1000;
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
  if (nodes >= 100_000 && cold > TARGET_MS) failed = true;
  previous = { nodes, total: cold };
}
if (failed) {
  console.log(`✖ the catalogue took longer than ${TARGET_MS} ms at 100k nodes`);
  process.exitCode = 1;
}
