import { Command, Option } from 'commander';
import { CATALOGUE } from '../../analysis/catalogue.js';
import { analyze } from '../../analysis/engine.js';
import { pathComputationFor } from '../../analysis/paths/analyze.js';
import { selectRules } from '../../analysis/select.js';
import type { Severity } from '../../analysis/severity.js';
import { diffModels, failingAt, type DiffInput } from '../../diff/index.js';
import { buildGraph } from '../../graph/graph.js';
import { UsageError } from '../../model/diagnostics.js';
import { renderDiffJson } from '../../render/diff/json.js';
import { renderDiffMarkdown } from '../../render/diff/markdown.js';
import { renderDiffMermaid } from '../../render/diff/mermaid.js';
import { renderDiffTable } from '../../render/diff/table.js';
import { analysisOptions, asOfDate, severityOption, type AnalysisFlags } from '../analysis-options.js';
import { EXIT, type CliIO } from '../io.js';
import { loadFromPaths, printDiagnostics, type LoadFlags } from '../load.js';
import { plural } from '../../render/plural.js';
import { modelOptions } from '../options.js';

export const DIFF_FORMATS = ['table', 'json', 'markdown', 'mermaid'] as const;

interface DiffFlags extends LoadFlags, AnalysisFlags {
  old: string[];
  new: string[];
  format: (typeof DIFF_FORMATS)[number];
  failOn?: Severity;
  output?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The two sides: two positional paths, or the repeatable --old and --new, never both. */
export function diffSides(positional: readonly (string | undefined)[], flags: Pick<DiffFlags, 'old' | 'new'>): { old: string[]; new: string[] } {
  const given = positional.filter((p): p is string => p !== undefined);
  const named = flags.old.length + flags.new.length > 0;
  if (named && given.length) throw new UsageError('give the two sides either as two paths (steward diff <old> <new>) or with --old and --new, not both');
  if (named) {
    if (!flags.old.length || !flags.new.length) throw new UsageError(`missing ${flags.old.length ? '--new' : '--old'}: give at least one --old <path> and one --new <path>`);
    return { old: [...flags.old], new: [...flags.new] };
  }
  if (given.length !== 2) throw new UsageError('expected two paths, the old model and the new one (steward diff <old> <new>), or --old <path>... --new <path>...');
  return { old: [given[0]!], new: [given[1]!] };
}

/**
 * `steward diff`: what a change to the model adds, removes and alters (entities, relations,
 * findings, paths, blast radius). Both sides are analyzed with the same rules and `--as-of`.
 */
export function diffCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('diff')
    .description('compare two versions of a model: the entities, relations, findings and attack paths a change adds or removes')
    .argument('[old]', 'the model before the change (a file or folder)')
    .argument('[new]', 'the model after the change (a file or folder)')
    .addOption(new Option('--old <path>', 'a file or folder of the model before (repeatable; instead of the positional paths)').argParser(collect).default([]))
    .addOption(new Option('--new <path>', 'a file or folder of the model after (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('table'))
    .addOption(severityOption('--fail-on <severity>', 'exit 1 when the change opens a finding at or above this severity (new, raised to it, or no longer accepted)'))
    .option('-o, --output <file>', 'write the output to a file instead of stdout');
  for (const o of [...analysisOptions(), ...modelOptions()]) cmd.addOption(o);
  return cmd.action((oldPath: string | undefined, newPath: string | undefined, flags: DiffFlags) => {
    const sides = diffSides([oldPath, newPath], flags);
    const rules = selectRules(CATALOGUE, flags.rule, flags.skipRule);
    const selected = new Set(rules.map((r) => r.id));
    const deselected = new Set(CATALOGUE.map((r) => r.id).filter((id) => !selected.has(id)));
    const asOf = asOfDate(flags);
    const before = loadFromPaths(sides.old, flags, io);
    const after = loadFromPaths(sides.new, flags, io);
    if (!before.ok || !after.ok) {
      for (const [name, side, paths] of [['old', before, sides.old], ['new', after, sides.new]] as const) {
        if (side.ok) continue;
        io.stderr(`steward: the ${name} model (${paths.join(', ')}) cannot be loaded:\n`);
        printDiagnostics(side.diagnostics, io);
      }
      return done(EXIT.invalid);
    }
    const input = (model: typeof before.model): DiffInput => {
      const graph = buildGraph(model);
      return { graph, report: analyze(graph, { asOf, rules, deselected }) };
    };
    const a = input(before.model);
    const b = input(after.model);
    const diff = diffModels(a, b);
    const diagram = () => renderDiffMermaid(diff, b.graph, pathComputationFor(b.graph).analysis);
    const text =
      flags.format === 'json'
        ? renderDiffJson(diff)
        : flags.format === 'markdown'
          ? renderDiffMarkdown(diff, { diagram: diagram() })
          : flags.format === 'mermaid'
            ? diagram()
            : renderDiffTable(diff);
    if (flags.output) {
      io.writeFile(flags.output, text);
      io.stderr(`wrote ${flags.output}\n`);
    } else io.stdout(text);
    if (!flags.failOn) return done(EXIT.ok);
    const failing = failingAt(diff.findings.opened, flags.failOn);
    if (!failing.length) return done(EXIT.ok);
    io.stderr(`steward: the change opens ${plural(failing.length, 'finding')} at or above ${flags.failOn}: ${failing.slice(0, 10).map((f) => f.id).join(', ')}${failing.length > 10 ? ', ...' : ''}\n`);
    return done(EXIT.findings);
  });
}
