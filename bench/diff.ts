/**
 * `steward diff` at scale: two versions of a synthetic 10k-node model (the second is the first
 * after a large change: new web-reading tools called by 2 % of the agents, new uncontrolled
 * delegations, approvals and on-behalf-of dropped, 1 % of the data stores reclassified as restricted), timed stage by stage
 * against analyzing both versions, which is what the diff must cost about as much as.
 *
 *   node --expose-gc --import tsx bench/diff.ts [--nodes 10000]
 */
import { CATALOGUE } from '../src/analysis/catalogue.js';
import { analyze } from '../src/analysis/engine.js';
import { pathComputationFor } from '../src/analysis/paths/analyze.js';
import { diffModels } from '../src/diff/index.js';
import { buildGraph } from '../src/graph/graph.js';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { loadModel } from '../src/model/load.js';
import type { ModelFileSpec } from '../src/model/schema.js';
import { renderDiffJson } from '../src/render/diff/json.js';
import { renderDiffMarkdown } from '../src/render/diff/markdown.js';
import { renderDiffMermaid } from '../src/render/diff/mermaid.js';
import { renderDiffTable } from '../src/render/diff/table.js';
import { optionValue } from './runtime.js';
import { generateModel, prng } from './synthetic.js';

const SEED = 20261;
const AS_OF = '2026-11-29';
const NODES = Number(optionValue('--nodes') ?? 10_000);

/** The model after a large change, made deterministically from the one before. */
function changed(before: ModelFileSpec): ModelFileSpec {
  const after = structuredClone(before);
  const rand = prng(SEED + 1);
  const agents = after.agents ?? [];
  const tools = (after.tools ??= []);
  for (const d of after.data ?? []) if (rand() < 0.01) d.classification = 'restricted';
  let added = 0;
  for (const a of agents) {
    if (rand() < 0.02) {
      const id = `web-reader-${added++}`;
      tools.push({ id, actions: ['browse', 'read'], inputs: ['web'] });
      a.tools = [...(a.tools ?? []), id];
    }
    if (rand() < 0.02) a.delegates_to = [...(a.delegates_to ?? []), agents[Math.floor(rand() * agents.length)]!.id].filter((d, i, all) => (typeof d === 'string' ? d : d.agent) !== a.id && all.indexOf(d) === i);
    if (rand() < 0.05) a.tools = a.tools?.map((t) => (typeof t === 'string' ? t : { tool: t.tool }));
    if (rand() < 0.05) a.delegates_to = a.delegates_to?.map((d) => (typeof d === 'string' ? d : { agent: d.agent }));
  }
  return after;
}

function load(spec: ModelFileSpec, file: string) {
  const loaded = loadModel([{ file, content: JSON.stringify(spec), format: 'json' }]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.slice(0, 5).map(formatDiagnostic).join('\n'));
  return buildGraph(loaded.model);
}

const times: [string, number][] = [];
function time<T>(stage: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  times.push([stage, performance.now() - t0]);
  return out;
}

const before = generateModel({ nodes: NODES, seed: SEED });
const after = changed(before);
const a = time('load + graph, old', () => load(before, 'old.json'));
const b = time('load + graph, new', () => load(after, 'new.json'));
const ra = time('analyze old (rules + paths)', () => analyze(a, { asOf: AS_OF, rules: CATALOGUE }));
time('  of which paths, old (cached for the diff)', () => pathComputationFor(a));
const rb = time('analyze new (rules + paths)', () => analyze(b, { asOf: AS_OF, rules: CATALOGUE }));
const diff = time('diff (entities, relations, findings, paths, blast radius)', () => diffModels({ graph: a, report: ra }, { graph: b, report: rb }));
const mermaid = time('render mermaid', () => renderDiffMermaid(diff, b, pathComputationFor(b).analysis));
time('render table', () => renderDiffTable(diff));
const json = time('render json', () => renderDiffJson(diff));
const md = time('render markdown', () => renderDiffMarkdown(diff, { diagram: mermaid }));

console.log(`steward diff, ${NODES} nodes: ${a.order} -> ${b.order} entities, ${a.size} -> ${b.size} relations`);
for (const [stage, ms] of times) console.log(`${stage.padEnd(60)} ${(ms / 1000).toFixed(2)} s`);
const s = diff.summary;
console.log(
  `diff: entities +${s.entities.added} -${s.entities.removed} ~${s.entities.changed}; relations +${s.relations.added} -${s.relations.removed} ~${s.relations.changed}; ` +
    `${s.endpoints.newEntries} new entry points; findings +${s.findings.new} -${s.findings.resolved} (${s.findings.opened} opened); paths +${s.paths.added} -${s.paths.removed}, ${s.paths.lostControl} lost a control; ` +
    `${diff.blastRadius.length} touched agents; JSON ${(json.length / 1e6).toFixed(1)} MB, Markdown ${(md.length / 1e3).toFixed(0)} kB`,
);
const analyzeBoth = times.filter(([k]) => k.startsWith('analyze')).reduce((n, [, ms]) => n + ms, 0);
const diffOnly = times.find(([k]) => k.startsWith('diff'))![1];
console.log(`diff beyond analyzing both: ${(diffOnly / 1000).toFixed(2)} s, ${((100 * diffOnly) / analyzeBoth).toFixed(0)} % of analyzing both (${(analyzeBoth / 1000).toFixed(2)} s); peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
