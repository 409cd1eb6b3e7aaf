import type { ControlName, CrownJewel, EntryPoint, Hop, PathAnalysis, RankedPath, StepKind } from '../../analysis/paths/types.js';
import type { AnyGraphNode, ModelGraph } from '../../graph/graph.js';
import { UsageError } from '../../model/diagnostics.js';
import { didYouMean } from '../../model/suggest.js';
import { entityNode, KIND_CLASSES } from './entities.js';
import { renderFlowchart, wrap, type FlowEdge, type FlowGroup, type FlowNode, type Flowchart } from './flowchart.js';
import { DEFAULT_BUDGET } from './focus.js';
import { INPUT_CLASS } from './system.js';

export interface ChainOptions {
  /** Only this path (a path id from the analysis). */
  path?: string;
  /** How many of the ranked paths to draw (default 5). */
  top?: number;
  /** At most this many nodes in the diagram (default 120): whole paths are dropped, never cut. */
  maxNodes?: number;
}

const STEP_WORDS: Record<StepKind, string> = {
  delegate: 'delegates to',
  spawn: 'directs sub-agent',
  invoke: 'calls',
  'use-credential': 'uses credential',
  impersonate: 'passes as',
  grant: 'grants access',
  assume: 'assumes',
  read: 'reads',
  write: 'writes',
  poison: 'is read by',
  return: 'returns content to',
};

export const CONTROL_WORDS: Record<ControlName, string> = {
  approval: 'approval',
  policy_check: 'policy check',
  on_behalf_of: 'on-behalf-of',
  strong_auth: 'strong auth',
  scopes: 'scopes',
  write_validation: 'write validation',
  isolation: 'isolation',
  just_in_time: 'just-in-time credential',
  distinct_identity: 'own identity',
};

const CLASSES = {
  ...KIND_CLASSES,
  ...INPUT_CLASS,
  jewel: 'stroke:#7f1d1d,stroke-width:4px',
  tainted: 'stroke-dasharray:6 3',
  chain: 'fill:#ffffff,stroke:#cbd5e1,color:#0f172a',
};

const LINK_STYLES = {
  uncontrolled: 'stroke:#dc2626,stroke-width:3px',
  controlled: 'stroke:#16a34a,stroke-width:2px',
  entry: 'stroke:#e11d48,stroke-width:2px,stroke-dasharray:4 3',
};

/** Every path of an analysis, global ranking first, each once. */
export function allPaths(analysis: PathAnalysis): RankedPath[] {
  const seen = new Map<string, RankedPath>();
  for (const p of analysis.paths) if (!seen.has(p.id)) seen.set(p.id, p);
  for (const list of analysis.byJewel) for (const p of list.paths) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

/**
 * The chains view: the most risky paths (or one path), each from its entry point to its crown
 * jewel, in its own box. Every hop is labelled with its step and the controls it has; a hop with no
 * gating control is red and names the missing ones; a hop between teams says whose hands it passes.
 */
export function chainsView(graph: ModelGraph, analysis: PathAnalysis, options: ChainOptions = {}): string {
  let paths: RankedPath[];
  let scope: string;
  if (options.path !== undefined) {
    const all = allPaths(analysis);
    const hit = all.find((p) => p.id === options.path);
    if (!hit) {
      const hint = didYouMean(options.path, all.map((p) => p.id));
      throw new UsageError(`no ranked path "${options.path}"${hint ? `; ${hint}` : ''} (steward paths lists them)`);
    }
    paths = [hit];
    scope = `path ${hit.id}`;
  } else {
    paths = analysis.paths.slice(0, options.top ?? 5);
    scope = `the ${paths.length} most risky of ${analysis.paths.length} ranked paths`;
  }
  const maxNodes = options.maxNodes ?? DEFAULT_BUDGET.maxNodes;
  const shown: RankedPath[] = [];
  let nodes = 0;
  for (const p of paths) {
    if (shown.length && nodes + p.nodes.length + 1 > maxNodes) break;
    shown.push(p);
    nodes += p.nodes.length + 1;
  }
  return renderFlowchart(chainsChart(graph, analysis, shown, paths.length > shown.length ? `Showing ${shown.length} of ${scope}; the rest would not fit. Draw one with --path <id>.` : undefined));
}

/** One path's chain, alone: what the report draws under each ranked path. */
export function chainDiagram(graph: ModelGraph, analysis: PathAnalysis, path: RankedPath): string {
  return renderFlowchart(chainsChart(graph, analysis, [path], undefined, false));
}

/**
 * The chains of the given paths, each in its box, with `notes` said above them instead of the
 * view's own: what `steward diff` draws for the paths a change adds.
 */
export function pathsDiagram(graph: ModelGraph, analysis: PathAnalysis, paths: readonly RankedPath[], notes: readonly string[]): string {
  return renderFlowchart({ ...chainsChart(graph, analysis, paths, undefined), notes: [...notes] });
}

function chainsChart(graph: ModelGraph, analysis: PathAnalysis, paths: readonly RankedPath[], note: string | undefined, boxed = true): Flowchart {
  const groups: FlowGroup[] = [];
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const notes: string[] = note ? [note] : [];
  if (!paths.length) {
    notes.push(
      analysis.summary.entries === 0
        ? 'No entry point: nothing in the model is exposed, reads untrusted input or is marked as an entry.'
        : analysis.summary.jewels === 0
          ? 'No crown jewel: no restricted data, privileged credential or irreversible tool, and nothing marked as a target.'
          : 'No path from an entry point reaches a crown jewel within the hop limit.',
    );
  }
  const { entryOf, jewelOf } = lookups(analysis);
  for (const path of paths) {
    const prefix = `p${path.rank}:${path.id}:`;
    const group = boxed ? `group:${prefix}` : undefined;
    if (group) {
      const folded = path.folded.count ? ` (+${path.folded.count} similar)` : '';
      groups.push({ key: group, label: `#${path.rank} ${path.severity}, risk ${path.risk.toFixed(3)}: ${path.entry} to ${path.jewel}${folded}`, classes: ['chain'] });
    }
    const inGroup = group === undefined ? {} : { group };
    const entry = entryOf.get(path.entry);
    const entryKey = `${prefix}entry`;
    nodes.push({ key: entryKey, lines: ['entry point', ...(entry?.detail.length ? wrap(entry.detail.join(', '), 40) : [])], shape: 'flag', classes: ['input'], kind: 'entry', ...inGroup });
    edges.push({ from: entryKey, to: `${prefix}0`, label: 'compromise', style: 'dotted', tone: 'entry' });
    path.nodes.forEach((pn, i) => {
      const node = graph.node(pn.id) as AnyGraphNode;
      const extra: string[] = [];
      if (pn.state === 'tainted') extra.push('tainted: content planted');
      extra.push(pn.teams.length ? `owners: ${pn.teams.join(', ')}` : 'no accountable owner');
      const jewel = i === path.nodes.length - 1 ? jewelOf.get(pn.id) : undefined;
      if (jewel) extra.push(...wrap(`crown jewel: ${jewel.detail.join(', ')}`, 40));
      const base = entityNode(node, { lines: extra });
      const classes = [...(base.classes ?? []), ...(pn.state === 'tainted' ? ['tainted'] : []), ...(jewel ? ['jewel'] : [])];
      nodes.push({ ...base, key: `${prefix}${i}`, classes, ...inGroup });
    });
    for (const hop of path.hops) {
      edges.push({
        from: `${prefix}${hop.index}`,
        to: `${prefix}${hop.index + 1}`,
        label: hopLabel(hop, path),
        style: hop.step === 'delegate' ? 'thick' : 'solid',
        tone: hop.uncontrolled ? 'uncontrolled' : 'controlled',
      });
    }
  }
  return { direction: 'LR', groups, nodes, edges, classDefs: CLASSES, linkStyles: LINK_STYLES, notes };
}

const lookupCache = new WeakMap<PathAnalysis, { entryOf: Map<string, EntryPoint>; jewelOf: Map<string, CrownJewel> }>();

/** Entry points and crown jewels by id, once per analysis: a report draws many chains from one. */
function lookups(analysis: PathAnalysis): { entryOf: Map<string, EntryPoint>; jewelOf: Map<string, CrownJewel> } {
  let found = lookupCache.get(analysis);
  if (!found) {
    found = { entryOf: new Map(analysis.entries.map((e) => [e.id, e])), jewelOf: new Map(analysis.jewels.map((j) => [j.id, j])) };
    lookupCache.set(analysis, found);
  }
  return found;
}

/** A hop's label: its number and step, the controls on it or missing, an ownership or trust change. */
export function hopLabel(hop: Hop, path: RankedPath): string[] {
  const lines = [`${hop.index + 1}. ${STEP_WORDS[hop.step]}`];
  if (hop.controls.length) lines.push(...wrap(`with ${hop.controls.map((c) => CONTROL_WORDS[c]).join(', ')}`, 40));
  if (hop.uncontrolled) {
    const missing = hop.missingControls.map((c) => CONTROL_WORDS[c]);
    lines.push(...wrap(missing.length ? `NO CONTROL: add ${missing.join(' or ')}` : 'NO CONTROL', 40));
  } else if (hop.missingControls.length) {
    lines.push(...wrap(`missing ${hop.missingControls.map((c) => CONTROL_WORDS[c]).join(', ')}`, 40));
  }
  if (hop.crossesOwnership) {
    const from = path.nodes[hop.index]!.teams;
    const to = path.nodes[hop.index + 1]!.teams;
    lines.push(...wrap(`owner change: ${from.length ? from.join(', ') : 'nobody'} to ${to.length ? to.join(', ') : 'nobody'}`, 40));
  }
  if (hop.crossesTrustBoundary) lines.push('crosses a trust boundary');
  return lines;
}
