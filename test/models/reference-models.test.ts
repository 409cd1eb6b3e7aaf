import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/analysis/catalogue.js';
import { analyze } from '../../src/analysis/engine.js';
import { buildGraph } from '../../src/graph/graph.js';
import { readModelSources } from '../../src/io/read.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { loadModel } from '../../src/model/load.js';

const root = join(import.meta.dirname, '../..');
/** The date models/README.md is written against. */
const AS_OF = '2026-11-29';

const models = readdirSync(join(root, 'models'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Finding ids that models/README.md cites for one model: its gaps and what else it reports. */
function citedFindings(model: string): string[] {
  const readme = readFileSync(join(root, 'models/README.md'), 'utf8');
  const section = readme.split(/\n## /).find((s) => s.startsWith(`${model}\n`));
  if (!section) throw new Error(`models/README.md has no section for ${model}`);
  return [...new Set([...section.matchAll(/`([a-z0-9-]+@[^`\s]+)`/g)].map((m) => m[1]!))].sort();
}

describe('reference models', () => {
  it('there are at least four, each a different architecture', () => {
    expect(models.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(models)('%s', (model) => {
    const { sources, diagnostics } = readModelSources([join('models', model)], { cwd: root });
    const loaded = loadModel(sources);

    it('is valid', () => {
      expect(diagnostics).toEqual([]);
      expect(loaded.ok ? [] : loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    });

    it('yields exactly the findings models/README.md names for it: no fewer, no false ones', () => {
      if (!loaded.ok) return;
      const report = analyze(buildGraph(loaded.model), { asOf: AS_OF, rules: CATALOGUE });
      expect(report.findings.map((f) => f.id).sort()).toEqual(citedFindings(model));
    });
  });
});
