import type { PathAnalysis, RankedPath } from '../../analysis/paths/types.js';
import { rankedPaths } from '../../diff/paths.js';
import type { ModelDiff } from '../../diff/schema.js';
import type { ModelGraph } from '../../graph/graph.js';
import { pathsDiagram } from '../mermaid/chains.js';

/** Paths drawn by default: enough to read, few enough for a pull-request comment. */
export const DIFF_DIAGRAM_TOP = 5;

/** The new model's ranked paths that the change adds, or that lost a control or grew more likely: most risky first, numbered from 1. */
export function riskierPaths(diff: ModelDiff, analysis: PathAnalysis): RankedPath[] {
  const ranked = rankedPaths(analysis);
  const ids = new Set([...diff.paths.added, ...diff.paths.lostControl, ...diff.paths.moreLikely].map((p) => p.id));
  // Numbered in this order: a rank from the analysis may come from a per-jewel list and mislead here.
  return [...ids]
    .map((id) => ranked.get(id)!)
    .sort((a, b) => b.risk - a.risk || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p, i) => ({ ...p, rank: i + 1 }));
}

/**
 * Mermaid chains of the new risky paths of a diff (drawn on the new model): each hop labelled with
 * its step and controls, red where no control gates it. `graph` and `analysis` are the new side's.
 */
export function renderDiffMermaid(diff: ModelDiff, graph: ModelGraph, analysis: PathAnalysis, top = DIFF_DIAGRAM_TOP): string {
  const all = riskierPaths(diff, analysis);
  const shown = all.slice(0, top);
  const notes = !all.length
    ? ['This change adds no path to a crown jewel, and makes none more likely.']
    : [`Paths this change adds or makes riskier: ${shown.length === all.length ? 'all' : `the ${shown.length} most risky of`} ${all.length}, drawn on the new model.`];
  return pathsDiagram(graph, analysis, shown, notes);
}
