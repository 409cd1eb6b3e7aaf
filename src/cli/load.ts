import { plural } from '../render/plural.js';
import { readModelSources } from '../io/read.js';
import { compareDiagnostics, formatDiagnostic, type Diagnostic } from '../model/diagnostics.js';
import { loadModel } from '../model/load.js';
import type { Model } from '../model/types.js';
import type { CliIO } from './io.js';

export interface LoadFlags {
  maxFileSize?: number;
}

export type CliLoad = { ok: true; model: Model; files: number } | { ok: false; diagnostics: Diagnostic[] };

/** Reads and loads the model named by `paths`, the one way every command does it. */
export function loadFromPaths(paths: readonly string[], flags: LoadFlags, io: CliIO): CliLoad {
  const maxFileBytes = flags.maxFileSize === undefined ? undefined : flags.maxFileSize * 1024 * 1024;
  const read = readModelSources(paths, { cwd: io.cwd, ...(maxFileBytes === undefined ? {} : { maxFileBytes }) });
  const loaded = loadModel(read.sources, maxFileBytes === undefined ? {} : { maxFileBytes });
  if (!loaded.ok || read.diagnostics.length) {
    return { ok: false, diagnostics: [...read.diagnostics, ...(loaded.ok ? [] : loaded.diagnostics)] };
  }
  return { ok: true, model: loaded.model, files: read.sources.length };
}

/** Prints diagnostics to stderr, one line each, then a count. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIO): void {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  for (const d of sorted) io.stderr(`${formatDiagnostic(d)}\n`);
  const files = new Set(sorted.map((d) => d.file)).size;
  io.stderr(`✖ ${plural(sorted.length, 'problem')} in ${plural(files, 'file')}\n`);
}

