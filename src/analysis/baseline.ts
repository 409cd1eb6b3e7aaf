import { UsageError } from '../model/diagnostics.js';
import { FindingJson, FindingsDocument } from '../render/findings-json.js';

/**
 * The finding ids of a baseline: a previous `analyze --format json` output. Accepts any version-1
 * document; anything else is a usage error that says what was expected.
 *
 * Read from bytes, a finding at a time: the baseline of a large estate (593 MiB at 100k entities)
 * is longer than the longest string V8 can hold, so a findings document is never decoded or parsed
 * whole (a document without a findings array is, to be refused). The document around the findings
 * and each finding are checked against the schema as before.
 */
export function parseBaseline(file: string, bytes: Uint8Array): Set<string> {
  const notJson = () => new UsageError(`${file}: the baseline is not JSON; write it with "steward analyze --format json -o ${file}"`);
  const notFindings = (path: string, message: string) =>
    new UsageError(`${file}: not a Steward findings document (${path || 'top level'}: ${message}); write it with "steward analyze --format json"`);
  let split: SplitDocument;
  let head: unknown;
  try {
    split = splitFindings(bytes);
    head = JSON.parse(split.head);
  } catch (err) {
    // ERR_STRING_TOO_LONG: a document without a findings array, too long to decode as one string.
    if (err instanceof NotJson || err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') throw notJson();
    throw err;
  }
  const document = FindingsDocument.safeParse(head);
  if (!document.success) {
    const issue = document.error.issues[0]!;
    throw notFindings(issue.path.join('.'), issue.message);
  }
  const ids = new Set<string>();
  const decoder = new TextDecoder();
  // The schema has just required a findings array, so the split found one.
  (split.findings ?? []).forEach(([start, end], i) => {
    let item: unknown;
    try {
      item = JSON.parse(decoder.decode(bytes.subarray(start, end)));
    } catch (err) {
      if (err instanceof SyntaxError) throw notJson();
      throw err;
    }
    const finding = FindingJson.safeParse(item);
    if (!finding.success) {
      const issue = finding.error.issues[0]!;
      throw notFindings(['findings', i, ...issue.path].join('.'), issue.message);
    }
    ids.add(finding.data.id);
  });
  return ids;
}

interface SplitDocument {
  /** The document's text with its findings array emptied: small enough to parse as a whole. */
  head: string;
  /** Where each item of the top-level "findings" array lies in the bytes, or undefined when there is no such array. */
  findings: [number, number][] | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

class NotJson extends Error {}

/**
 * Finds the items of the top-level "findings" array by their brackets and quotes alone (every
 * byte that structures JSON is ASCII, so UTF-8 text needs no decoding to be walked). What lies
 * between is checked later by JSON.parse, a piece at a time. When the key occurs twice, the last
 * one counts, as with JSON.parse.
 */
function splitFindings(bytes: Uint8Array): SplitDocument {
  const decoder = new TextDecoder();
  let i = skipSpace(bytes, 0);
  if (bytes[i] !== OPEN_BRACE) return { head: decoder.decode(bytes), findings: undefined };
  let array: { start: number; end: number; items: [number, number][] } | undefined;
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_BRACE) i++;
  else {
    for (;;) {
      if (bytes[i] !== QUOTE) throw new NotJson();
      const keyEnd = skipString(bytes, i);
      const key: unknown = JSON.parse(decoder.decode(bytes.subarray(i, keyEnd)));
      i = skipSpace(bytes, keyEnd);
      if (bytes[i] !== COLON) throw new NotJson();
      i = skipSpace(bytes, i + 1);
      if (key === 'findings' && bytes[i] === OPEN_BRACKET) {
        const items = arrayItems(bytes, i);
        array = { start: i, end: items.end, items: items.items };
        i = items.end;
      } else i = skipValue(bytes, i);
      i = skipSpace(bytes, i);
      if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
      else if (bytes[i] === CLOSE_BRACE) {
        i++;
        break;
      } else throw new NotJson();
    }
  }
  if (skipSpace(bytes, i) !== bytes.length) throw new NotJson();
  if (!array) return { head: decoder.decode(bytes), findings: undefined };
  const head = `${decoder.decode(bytes.subarray(0, array.start))}[]${decoder.decode(bytes.subarray(array.end))}`;
  return { head, findings: array.items };
}

/** The items of the array opening at `start`, and where the array ends (after its bracket). */
function arrayItems(bytes: Uint8Array, start: number): { items: [number, number][]; end: number } {
  const items: [number, number][] = [];
  let i = skipSpace(bytes, start + 1);
  if (bytes[i] === CLOSE_BRACKET) return { items, end: i + 1 };
  for (;;) {
    const end = skipValue(bytes, i);
    items.push([i, end]);
    i = skipSpace(bytes, end);
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (bytes[i] === CLOSE_BRACKET) return { items, end: i + 1 };
    else throw new NotJson();
  }
}

/** Past the value starting at `i`: a string, an object or array (matched by brackets outside strings), or a scalar. */
function skipValue(bytes: Uint8Array, i: number): number {
  const c = bytes[i];
  if (c === QUOTE) return skipString(bytes, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    for (let k = i; k < bytes.length; k++) {
      const b = bytes[k];
      if (b === QUOTE) k = skipString(bytes, k) - 1;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) return k + 1;
    }
    throw new NotJson();
  }
  let k = i;
  while (k < bytes.length && !isSpace(bytes[k]!) && bytes[k] !== COMMA && bytes[k] !== CLOSE_BRACE && bytes[k] !== CLOSE_BRACKET) k++;
  if (k === i) throw new NotJson();
  return k;
}

/** Past the closing quote of the string opening at `i`. */
function skipString(bytes: Uint8Array, i: number): number {
  for (let k = i + 1; k < bytes.length; k++) {
    const b = bytes[k];
    if (b === BACKSLASH) k++;
    else if (b === QUOTE) return k + 1;
  }
  throw new NotJson();
}

function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  return i;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
