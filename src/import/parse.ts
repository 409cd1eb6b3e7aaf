import { formatDiagnostic } from '../model/diagnostics.js';
import type { Position } from '../model/locate.js';
import { parseModelText, type SourceFormat } from '../model/parse.js';
import { ImportError, type ConfigFile } from './draft.js';

/** A configuration file parsed as JSON or YAML, with a way back from a path to its line and column. */
export interface ParsedConfig {
  file: string;
  format: SourceFormat;
  data: unknown;
  locate(path: readonly PropertyKey[]): Position | undefined;
}

/**
 * Parses a configuration file with the model's own JSON and YAML readers (size-safe, alias-safe,
 * positions for errors). Throws ImportError naming the file, line and column when it is neither.
 */
export function parseConfig(file: ConfigFile): ParsedConfig {
  if (!/\S/.test(file.text)) throw new ImportError(file.path, 'the file is empty: expected a JSON or YAML configuration');
  const format = configFormat(file);
  // Editors' MCP files are JSON with comments (JSONC); blanking the comments keeps every position.
  const text = format === 'json' ? blankJsonComments(file.text) : file.text;
  const result = parseModelText(file.path, text, format);
  if ('diagnostics' in result) {
    const first = result.diagnostics[0]!;
    const message = formatDiagnostic({ ...first, file: '', line: 0, column: 0 }).replace(/^: /, '');
    const truncated = format === 'json' && /end of (?:input|the text|data)|unexpected end|unterminated|unclosed/i.test(message);
    throw new ImportError(
      file.path,
      `${message}${truncated ? ' (is the file truncated?)' : ''}`,
      first.line > 0 ? first.line : undefined,
      first.column > 0 ? first.column : undefined,
    );
  }
  const { parsed } = result;
  return {
    file: file.path,
    format: parsed.format,
    data: parsed.data,
    locate: (path) => {
      const pos = parsed.locator.locate(path, true);
      return pos.line > 0 ? pos : undefined;
    },
  };
}

/** JSON by extension or by a leading `{` or `[`; YAML otherwise. */
function configFormat(file: ConfigFile): SourceFormat {
  if (/\.ya?ml$/i.test(file.path)) return 'yaml';
  if (/\.json$/i.test(file.path)) return 'json';
  return /^\s*[{[]/.test(file.text) ? 'json' : 'yaml';
}

/** A plain object (not an array or null) whose own keys can be iterated safely. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The entries of an untrusted object, sorted by key, skipping keys that could pollute prototypes
 * when copied: callers put them in Maps or `Object.create(null)` objects, never in `{}`.
 */
export function safeEntries(value: unknown): [string, unknown][] {
  if (!isRecord(value)) return [];
  return Object.keys(value)
    .filter((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype')
    .sort()
    .map((k) => [k, value[k]]);
}

/** A property the object holds itself: `__proto__` or `constructor` never reach the prototype. */
export function own(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The string at `key`, if it is one. */
export function stringAt(value: unknown, key: string): string | undefined {
  const v = own(value, key);
  return typeof v === 'string' ? v : undefined;
}

/**
 * Replaces `//` and `/* *\/` comments and trailing commas outside strings with spaces (line breaks
 * kept), so that JSONC parses as JSON and errors keep their line and column.
 */
export function blankJsonComments(text: string): string {
  if (!text.includes('/') && !/,\s*[}\]]/.test(text)) return text;
  const blanks: [number, number][] = [];
  let i = 0;
  let lastComma = -1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      lastComma = -1;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      i++;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const end = text[i + 1] === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2) + 2;
      const stop = end <= 0 || end < i ? text.length : end;
      blanks.push([i, stop]);
      i = stop;
    } else {
      if (c === ',') lastComma = i;
      else if ((c === '}' || c === ']') && lastComma !== -1) blanks.push([lastComma, lastComma + 1]);
      if (c !== ',' && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') lastComma = -1;
      i++;
    }
  }
  if (!blanks.length) return text;
  blanks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [a, b] of blanks) {
    out += text.slice(from, a) + text.slice(a, b).replace(/[^\n\r]/g, ' ');
    from = b;
  }
  return out + text.slice(from);
}
