import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ModelError, UsageError, formatDiagnostic } from '../model/diagnostics.js';
import { analyzeCommand } from './commands/analyze.js';
import { diagramCommand } from './commands/diagram.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { pathsCommand } from './commands/paths.js';
import { reportCommand } from './commands/report.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { diskFileSize } from './files.js';
import { EXIT, type CliIO } from './io.js';
import { VERSION } from '../version.js';

type CommandFactory = (io: CliIO, done: (code: number) => void) => Command;

/** Every command, in the order `--help` lists them. */
const COMMANDS: readonly CommandFactory[] = [
  validateCommand,
  analyzeCommand,
  pathsCommand,
  diagramCommand,
  reportCommand,
  diffCommand,
  exportCommand,
  importCommand,
  rulesCommand,
  schemaCommand,
];

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let code: number = EXIT.ok;
  const done = (c: number) => {
    code = c;
  };
  const program = new Command('steward')
    .description('Threat modeling as code for multi-agent AI systems and their non-human identities')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const make of COMMANDS) {
    const cmd = make(io, done);
    configureTree(cmd, io);
    program.addCommand(cmd);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.invalid;
    }
    if (err instanceof UsageError) {
      io.stderr(`steward: ${err.message}\n`);
      return EXIT.invalid;
    }
    if (err instanceof ModelError) {
      for (const d of err.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return EXIT.invalid;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EACCES' || e?.code === 'ENOENT' || e?.code === 'EISDIR' || e?.code === 'ENOTDIR') {
      io.stderr(`steward: ${e.message}\n`);
      return EXIT.invalid;
    }
    io.stderr(`steward: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.STEWARD_DEBUG) io.stderr(`${e?.stack ?? ''}\n`);
    else io.stderr('This is a bug in Steward; run again with STEWARD_DEBUG=1 for details.\n');
    return EXIT.internal;
  }
}

/** Commander settings every command and subcommand needs: no process.exit, output through io. */
function configureTree(cmd: Command, io: CliIO): void {
  cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).showHelpAfterError('(run with --help for usage)');
  for (const sub of cmd.commands) configureTree(sub, io);
}

export function processIO(): CliIO {
  handleStdoutErrors();
  return {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    writeFile: (path, content) => writeOutput(path, () => writeFileSync(resolve(process.cwd(), path), content)),
    writeChunks: (path, chunks) => {
      if (path === undefined) {
        for (const chunk of chunks) process.stdout.write(chunk);
        return;
      }
      writeOutput(path, () => {
        const fd = openSync(resolve(process.cwd(), path), 'w');
        try {
          for (const chunk of chunks) writeSync(fd, chunk);
        } finally {
          closeSync(fd);
        }
      });
    },
    readFile: (path) => readFileSync(resolve(process.cwd(), path)),
    fileSize: (path) => diskFileSize(resolve(process.cwd(), path)),
  };
}

/**
 * Writes an output file the user named; a failure of the file system (no such folder, no space,
 * no permission) becomes a usage error that names the file, not an internal one.
 */
function writeOutput(path: string, write: () => void): void {
  try {
    write();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e?.syscall !== undefined) throw new UsageError(`cannot write ${path}: ${e.message}`);
    throw err;
  }
}

let handlingStdout = false;

/**
 * Errors of stdout, which Node reports after the write, as an event: unhandled, each would end
 * the process with a stack trace. When the reader goes away (`steward analyze … | head`), the
 * rest of the output is dropped and the command ends with its own exit code, as if it had been
 * read. Any other failure (stdout redirected to a full disk) is reported as what it is, exit 2.
 */
function handleStdoutErrors(): void {
  if (handlingStdout) return;
  handlingStdout = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`steward: cannot write to stdout: ${err.message}\n`);
    process.exit(EXIT.invalid);
  });
}
