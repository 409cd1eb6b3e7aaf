import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { parseBaseline } from '../../analysis/baseline.js';
import type { Report } from '../../analysis/engine.js';
import { atLeast, type Severity } from '../../analysis/severity.js';
import { UsageError } from '../../model/diagnostics.js';
import { findingsMarkdownChunks } from '../../render/findings-markdown.js';
import { findingsJsonChunks } from '../../render/findings-json.js';
import { sarifChunks, sarifUploadWarning } from '../../render/sarif.js';
import { tableChunks } from '../../render/table.js';
import { analysisOptions, severityOption, type AnalysisFlags } from '../analysis-options.js';
import { runAnalysis } from '../run-analysis.js';
import { EXIT, writeChunked, type CliIO } from '../io.js';
import type { LoadFlags } from '../load.js';
import { modelOptions } from '../options.js';

type Format = 'table' | 'json' | 'sarif' | 'markdown';

interface AnalyzeFlags extends LoadFlags, AnalysisFlags {
  format: Format;
  failOn?: Severity;
  baseline?: string;
  output?: string;
}

export function analyzeCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('analyze')
    .description('run the rule catalogue: accountability gaps, credential and lifecycle failures, risky paths')
    .argument('<paths...>', 'model files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'sarif', 'markdown']).default('table'))
    .addOption(severityOption('--fail-on <severity>', 'exit 1 when an open finding (new, with --baseline) is at or above this severity'))
    .option('--baseline <file>', 'a previous --format json output: only findings not in it count towards --fail-on')
    .option('-o, --output <file>', 'write the output to a file instead of stdout');
  for (const o of [...analysisOptions(), ...modelOptions()]) cmd.addOption(o);
  return cmd.action((paths: string[], flags: AnalyzeFlags) => {
    const baseline = flags.baseline === undefined ? undefined : readBaseline(flags.baseline, io);
    const analysis = runAnalysis(paths, flags, io);
    if (!analysis) return done(EXIT.invalid);
    const { report, model } = analysis;
    const options = baseline ? { baseline } : {};
    writeChunked(io, flags.output, render(flags.format, report, model.files, options));
    if (flags.output) io.stderr(`wrote ${flags.output}\n`);
    const tooMany = flags.format === 'sarif' ? sarifUploadWarning(report.findings.length) : undefined;
    if (tooMany) io.stderr(`steward: warning: ${tooMany}\n`);
    done(failed(report, flags.failOn, baseline) ? EXIT.findings : EXIT.ok);
  });
}

/** The output in chunks, written as they come: a large estate's findings outgrow one string. */
function render(format: Format, report: Report, files: readonly string[], options: { baseline?: ReadonlySet<string> }): Iterable<string> {
  switch (format) {
    case 'json':
      return findingsJsonChunks(report, { files, ...options });
    case 'sarif':
      return sarifChunks(report, options);
    case 'markdown':
      return findingsMarkdownChunks(report, options);
    default:
      return tableChunks(report, options);
  }
}

/** Whether an open finding, new against the baseline if there is one, reaches the threshold. */
export function failed(report: Report, failOn: Severity | undefined, baseline: ReadonlySet<string> | undefined): boolean {
  if (!failOn) return false;
  return report.findings.some((f) => f.status === 'open' && atLeast(f.severity, failOn) && !baseline?.has(f.id));
}

function readBaseline(file: string, io: CliIO): Set<string> {
  let bytes: Uint8Array;
  try {
    // Bytes, not text: the baseline of a large estate is longer than one string can be.
    bytes = readFileSync(resolve(io.cwd, file));
  } catch (err) {
    throw new UsageError(`${file}: cannot read the baseline file (${(err as Error).message})`);
  }
  return parseBaseline(file, bytes);
}
