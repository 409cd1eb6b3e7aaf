import { Command, InvalidArgumentError, Option } from 'commander';
import { analyzePaths } from '../../analysis/paths/index.js';
import { renderDiagram, VIEWS, type ViewName } from '../../render/mermaid/index.js';
import { analysisOptions, type AnalysisFlags } from '../analysis-options.js';
import { EXIT, type CliIO } from '../io.js';
import type { LoadFlags } from '../load.js';
import { runAnalysis } from '../run-analysis.js';
import { modelOptions, positiveInteger } from '../options.js';

interface DiagramFlags extends LoadFlags, AnalysisFlags {
  view: ViewName;
  format: 'mermaid' | 'markdown';
  system?: string;
  focus?: string;
  depth?: number;
  maxNodes?: number;
  path?: string;
  top?: number;
  output?: string;
}

export function diagramCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('diagram')
    .description('draw the model as a Mermaid diagram: the system, the ownership map, the MAESTRO layers or the risky chains')
    .argument('<paths...>', 'model files or folders')
    .addOption(new Option('--view <view>', 'what to draw').choices(VIEWS).default('system'))
    .addOption(new Option('--format <format>', 'bare Mermaid, or a fenced block for Markdown').choices(['mermaid', 'markdown']).default('mermaid'))
    .addOption(new Option('--system <id>', 'only this system and what it relates to').conflicts('focus'))
    .option('--focus <id>', 'only the neighbourhood of this node')
    .addOption(new Option('--depth <n>', 'steps around --system or --focus (default 1)').argParser(wholeNumber))
    .addOption(new Option('--max-nodes <n>', 'a larger diagram keeps its most important nodes and collapses the rest (default 120)').argParser(positiveInteger))
    .option('--path <id>', 'chains: draw only this ranked path (an id from steward paths)')
    .addOption(new Option('--top <n>', 'chains: draw this many of the most risky paths (default 5)').argParser(positiveInteger))
    .option('-o, --output <file>', 'write the diagram to a file instead of stdout');
  for (const o of [...analysisOptions(), ...modelOptions()]) cmd.addOption(o);
  return cmd.action((paths: string[], flags: DiagramFlags) => {
    const analysis = runAnalysis(paths, flags, io);
    if (!analysis) return done(EXIT.invalid);
    const { graph, report } = analysis;
    const diagram = renderDiagram(flags.view, { graph, findings: report.findings, paths: analyzePaths(graph) }, {
      ...(flags.system === undefined ? {} : { system: flags.system }),
      ...(flags.focus === undefined ? {} : { focus: flags.focus }),
      ...(flags.depth === undefined ? {} : { depth: flags.depth }),
      ...(flags.maxNodes === undefined ? {} : { budget: { maxNodes: flags.maxNodes, maxEdges: flags.maxNodes * 2 } }),
      ...(flags.path === undefined ? {} : { path: flags.path }),
      ...(flags.top === undefined ? {} : { top: flags.top }),
    });
    const text = flags.format === 'markdown' ? `\`\`\`mermaid\n${diagram}\`\`\`\n` : diagram;
    if (flags.output) {
      io.writeFile(flags.output, text);
      io.stderr(`wrote ${flags.output}\n`);
    } else io.stdout(text);
    done(EXIT.ok);
  });
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 or more)');
  return n;
}
