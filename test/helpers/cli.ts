import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main.js';
import { diskFileSize } from '../../src/cli/files.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string>;
}

/**
 * Runs the CLI in-process, capturing its output and the files it writes. Files it writes (and
 * `existing` ones, given by path) are kept in memory: reading them back sees what was written,
 * and nothing on disk changes.
 */
export async function cli(argv: string[], cwd = join(import.meta.dirname, '../..'), existing: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>(Object.entries(existing));
  const io: CliIO = {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    writeFile: (path, content) => {
      files.set(path, content);
    },
    writeChunks: (path, chunks) => {
      let text = '';
      for (const chunk of chunks) text += chunk;
      if (path === undefined) stdout += text;
      else files.set(path, text);
    },
    readFile: (path) => (files.has(path) ? new TextEncoder().encode(files.get(path)) : readFileSync(resolve(cwd, path))),
    fileSize: (path) => (files.has(path) ? Buffer.byteLength(files.get(path)!) : diskFileSize(resolve(cwd, path))),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, files };
}
