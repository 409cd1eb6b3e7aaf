import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mermaid from 'mermaid';
import { CATALOGUE } from '../../src/analysis/catalogue.js';
import { analyze } from '../../src/analysis/engine.js';
import { analyzePaths } from '../../src/analysis/paths/index.js';
import { buildGraph } from '../../src/graph/graph.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { loadModel, type ModelSource } from '../../src/model/load.js';
import type { ModelFileSpec } from '../../src/model/schema.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const AS_OF = '2026-11-01';

/** Loads model sources and runs the whole analysis, as the report command does. */
export function analyzeSources(sources: ModelSource[]) {
  const loaded = loadModel(sources);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map(formatDiagnostic).join('\n'));
  const graph = buildGraph(loaded.model);
  const report = analyze(graph, { asOf: AS_OF, rules: CATALOGUE });
  return { graph, report, paths: analyzePaths(graph) };
}

export function analyzeSpec(spec: ModelFileSpec, file = 'model.json') {
  return analyzeSources([{ file, content: JSON.stringify(spec), format: 'json' }]);
}

export function analyzeFixture(name: string) {
  return analyzeSources([{ file: `test/render/fixtures/${name}`, content: readFileSync(join(FIXTURES, name), 'utf8') }]);
}

let initialized = false;

/**
 * Mermaid's own parser, with Mermaid's default limits (500 edges): the ones GitHub renders with.
 * Needs a DOM: call it from a test file in the happy-dom environment.
 */
export async function parseMermaid(text: string): Promise<{ diagramType: string }> {
  if (!initialized) {
    mermaid.initialize({ startOnLoad: false });
    initialized = true;
  }
  const result = await mermaid.parse(text);
  if (!result) throw new Error('mermaid.parse returned false');
  return result;
}

/** The fenced Mermaid blocks of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** Names a hostile model author could write: markup, Mermaid syntax, Markdown, control characters. */
export const HOSTILE_NAMES = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  'quote " and \' and `tick` and ```fence',
  'brackets [a] (b) {c} <d> ((e)) [[f]] [(g)]',
  'pipes | a || b |',
  'hash #35; #quot; &amp; &lt;b&gt; &#60;',
  '%%{init: {"securityLevel": "loose"}}%%',
  'end',
  'click n0 href "javascript:alert(1)"',
  'style n0 fill:#f00; classDef x fill:#0f0;',
  'subgraph x\nend\nline break',
  '**bold** _em_ [link](https://example.invalid) ![img](https://example.invalid/x.png)',
  'emoji 🤖 accents éàü 中文 RTL \u202egnp.exe',
  'ﬂ°°60¶ß mermaid placeholders ﬂ°lt¶ß',
  `long ${'x'.repeat(300)}`,
  '\u0000\u0007\u001b[31m control',
  '-->|"edge"| n1 ;',
];

/** A model whose ids are Mermaid keywords and whose names are all of HOSTILE_NAMES. */
export function hostileModel(): ModelFileSpec {
  const name = (i: number) => HOSTILE_NAMES[i % HOSTILE_NAMES.length]!;
  return {
    version: 1,
    system: { id: 'subgraph', name: name(0), owners: { business: 'class' }, boundary: 'style' },
    owners: [
      { id: 'class', name: name(1), kind: 'product' },
      { id: 'click', name: name(2), kind: 'platform' },
      { id: 'graph', name: name(3), kind: 'product', status: 'departed' },
    ],
    boundaries: [
      { id: 'style', name: name(4), kind: 'environment', environment: 'production' },
      { id: 'flowchart', name: name(5), kind: 'internet' },
    ],
    models: [{ id: 'linkStyle', name: name(6), provider: name(7) }],
    agents: [
      {
        id: 'end',
        name: name(8),
        exposure: 'external',
        inputs: ['web', 'customer-message'],
        exposed_to: ['flowchart'],
        model: 'linkStyle',
        owners: { operator: 'click' },
        tools: [{ tool: 'direction', approval: false }],
        delegates_to: [{ agent: 'classDef', on_behalf_of: false }],
        credential: 'TB',
      },
      { id: 'classDef', name: name(9), parent: 'end', owners: { business: 'graph' }, credential: 'TB', tools: ['LR'] },
    ],
    tools: [
      { id: 'direction', name: name(10), actions: ['pay'], reversible: false, credential: 'LR-key' },
      { id: 'LR', name: name(11), actions: ['write'], data: [{ data: 'href', access: 'write' }] },
    ],
    credentials: [
      { id: 'TB', name: name(12), type: 'api-key', ttl: 'never', issuer: 'click', grants: [{ data: 'call', access: 'admin' }] },
      { id: 'LR-key', name: name(13), type: 'oauth-token', ttl: '1h', owners: { business: ['class', 'click'] } },
    ],
    data: [
      { id: 'call', name: name(14), classification: 'restricted' },
      { id: 'href', name: name(15), classification: 'confidential', owners: { data: ['class', 'graph'] } },
      { id: 'javascript', name: name(16), classification: 'internal', owner: 'class' },
    ],
    accepted: [
      {
        finding: 'static-credential@TB',
        justification: '</script><script>window.__pwned = 3</script> <!-- accepted -->',
        approver: 'class',
        expires: '2027-01-31',
      },
    ],
  };
}

/** A model too big to draw whole: systems of agents, each with tools, keys and stores. */
export function bigModel(count: number): ModelFileSpec {
  const agents: NonNullable<ModelFileSpec['agents']> = [];
  const tools: NonNullable<ModelFileSpec['tools']> = [];
  const credentials: NonNullable<ModelFileSpec['credentials']> = [];
  for (let i = 0; i < count; i++) {
    const risky = i % 50 === 0;
    agents.push({
      id: `agent-${i}`,
      system: `sys-${i % 10}`,
      exposure: risky ? 'external' : 'internal',
      owners: risky ? { operator: 'platform' } : { business: `team-${i % 10}` },
      tools: [`tool-${i}`],
      credential: `key-${i}`,
      reads: [`store-${i % 40}`],
    });
    tools.push({ id: `tool-${i}`, actions: risky ? ['pay'] : ['read'], credential: `key-${i}` });
    credentials.push({ id: `key-${i}`, type: 'api-key', ttl: risky ? 'never' : '1h', issuer: 'platform', grants: [{ data: `store-${i % 40}`, access: risky ? 'admin' : 'read' }] });
  }
  return {
    version: 1,
    systems: Array.from({ length: 10 }, (_, i) => ({ id: `sys-${i}`, owners: { business: `team-${i}` } })),
    owners: [...Array.from({ length: 10 }, (_, i) => ({ id: `team-${i}`, kind: 'product' as const })), { id: 'platform', kind: 'platform' as const }],
    agents,
    tools,
    credentials,
    data: Array.from({ length: 40 }, (_, d) => ({ id: `store-${d}`, classification: d % 10 === 0 ? ('restricted' as const) : ('internal' as const), owner: `team-${d % 10}` })),
  };
}
