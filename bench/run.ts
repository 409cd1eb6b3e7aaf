/**
 * Steward's scale benchmark: synthetic enterprise models at 1k, 10k and 100k nodes, as JSON and as
 * YAML, loaded (parse, validate, resolve), graphed, and for comparison copied into graphology.
 *
 *   npm run bench                           every size and format
 *   npm run bench -- --sizes 1000,10000     some sizes
 *   npm run bench -- --formats json         one format
 *   npm run bench -- --no-graphology        skip the graphology baseline (slow at 100k)
 *
 * Each (size, format) runs in its own child process, which reads the model file from disk as the
 * CLI does, so the peak resident memory it reports is the loader's and the graph's alone, not the
 * generator's. Memory is measured after a full GC between stages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGraph } from '../src/graph/graph.js';
import { toGraphology } from '../src/graph/graphology.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { loadModel } from '../src/model/load.js';
import { toYaml } from './emit.js';
import { generateModel } from './synthetic.js';
import { LOADER_ARGS, optionValue } from './runtime.js';

type Format = 'json' | 'yaml';

interface Result {
  nodes: number;
  format: Format;
  bytes: number;
  entities: number;
  relations: number;
  readMs: number;
  loadMs: number;
  graphMs: number;
  /** CPU time (all threads, so GC helpers count) of loading and of graphing. */
  loadCpuMs: number;
  graphCpuMs: number;
  graphologyMs: number | null;
  /** Heap in use after a GC, once the model is loaded and once the graph is built. */
  heapModelMb: number;
  heapGraphMb: number;
  /** Peak resident set of the child over reading, loading and graphing (before graphology). */
  peakRssMb: number;
  baseRssMb: number;
}

const SEED = 20261;
const MB = 1024 * 1024;

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run bench does)');
  collect();
  collect();
};

function child(file: string, format: Format, nodes: number, graphology: boolean): Result {
  gc();
  const baseRssMb = process.memoryUsage().rss / MB;
  const cpu = (since: NodeJS.CpuUsage) => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  let t = performance.now();
  const content = readFileSync(file);
  const readMs = performance.now() - t;
  t = performance.now();
  let c = process.cpuUsage();
  const loaded = loadModel([{ file, content, format }], { maxFileBytes: 1024 * MB });
  const loadMs = performance.now() - t;
  const loadCpuMs = cpu(c);
  if (!loaded.ok) {
    throw new Error(`the synthetic model is invalid:\n${loaded.diagnostics.slice(0, 10).map(formatDiagnostic).join('\n')}`);
  }
  gc();
  const heapModelMb = process.memoryUsage().heapUsed / MB;
  t = performance.now();
  c = process.cpuUsage();
  const graph = buildGraph(loaded.model);
  const graphMs = performance.now() - t;
  const graphCpuMs = cpu(c);
  gc();
  const heapGraphMb = process.memoryUsage().heapUsed / MB;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  let graphologyMs: number | null = null;
  if (graphology) {
    t = performance.now();
    const g = toGraphology(graph);
    graphologyMs = performance.now() - t;
    if (g.size !== graph.size) throw new Error('graphology lost edges');
  }
  return {
    nodes,
    format,
    bytes: content.byteLength,
    entities: graph.order,
    relations: graph.size,
    readMs,
    loadMs,
    graphMs,
    loadCpuMs,
    graphCpuMs,
    graphologyMs,
    heapModelMb,
    heapGraphMb,
    peakRssMb,
    baseRssMb,
  };
}

function parent(argv: string[]): void {
  const sizes = (optionValue('--sizes') ?? '1000,10000,100000').split(',').map(Number);
  const formats = (optionValue('--formats') ?? 'json,yaml').split(',') as Format[];
  const graphology = !argv.includes('--no-graphology');
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-'));
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  try {
    for (const nodes of sizes) {
      const spec = generateModel({ nodes, seed: SEED });
      for (const format of formats) {
        const file = join(dir, `model-${nodes}.${format}`);
        writeFileSync(file, format === 'json' ? JSON.stringify(spec, null, 1) : toYaml(spec));
        const run = spawnSync(
          process.execPath,
          // The graph is the same whatever the format: the graphology baseline is built once per size.
          ['--expose-gc', '--max-old-space-size=8192', ...LOADER_ARGS, self, '--child', file, format, String(nodes), String(graphology && format === formats[0])],
          { encoding: 'utf8', maxBuffer: 16 * MB },
        );
        rmSync(file);
        if (run.status !== 0) throw new Error(`benchmark child failed (${nodes} ${format}):\n${run.stderr}`);
        const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as Result;
        results.push(result);
        process.stderr.write(`  ${nodes} ${format}: load ${fmtMs(result.loadMs)}, graph ${fmtMs(result.graphMs)}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(results);
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function printTable(results: Result[]): void {
  const head = ['nodes', 'relations', 'format', 'size', 'load', 'graph', 'load+graph', 'CPU load+graph', 'heap model', 'heap +graph', 'peak RSS', 'graphology'];
  const rows = results.map((r) => [
    r.entities.toLocaleString('en-US'),
    r.relations.toLocaleString('en-US'),
    r.format.toUpperCase(),
    `${(r.bytes / MB).toFixed(1)} MB`,
    fmtMs(r.loadMs),
    fmtMs(r.graphMs),
    fmtMs(r.loadMs + r.graphMs),
    fmtMs(r.loadCpuMs + r.graphCpuMs),
    `${r.heapModelMb.toFixed(0)} MB`,
    `${r.heapGraphMb.toFixed(0)} MB`,
    `${r.peakRssMb.toFixed(0)} MB`,
    r.graphologyMs === null ? '-' : fmtMs(r.graphologyMs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [line(head), `|${widths.map((w, i) => (i < 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)];
  const [load1] = loadavg();
  process.stdout.write(
    [
      '',
      `Node ${process.version}, ${cpus().length} cores, load average ${load1!.toFixed(1)}; seed ${SEED}.`,
      'load = bytes → decode → parse → validate → resolve references (wall clock); CPU = the same stages in CPU time, all threads;',
      `heap = heap in use after a full GC; peak RSS = the whole child process, whose baseline is ${Math.round(results[0]?.baseRssMb ?? 0)} MB;`,
      'graphology = copying the graph into a graphology MultiDirectedGraph (toGraphology), for comparison.',
      '',
      ...out,
      '',
    ].join('\n'),
  );
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const [, file, format, nodes, graphology] = argv;
  const result = child(file!, format as Format, Number(nodes), graphology === 'true');
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  parent(argv);
}
