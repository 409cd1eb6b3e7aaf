/** Where the CLI writes and reads; tests pass their own. */
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes a file the user asked for with -o. */
  writeFile: (path: string, content: string) => void;
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
