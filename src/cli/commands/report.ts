import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { analyzePaths } from '../../analysis/paths/index.js';
import { renderHtmlReport } from '../../render/html/report.js';
import type { ReportInput } from '../../render/report-content.js';
import { renderMarkdownReport } from '../../render/report-markdown.js';
import { VERSION } from '../../version.js';
import { analysisOptions, type AnalysisFlags } from '../analysis-options.js';
import { EXIT, type CliIO } from '../io.js';
import type { LoadFlags } from '../load.js';
import { runAnalysis } from '../run-analysis.js';
import { modelOptions } from '../options.js';

interface ReportFlags extends LoadFlags, AnalysisFlags {
  html?: string;
  md?: string;
  title?: string;
}

export function reportCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('report')
    .description('write the report: a self-contained HTML page (offline, diagrams drawn in the page) and Markdown for docs; Markdown to stdout when no file is given')
    .argument('<paths...>', 'model files or folders')
    .option('--html <file>', 'write the HTML report to this file')
    .option('--md <file>', 'write the Markdown report to this file')
    .option('--title <text>', "the report's title (default: the systems' names)");
  for (const o of [...analysisOptions(), ...modelOptions()]) cmd.addOption(o);
  return cmd.action((paths: string[], flags: ReportFlags) => {
    const analysis = runAnalysis(paths, flags, io);
    if (!analysis) return done(EXIT.invalid);
    const { graph, report } = analysis;
    const input: ReportInput = { graph, report, paths: analyzePaths(graph), version: VERSION, ...(flags.title === undefined ? {} : { title: flags.title }) };
    if (flags.html) {
      io.writeFile(flags.html, renderHtmlReport(input, { mermaidScript: mermaidBundle() }));
      io.stderr(`wrote ${flags.html}\n`);
    }
    if (flags.md) {
      io.writeFile(flags.md, renderMarkdownReport(input));
      io.stderr(`wrote ${flags.md}\n`);
    }
    if (!flags.html && !flags.md) io.stdout(renderMarkdownReport(input));
    done(EXIT.ok);
  });
}

/** The Mermaid browser bundle the HTML report inlines. */
export function mermaidBundle(): string {
  return readFileSync(fileURLToPath(import.meta.resolve('mermaid/dist/mermaid.min.js')), 'utf8');
}
