import { Command, Option } from 'commander';
import { EXPORT_FORMATS, renderExport, renderOpenGraphExtension, type ExportFormat } from '../../export/index.js';
import { UsageError } from '../../model/diagnostics.js';
import { analysisOptions, type AnalysisFlags } from '../analysis-options.js';
import { EXIT, writeChunked, type CliIO } from '../io.js';
import type { LoadFlags } from '../load.js';
import { modelOptions } from '../options.js';
import { runAnalysis } from '../run-analysis.js';

interface ExportFlags extends LoadFlags, AnalysisFlags {
  format: ExportFormat;
  output?: string;
  schema?: string;
  steps: boolean;
}

export function exportCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('export')
    .description('export the graph for graph engines: BloodHound OpenGraph JSON, Cypher for Neo4j, or GraphML')
    .argument('<paths...>', 'model files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'write the export to a file instead of stdout')
    .option('--schema <file>', 'opengraph: also write the BloodHound extension definition (node kinds, traversable edge kinds) to this file')
    .option('--no-steps', 'leave out the compromise steps of the path analysis (edges and tainted-state nodes)');
  for (const o of [...analysisOptions(), ...modelOptions()]) cmd.addOption(o);
  return cmd.action((paths: string[], flags: ExportFlags) => {
    if (flags.schema !== undefined && flags.format !== 'opengraph') {
      throw new UsageError('--schema writes the BloodHound extension definition and goes with --format opengraph only');
    }
    const analysis = runAnalysis(paths, flags, io);
    if (!analysis) return done(EXIT.invalid);
    const { graph, report } = analysis;
    writeChunked(io, flags.output, renderExport(flags.format, { graph, findings: report.findings, steps: flags.steps }));
    if (flags.output) io.stderr(`wrote ${flags.output}\n`);
    if (flags.schema !== undefined) {
      io.writeFile(flags.schema, renderOpenGraphExtension());
      io.stderr(`wrote ${flags.schema}\n`);
    }
    done(EXIT.ok);
  });
}
