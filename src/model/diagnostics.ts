import { compareText } from '../util/compare.js';
/** A problem in a model, located in the file that holds it. */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file. */
  column: number;
  /** Where inside the document, as `agents[2].tools[0]`; empty for the document itself. */
  path: string;
  /** A stable, machine-readable code such as `unknown-key` or `dangling-reference`. */
  code: string;
  /** What is wrong, and what was expected. */
  message: string;
  /** How to fix it, when there is more to say than the message. */
  hint?: string;
}

/** Formats a path as `agents[2].tools[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(seg))) out += out ? `.${String(seg)}` : String(seg);
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** One line per problem: `file:line:col: message (at path); hint`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  const at = d.path ? ` (at ${d.path})` : '';
  const hint = d.hint ? `; ${d.hint}` : '';
  return `${where}: ${oneLine(d.message)}${at}${hint ? oneLine(hint) : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code) || compareText(a.message, b.message)
  );
}

/** Thrown by the library API when a model cannot be loaded; carries every problem found. */
export class ModelError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(
      first
        ? `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the model; first: ${formatDiagnostic(first)}`
        : 'invalid model',
    );
    this.name = 'ModelError';
    this.diagnostics = diagnostics;
  }
}

/** Bad command-line input: printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
