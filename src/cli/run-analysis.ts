import { CATALOGUE } from '../analysis/catalogue.js';
import { analyze, type Report } from '../analysis/engine.js';
import { selectRules } from '../analysis/select.js';
import { buildGraph, type ModelGraph } from '../graph/graph.js';
import type { Model } from '../model/types.js';
import { asOfDate, type AnalysisFlags } from './analysis-options.js';
import type { CliIO } from './io.js';
import { loadFromPaths, printDiagnostics, type LoadFlags } from './load.js';

/**
 * What analyze, diagram and report share: select the rules, load the model (printing its
 * problems when it cannot be loaded), build the graph, run the catalogue. Undefined means the
 * model was invalid and the command exits 2.
 */
export function runAnalysis(
  paths: readonly string[],
  flags: LoadFlags & AnalysisFlags,
  io: CliIO,
): { model: Model; graph: ModelGraph; report: Report } | undefined {
  const rules = selectRules(CATALOGUE, flags.rule, flags.skipRule);
  const loaded = loadFromPaths(paths, flags, io);
  if (!loaded.ok) {
    printDiagnostics(loaded.diagnostics, io);
    return undefined;
  }
  const selected = new Set(rules.map((r) => r.id));
  const deselected = new Set(CATALOGUE.map((r) => r.id).filter((id) => !selected.has(id)));
  const graph = buildGraph(loaded.model);
  return { model: loaded.model, graph, report: analyze(graph, { asOf: asOfDate(flags), rules, deselected }) };
}
