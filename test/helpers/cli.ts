import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  files: Map<string, string>;
}

/** Runs the CLI in-process, capturing its output and the files it writes. */
export async function cli(argv: string[], cwd = join(import.meta.dirname, '../..')): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const files = new Map<string, string>();
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
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, files };
}
