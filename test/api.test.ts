import { describe, expect, it } from 'vitest';
import * as steward from '../src/index.js';

describe('the library API', () => {
  it('runs the README example: read, load, build, analyze', () => {
    const { sources, diagnostics } = steward.readModelSources(['test/fixtures/analyze/design.yaml']);
    expect(diagnostics).toEqual([]);
    const loaded = steward.loadModel(sources);
    if (!loaded.ok) throw new Error(loaded.diagnostics.map(steward.formatDiagnostic).join('\n'));
    const graph = steward.buildGraph(loaded.model);
    expect(graph.node('triage')?.kind).toBe('agent');
    const report = steward.analyze(graph, { asOf: '2026-11-28', rules: steward.CATALOGUE });
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.id.startsWith(`${f.ruleId}@`))).toBe(true);
    expect(steward.toGraphology(graph).order).toBe(graph.order);
  });

  it('throws a ModelError carrying every diagnostic from loadModelOrThrow', () => {
    const bad = 'version: 1\nagents:\n  - id: a\n    tools: [nope]\n    colour: red\n';
    expect(() => steward.loadModelOrThrow([{ file: 'bad.yaml', content: bad }])).toThrow(steward.ModelError);
    try {
      steward.loadModelOrThrow([{ file: 'bad.yaml', content: bad }]);
    } catch (err) {
      expect((err as steward.ModelError).diagnostics.map((d) => d.code).sort()).toEqual(['dangling-reference', 'unknown-key']);
    }
  });

  it('drafts a model from a configuration, as steward import does', () => {
    const text = JSON.stringify({ mcpServers: { fetch: { command: 'uvx', args: ['mcp-server-fetch'] } } });
    const draft = steward.draftFromFiles('auto', [{ path: '.mcp.json', text }]);
    const yaml = steward.emitModel(draft, { sources: ['.mcp.json'] });
    expect(steward.loadModel([{ file: 'model.yaml', content: yaml }]).ok).toBe(true);
    expect(() => steward.draftFromFiles('auto', [{ path: 'x.json', text: '{}' }])).toThrow(steward.ImportError);
  });
});
