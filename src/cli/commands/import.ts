import { Argument, Command } from 'commander';
import { ImportError, type ConfigFile, type ImportFormat } from '../../import/draft.js';
import { emitModel, formatWarning, sortWarnings } from '../../import/emit.js';
import { draftFromFiles, IMPORTERS, IMPORT_FORMATS } from '../../import/formats.js';
import { mergeIntoModel } from '../../import/merge.js';
import { readModelSources } from '../../io/read.js';
import { decodeText } from '../../model/decode.js';
import { formatDiagnostic } from '../../model/diagnostics.js';
import { DEFAULT_MAX_FILE_BYTES, fileTooLarge } from '../../model/load.js';
import { fileAccess } from '../files.js';
import { EXIT, type CliIO } from '../io.js';
import { printDiagnostics, type LoadFlags } from '../load.js';
import { plural } from '../../render/plural.js';
import { modelOptions } from '../options.js';
import { terminalSafe } from '../../render/terminal-safe.js';

interface ImportFlags extends LoadFlags {
  output?: string;
  force?: boolean;
  merge?: boolean;
}

export function importCommand(io: CliIO, done: (code: number) => void): Command {
  const formats = IMPORTERS.map((i) => `  ${i.format.padEnd(7)} ${i.describe}`).join('\n');
  const cmd = new Command('import')
    .description('draft a model from real agent configurations: MCP clients, CrewAI, n8n, A2A Agent Cards')
    .addArgument(new Argument('<format>', 'the configuration format, or auto to tell by content').choices([...IMPORT_FORMATS, 'auto']))
    .argument('<files...>', 'configuration files')
    .option('-o, --output <file>', 'write the model to a file instead of stdout')
    .option('--force', 'overwrite the output file if it exists')
    .option('--merge', 'add the drafted entities to the output file if it exists, keeping everything it holds')
    .addHelpText('after', `\nFormats:\n${formats}\n  auto    each file's format, told by its content\n`);
  for (const o of modelOptions()) cmd.addOption(o);
  return cmd.action((format: ImportFormat | 'auto', paths: string[], flags: ImportFlags) => {
    if (flags.force && flags.merge) {
      io.stderr('steward: --force and --merge exclude each other: --force replaces the file, --merge adds to it\n');
      return done(EXIT.invalid);
    }
    if ((flags.force || flags.merge) && !flags.output) {
      io.stderr(`steward: ${flags.force ? '--force' : '--merge'} needs -o <file>\n`);
      return done(EXIT.invalid);
    }
    const maxBytes = flags.maxFileSize === undefined ? DEFAULT_MAX_FILE_BYTES : flags.maxFileSize * 1024 * 1024;
    const files = readConfigFiles(paths, maxBytes, io);
    if (!files) return done(EXIT.invalid);
    try {
      const draft = draftFromFiles(format, files);
      // Warnings quote names from the configuration: strip what a terminal would execute.
      for (const w of sortWarnings(draft.warnings)) io.stderr(`${terminalSafe(formatWarning(w))}\n`);
      const sources = files.map((f) => f.path);
      if (!flags.output) {
        io.stdout(emitModel(draft, { sources }));
        return done(EXIT.ok);
      }
      const access = fileAccess(io);
      const size = access.fileSize(flags.output);
      if (size !== undefined && !flags.force && !flags.merge) {
        io.stderr(`steward: ${flags.output} exists: pass --merge to add the drafted entities to it, or --force to replace it\n`);
        return done(EXIT.invalid);
      }
      if (size !== undefined && flags.merge) {
        if (size > maxBytes) {
          io.stderr(`${formatDiagnostic(fileTooLarge(flags.output, size, maxBytes))}\n`);
          return done(EXIT.invalid);
        }
        const decoded = decodeText(flags.output, access.readFile(flags.output));
        if ('error' in decoded) {
          io.stderr(`${formatDiagnostic(decoded.error)}\n`);
          return done(EXIT.invalid);
        }
        const merged = mergeIntoModel(flags.output, decoded.text, draft);
        io.writeFile(flags.output, merged.text);
        const renamed = merged.renamed.slice(0, 20).map((r) => `${r.from} -> ${r.to}`);
        io.stderr(
          `merged into ${flags.output}: added ${plural(merged.added.length, 'entity')}` +
            `${merged.added.length ? ` (${someIds(merged.added)})` : ''}` +
            `; kept yours for ${plural(merged.skipped.length, 'id')}${merged.skipped.length ? ` (${someIds(merged.skipped)})` : ''}` +
            `${renamed.length ? `; renamed ${renamed.join(', ')}` : ''}` +
            `${merged.rewritten ? '; the file was rewritten as a whole (spacing may differ)' : ''}\n`,
        );
        if (merged.skipped.length) io.stderr('what you wrote for those ids is kept as is: link the added entities to them where they belong\n');
        return done(EXIT.ok);
      }
      io.writeFile(flags.output, emitModel(draft, { sources }));
      io.stderr(`wrote ${flags.output}: review the owners and the comments marking what was inferred, then run steward analyze ${flags.output}\n`);
      return done(EXIT.ok);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      const where = err.line !== undefined ? `${err.file}:${err.line}:${err.column ?? 1}` : err.file;
      io.stderr(`${terminalSafe(`${where}: ${err.message}`)}\n`);
      return done(EXIT.invalid);
    }
  });
}

/** Reads the configuration files with the model's size limit and UTF-8 check; undefined after printing why not. */
function readConfigFiles(paths: readonly string[], maxBytes: number, io: CliIO): ConfigFile[] | undefined {
  const read = readModelSources(paths, { cwd: io.cwd, maxFileBytes: maxBytes });
  const diagnostics = [...read.diagnostics];
  const files: ConfigFile[] = [];
  for (const source of read.sources) {
    const decoded = typeof source.content === 'string' ? { text: source.content } : decodeText(source.file, source.content);
    if ('error' in decoded) diagnostics.push(decoded.error);
    else files.push({ path: source.file.replace(/\\/g, '/'), text: decoded.text });
  }
  if (diagnostics.length) {
    printDiagnostics(diagnostics, io);
    return undefined;
  }
  return files;
}

/** The first ids of a list, for a one-line summary. */
function someIds(items: readonly { id: string }[]): string {
  const shown = items.slice(0, 20).map((i) => i.id).join(', ');
  return items.length > 20 ? `${shown} and ${items.length - 20} more` : shown;
}
