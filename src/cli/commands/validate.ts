import { Command, Option } from 'commander';
import { buildGraph } from '../../graph/graph.js';
import { compareDiagnostics } from '../../model/diagnostics.js';
import { EXIT, type CliIO } from '../io.js';
import { loadFromPaths, printDiagnostics, type LoadFlags } from '../load.js';
import { plural } from '../../render/plural.js';
import { modelOptions } from '../options.js';

export function validateCommand(io: CliIO, done: (code: number) => void): Command {
  const cmd = new Command('validate')
    .description('check that a model is well formed: every problem with file:line:col and a fix')
    .argument('<paths...>', 'model files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  for (const o of modelOptions()) cmd.addOption(o);
  return cmd.action((paths: string[], flags: LoadFlags & { format: 'text' | 'json' }) => {
    const loaded = loadFromPaths(paths, flags, io);
    if (flags.format === 'json') {
      const body = loaded.ok
        ? { valid: true, files: loaded.model.files, entities: loaded.model.entities.length, relations: loaded.model.relations.length, diagnostics: [] }
        : { valid: false, diagnostics: [...loaded.diagnostics].sort(compareDiagnostics) };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
      return done(loaded.ok ? EXIT.ok : EXIT.invalid);
    }
    if (!loaded.ok) {
      printDiagnostics(loaded.diagnostics, io);
      return done(EXIT.invalid);
    }
    const graph = buildGraph(loaded.model);
    io.stdout(
      `✔ valid: ${plural(loaded.files, 'file')}, ${plural(graph.order, 'entity')}, ${plural(graph.size, 'relation')}\n`,
    );
    return done(EXIT.ok);
  });
}
