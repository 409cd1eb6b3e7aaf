import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { wholeFile } from '../model/decode.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { DEFAULT_MAX_FILE_BYTES, fileTooLarge, type ModelSource } from '../model/load.js';

const MODEL_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Reads the model files named by `paths`: files as given, folders walked for .yaml, .yml and .json
 * files (skipping hidden folders, node_modules and *.schema.json). File names are reported
 * relative to `cwd`. Refuses files over the size limit before reading them.
 */
export function readModelSources(
  paths: readonly string[],
  options: { cwd?: string; maxFileBytes?: number } = {},
): { sources: ModelSource[]; diagnostics: Diagnostic[] } {
  const cwd = options.cwd ?? process.cwd();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const sources: ModelSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const name = (abs: string) => relative(cwd, abs) || abs;

  const readOne = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    let size: number;
    let content: Buffer;
    try {
      size = statSync(abs).size;
      content = size > maxBytes ? Buffer.alloc(0) : readFileSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      diagnostics.push(wholeFile(name(abs), 'unreadable', `cannot read the file${code ? ` (${code})` : ''}`, code === 'EACCES' ? 'check its permissions' : undefined));
      return;
    }
    if (size > maxBytes) {
      diagnostics.push(
        fileTooLarge(name(abs), size, maxBytes),
      );
      return;
    }
    sources.push({ file: name(abs), content });
  };

  for (const given of paths) {
    const abs = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      diagnostics.push(wholeFile(given, 'not-found', 'no such file or folder', 'check the path'));
      continue;
    }
    if (stat.isFile()) {
      readOne(abs);
      continue;
    }
    if (!stat.isDirectory()) {
      diagnostics.push(wholeFile(given, 'not-a-file', 'not a regular file or folder'));
      continue;
    }
    const found = walk(abs);
    if (found.length === 0) {
      diagnostics.push(wholeFile(given, 'no-models', 'the folder holds no model files (.yaml, .yml or .json)', 'name a folder that holds Steward models, or the files themselves'));
    }
    for (const file of found) readOne(file);
  }
  return { sources, diagnostics };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function walk(root: string): string[] {
  const out: string[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) pending.push(full);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(full))) && MODEL_FILE.test(entry.name) && !/\.schema\.json$/i.test(entry.name)) {
        // A link to a model file is read like the file; links to folders are not followed (loops).
        out.push(full);
      }
    }
  }
  return out.sort();
}
