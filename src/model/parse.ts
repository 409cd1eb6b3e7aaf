import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { wholeFile } from './decode.js';
import { scanJson } from './json-scan.js';
import { LineIndex, jsonLocator, yamlLocator, type Locator } from './locate.js';

export type SourceFormat = 'yaml' | 'json';

export interface ParsedFile {
  file: string;
  format: SourceFormat;
  data: unknown;
  locator: Locator;
}

/** The most aliases a YAML file may expand; beyond it the file is treated as an alias bomb. */
export const MAX_YAML_ALIASES = 1000;

export function detectFormat(file: string, text: string): SourceFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function parseModelText(
  file: string,
  text: string,
  format: SourceFormat = detectFormat(file, text),
): { parsed: ParsedFile } | { diagnostics: Diagnostic[] } {
  if (text.trim() === '') {
    return { diagnostics: [wholeFile(file, 'empty-file', 'the file is empty', 'a model starts with "version: 1"')] };
  }
  return format === 'json' ? parseJson(file, text) : parseYaml(file, text);
}

function parseJson(file: string, text: string): { parsed: ParsedFile } | { diagnostics: Diagnostic[] } {
  const scan = scanJson(text);
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  if (scan.error) {
    const { line, column } = lines.position(scan.error.offset);
    return { diagnostics: [{ file, line, column, path: '', code: 'syntax-error', message: `invalid JSON: ${scan.error.message}` }] };
  }
  for (const dup of scan.duplicates) {
    const { line, column } = lines.position(dup.offset);
    diagnostics.push({
      file,
      line,
      column,
      path: '',
      code: 'duplicate-key',
      message: `duplicate key "${dup.key}": JSON keeps only the last one`,
      hint: 'remove or rename one of them',
    });
  }
  if (diagnostics.length) return { diagnostics };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { diagnostics: [wholeFile(file, 'syntax-error', `invalid JSON: ${(err as Error).message}`)] };
  }
  return { parsed: { file, format: 'json', data, locator: jsonLocator(text, scan) } };
}

function parseYaml(file: string, text: string): { parsed: ParsedFile } | { diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  } catch (err) {
    return { diagnostics: [wholeFile(file, 'syntax-error', `cannot parse YAML: ${describe(err)}`)] };
  }
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  if (problems.length) {
    return {
      diagnostics: problems.map((e) => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        const duplicate = e.code === 'DUPLICATE_KEY';
        return {
          file,
          line: pos.line,
          column: pos.col,
          path: '',
          code: duplicate ? 'duplicate-key' : e.code === 'TAG_RESOLVE_FAILED' ? 'unsupported-tag' : 'syntax-error',
          message: duplicate
            ? 'duplicate key: each key may appear once in a mapping'
            : e.code === 'TAG_RESOLVE_FAILED'
              ? `unsupported YAML tag: ${firstLine(e.message)}`
              : `invalid YAML: ${firstLine(e.message)}`,
          ...(duplicate ? { hint: 'remove or rename one of them' } : {}),
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      return {
        diagnostics: [
          wholeFile(file, 'alias-bomb', `the YAML aliases expand too far (more than ${MAX_YAML_ALIASES} nodes): refusing to load it`, 'write the entries out instead of nesting aliases'),
        ],
      };
    }
    return { diagnostics: [wholeFile(file, 'syntax-error', `cannot read YAML: ${describe(err)}`)] };
  }
  return { parsed: { file, format: 'yaml', data, locator: yamlLocator(doc, lineCounter) } };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function describe(err: unknown): string {
  if (err instanceof RangeError) return 'the document is nested too deeply';
  return err instanceof Error ? firstLine(err.message) : String(err);
}
