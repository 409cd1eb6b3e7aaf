import { joinChunks } from '../util/text-chunks.js';

/** Where the CLI writes and reads; tests pass their own. */
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes a file the user asked for with -o. */
  writeFile: (path: string, content: string) => void;
  /**
   * Writes a large output chunk by chunk as it is produced: to the file at `path` (-o), or to
   * stdout when `path` is undefined. The whole document is never held in memory. Optional for
   * callers that capture output (tests): without it, the chunks are joined and written at once.
   */
  writeChunks?: (path: string | undefined, chunks: Iterable<string>) => void;
  /** Reads a file the command updates in place (`import --merge`); disk when absent. */
  readFile?: (path: string) => Uint8Array;
  /** The size of a file in bytes, or undefined when there is none; disk when absent. */
  fileSize?: (path: string) => number | undefined;
}

/** Exit codes: the contract scripts rely on. */
export const EXIT = {
  ok: 0,
  findings: 1,
  invalid: 2,
  internal: 3,
} as const;

/** Writes chunks through `io.writeChunks`, or joined through `writeFile` / `stdout` when it has none. */
export function writeChunked(io: CliIO, path: string | undefined, chunks: Iterable<string>): void {
  if (io.writeChunks) return io.writeChunks(path, chunks);
  const text = joinChunks(chunks);
  if (path === undefined) io.stdout(text);
  else io.writeFile(path, text);
}
