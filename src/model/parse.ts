import { LineCounter, parseDocument, visit } from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { wholeFile } from './decode.js';
import { scanJson } from './json-scan.js';
import { LineIndex, jsonLocator, offsetsLocator, yamlLocator, type Locator } from './locate.js';
import { parseYamlFast, readYamlFast } from './yaml-fast.js';

export type SourceFormat = 'yaml' | 'json';

export interface ParsedFile {
  file: string;
  format: SourceFormat;
  data: unknown;
  locator: Locator;
}

/** YAML files larger than this (in characters) are only read by the fast reader. */
export const MAX_FULL_YAML_CHARS = 8 * 1024 * 1024;

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
  if (!/\S/.test(text)) {
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
    // What the scan leaves to JSON.parse: control characters inside strings, number forms.
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    if (!at) return { diagnostics: [wholeFile(file, 'syntax-error', `invalid JSON: ${message}`)] };
    const { line, column } = lines.position(Number(at[1]));
    const what = /control character/i.test(message)
      ? 'a control character (such as a line break or a tab) inside a string: write it as an escape such as \\n or \\t'
      : message.replace(/ in JSON at position \d+.*$/, '').replace(/^./, (c) => c.toLowerCase());
    return { diagnostics: [{ file, line, column, path: '', code: 'syntax-error', message: `invalid JSON: ${what}` }] };
  }
  return { parsed: { file, format: 'json', data, locator: jsonLocator(text, scan, lines) } };
}

function parseYaml(file: string, text: string): { parsed: ParsedFile } | { diagnostics: Diagnostic[] } {
  // Plain, valid models take the fast reader; anything else, and every error, the yaml package.
  const fast = readYamlFast(text);
  if ('data' in fast) {
    const locator = offsetsLocator(text, fast, (wanted) => parseYamlFast(text, { depth: 2, wanted }));
    return { parsed: { file, format: 'yaml', data: fast.data, locator } };
  }
  if (text.length > MAX_FULL_YAML_CHARS) {
    // The yaml package needs about a hundred times the text in memory: a big file it would have
    // to read is refused, at the place the fast reader stopped (an error, or a feature it leaves
    // to the yaml package).
    const { line, column } = new LineIndex(text).position(fast.stoppedAt);
    return {
      diagnostics: [
        {
          file,
          line,
          column,
          path: '',
          code: 'yaml-too-complex',
          message: `this YAML is invalid here, or uses something beyond plain YAML (an anchor, a tag, a tab, a multi-line plain or quoted scalar); in a file over ${MAX_FULL_YAML_CHARS / 1024 / 1024} MiB only plain YAML is read`,
          hint: 'fix or simplify it here, split the file, or write the model as JSON',
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  } catch (err) {
    return { diagnostics: [wholeFile(file, 'syntax-error', `cannot parse YAML: ${describe(err)}`)] };
  }
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  // Once the parser has run out of stack, what it reports after that is noise: keep the first.
  const overflow = problems.findIndex((e) => /call stack/i.test(e.message));
  if (overflow !== -1) problems.splice(overflow + 1);
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
              : /call stack/i.test(e.message)
                ? 'invalid YAML: the document is nested too deeply'
                : `invalid YAML: ${firstLine(e.message)}`,
          ...(duplicate ? { hint: 'remove or rename one of them' } : {}),
        };
      }),
    };
  }
  if (doc.contents === null) {
    return { diagnostics: [wholeFile(file, 'empty-file', 'the file holds only comments: there is no model in it', 'a model starts with "version: 1"')] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      // Point at the first alias: where the expansion starts.
      let first: number | undefined;
      visit(doc, {
        Alias(_, node) {
          first = node.range?.[0];
          return visit.BREAK;
        },
      });
      const pos = first === undefined ? undefined : lineCounter.linePos(first);
      return {
        diagnostics: [
          {
            ...wholeFile(file, 'alias-bomb', `the YAML aliases expand too far (more than ${MAX_YAML_ALIASES} nodes): refusing to load it`, 'write the entries out instead of nesting aliases'),
            ...(pos ? { line: pos.line, column: pos.col } : {}),
          },
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
