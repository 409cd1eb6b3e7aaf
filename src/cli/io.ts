/** Where the CLI writes and reads; tests pass their own. */
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Writes a file the user asked for with -o. */
  writeFile: (path: string, content: string) => void;
}

/** Exit codes: the contract scripts rely on. */
export const EXIT = {
  ok: 0,
  findings: 1,
  invalid: 2,
  internal: 3,
} as const;
