import { Command, InvalidArgumentError, Option } from 'commander';
import { buildGraph } from '../../graph/graph.js';
import { analyzePaths, UnknownNodeError, type PathAnalysis, type RankedPath } from '../../analysis/paths/index.js';
import { MAX_HOPS } from '../../analysis/paths/potentials.js';
import { didYouMean } from '../../model/suggest.js';
import { EXIT, type CliIO } from '../io.js';
import { loadFromPaths, printDiagnostics, type LoadFlags } from '../load.js';
import { plural } from '../../render/plural.js';
import { modelOptions, positiveInteger } from '../options.js';

interface PathsFlags extends LoadFlags {
  from: string[];
  to: string[];
  top?: number;
  maxHops?: number;
  format: 'table' | 'json';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function hopBound(value: string): number {
  const n = positiveInteger(value);
  if (n > MAX_HOPS) throw new InvalidArgumentError(`at most ${MAX_HOPS}`);
  return n;
}

/**
 * `steward paths`: the ranked lateral-movement paths, blast radius, exposure and chokepoints.
 * `--format json` prints the `PathAnalysis` object (format `steward-paths/1`, documented in
 * `src/analysis/paths/types.ts`) as is.
 */
export function pathsCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('paths')
    .description('rank the paths by which a compromised entry point reaches crown jewels, hop by hop')
    .argument('<paths...>', 'model files or folders')
    .addOption(new Option('--from <id>', 'start at this node instead of the derived entry points (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--to <id>', 'end at this node instead of the derived crown jewels (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--top <n>', 'paths in the ranking (default 10)').argParser(positiveInteger))
    .addOption(new Option('--max-hops <n>', `longest path in hops, 1 to ${MAX_HOPS} (default 8)`).argParser(hopBound))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'));
  for (const o of modelOptions()) cmd.addOption(o);
  return cmd.action((paths: string[], flags: PathsFlags) => {
    const loaded = loadFromPaths(paths, flags, io);
    if (!loaded.ok) {
      printDiagnostics(loaded.diagnostics, io);
      return done(EXIT.invalid);
    }
    const graph = buildGraph(loaded.model);
    let analysis: PathAnalysis;
    try {
      analysis = analyzePaths(graph, { from: flags.from, to: flags.to, top: flags.top, maxHops: flags.maxHops });
    } catch (err) {
      if (err instanceof UnknownNodeError) {
        const hint = didYouMean(err.id, graph.nodes.map((n) => n.id));
        io.stderr(`steward: ${err.message}${hint ? `; ${hint}` : ''}\n`);
        return done(EXIT.invalid);
      }
      throw err;
    }
    io.stdout(flags.format === 'json' ? `${JSON.stringify(analysis, null, 2)}\n` : renderPathsTable(analysis));
    return done(EXIT.ok);
  });
}

const pct = (x: number) => `${(x * 100).toFixed(x >= 0.1 ? 0 : 1)}%`;

function pathBlock(p: RankedPath): string[] {
  const lines = [
    `#${p.rank}  ${p.severity.toUpperCase()}  risk ${pct(p.risk)} (likelihood ${pct(p.likelihood)} x impact ${p.impact})  ${p.entry} -> ${p.jewel}, ${plural(p.hops.length, 'hop')}`,
  ];
  for (const h of p.hops) {
    const notes: string[] = [];
    if (h.controls.length) notes.push(`controls: ${h.controls.join(', ')}`);
    if (h.uncontrolled && h.missingControls.length) notes.push(`missing: ${h.missingControls.join(', ')}`);
    const from = p.nodes[h.index]!;
    const to = p.nodes[h.index + 1]!;
    if (h.crossesOwnership) notes.push(`ownership boundary: ${from.teams.join('+') || 'unowned'} -> ${to.teams.join('+') || 'unowned'}`);
    if (h.crossesTrustBoundary) notes.push(`trust boundary: ${from.boundaries.join('+')} -> ${to.boundaries.join('+')}`);
    const at = h.relations[0];
    lines.push(`    ${h.index + 1}. ${h.text}  [${h.step}, ${pct(h.likelihood)}]${at ? `  ${at.file}:${at.line}` : ''}`);
    if (notes.length) lines.push(`       ${notes.join('; ')}`);
  }
  const unowned = p.nodes.filter((n) => n.owners.length === 0).map((n) => n.id);
  if (unowned.length) lines.push(`    nobody accountable for: ${unowned.join(', ')}`);
  if (p.folded.count) {
    const variants = p.folded.variants.map((v) => `${p.nodes[v.position]!.id} or ${v.ids.join(', ')}`).join('; ');
    lines.push(`    + ${plural(p.folded.count, 'similar path')} via ${variants}`);
  }
  return lines;
}

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** The terminal rendering of a path analysis. */
export function renderPathsTable(a: PathAnalysis): string {
  const out: string[] = [];
  const s = a.summary;
  out.push(
    `Lateral-movement paths: ${plural(s.entries, 'entry point')}, ${plural(s.jewels, 'crown jewel')} (${s.exposedJewels} reachable), ${plural(s.reachable, 'entity')} reachable from an entry; at most ${plural(a.settings.maxHops, 'hop')}`,
  );
  out.push('');
  if (!a.entries.length) out.push('No entry points: nothing is externally exposed, takes untrusted input or is marked as an entry.');
  else out.push(`Entry points: ${a.entries.slice(0, 10).map((e) => `${e.id} (${e.detail.join('; ')})`).join(', ')}${a.entries.length > 10 ? `, and ${a.entries.length - 10} more` : ''}`);
  if (!a.jewels.length) out.push('No crown jewels: no restricted or confidential data, admin or write credential, irreversible tool or marked target.');
  out.push('');
  if (!a.paths.length) out.push('No path from an entry point reaches a crown jewel.');
  else {
    out.push(`Ranked paths (${a.paths.length}):`);
    for (const p of a.paths) out.push(...pathBlock(p));
  }
  if (a.blastRadius.length) {
    out.push('', 'Blast radius (crown jewels reachable, by any number of hops):');
    out.push(
      ...table(
        ['node', 'kind', 'jewels', 'score', 'reaches', 'most important'],
        a.blastRadius.map((b) => [b.id, b.kind, String(b.jewels), b.score.toFixed(2), String(b.reaches), b.topJewels.slice(0, 3).join(', ')]),
      ),
    );
  }
  if (a.exposure.length) {
    out.push('', 'Exposure (entry points that reach each crown jewel):');
    out.push(
      ...table(
        ['crown jewel', 'impact', 'entries', 'best route', 'for example'],
        a.exposure.map((x) => [x.jewel, String(x.impact), String(x.entries), x.likelihoodBound ? pct(x.likelihoodBound) : '-', x.sample.slice(0, 3).join(', ')]),
      ),
    );
  }
  const c = a.chokepoints;
  if (c.nodes.length || c.hops.length) {
    out.push('', 'Chokepoints (share of the risk of the ranked paths running through them):');
    out.push(...table(['node', 'kind', 'paths', 'share'], c.nodes.slice(0, 10).map((n) => [n.id, n.kind, String(n.paths), pct(n.share)])));
    out.push(...table(['hop', 'step', 'paths', 'share'], c.hops.slice(0, 10).map((h) => [`${h.from} -> ${h.to}`, h.step, String(h.paths), pct(h.share)])));
  }
  if (c.cut.size || c.cut.uncuttable.length) {
    out.push('', `Smallest set of hops that cuts every entry from every crown jewel: ${plural(c.cut.size, 'hop')}${c.cut.minimal ? '' : ' (not proven minimal)'}`);
    for (const h of c.cut.hops) out.push(`  - ${h.text}  [${h.step}]`);
    if (c.cut.uncuttable.length) out.push(`  Entry points that are crown jewels themselves (no hop separates them): ${c.cut.uncuttable.join(', ')}`);
  }
  if (a.truncated.length) {
    out.push('', 'Limits that cut these answers short:');
    for (const t of a.truncated) out.push(`  - ${t.scope}: ${t.message}`);
  }
  return `${out.join('\n')}\n`;
}
