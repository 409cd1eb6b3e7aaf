import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIO } from './io.js';

/** Reading and sizing files through the CLI's io, or on disk when the io does not say. */
export function fileAccess(io: CliIO): Required<Pick<CliIO, 'readFile' | 'fileSize'>> {
  return {
    readFile: io.readFile ?? ((path) => readFileSync(resolve(io.cwd, path))),
    fileSize: io.fileSize ?? ((path) => diskFileSize(resolve(io.cwd, path))),
  };
}

export function diskFileSize(abs: string): number | undefined {
  try {
    const stat = statSync(abs);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
