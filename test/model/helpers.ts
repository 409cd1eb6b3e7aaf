import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { loadModel, type LoadOptions, type ModelSource } from '../../src/model/load.js';
import type { Model } from '../../src/model/types.js';

/** A scratch folder with the given files (path → content), removed by `dispose`. */
export function scratch(files: Record<string, string | Uint8Array> = {}): { dir: string; write: (path: string, content: string | Uint8Array) => string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'steward-test-'));
  const write = (path: string, content: string | Uint8Array) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  };
  for (const [path, content] of Object.entries(files)) write(path, content);
  return { dir, write, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Loads sources given as file → text and returns the diagnostics (failing if it loads). */
export function problems(files: Record<string, string | Uint8Array>, options?: LoadOptions): Diagnostic[] {
  const result = loadModel(sources(files), options);
  if (result.ok) throw new Error('expected the model to be invalid');
  return result.diagnostics;
}

/** Loads sources given as file → text and returns the model (failing with the diagnostics if not). */
export function model(files: Record<string, string | Uint8Array>): Model {
  const result = loadModel(sources(files));
  if (!result.ok) throw new Error(`expected a valid model:\n${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`).join('\n')}`);
  return result.model;
}

export function sources(files: Record<string, string | Uint8Array>): ModelSource[] {
  return Object.entries(files).map(([file, content]) => ({ file, content }));
}

/** The parts of a diagnostic most tests look at. */
export function brief(d: Diagnostic): { file: string; line: number; column: number; code: string } {
  return { file: d.file, line: d.line, column: d.column, code: d.code };
}
