/**
 * A single-pass JSON checker that finds what `JSON.parse` hides: where a syntax error is, and
 * duplicate keys (which `JSON.parse` silently resolves to the last value). It also records the
 * offset of every value down to `depth`, and of any path in `wanted`, so that diagnostics and
 * findings can name a line and column without parsing the file twice. Iterative: nesting depth
 * does not touch the call stack.
 */

export const PATH_SEPARATOR = '\u0001';

export interface JsonScan {
  error?: { offset: number; message: string };
  duplicates: { offset: number; key: string; path: string }[];
  /** Path key (segments joined by PATH_SEPARATOR, '' for the root) → offset of the value. */
  values: Map<string, number>;
  /** Path key → offset of the key that introduces the value (object members only). */
  keys: Map<string, number>;
}

export function pathKey(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += PATH_SEPARATOR + String(seg);
  return out;
}

interface Frame {
  array: boolean;
  path: string;
  index: number;
  seen: Set<string> | undefined;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function scanJson(text: string, options: { depth?: number; wanted?: ReadonlySet<string> } = {}): JsonScan {
  const maxDepth = options.depth ?? 2;
  const wanted = options.wanted;
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const duplicates: JsonScan['duplicates'] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  let path = '';
  const fail = (offset: number, message: string): JsonScan => ({ error: { offset, message }, duplicates, values, keys });
  const track = (): boolean => stack.length <= maxDepth || wanted !== undefined;

  type State = 'value' | 'key' | 'after';
  let state: State = 'value';
  for (;;) {
    i = skipWhitespace(text, i);
    if (state === 'value') {
      if (i >= n) return fail(i, 'unexpected end of the file: a value is missing');
      if (stack.length <= maxDepth || wanted?.has(path)) values.set(path, i);
      const c = text.charCodeAt(i);
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        const array = c === 0x5b;
        stack.push({ array, path, index: 0, seen: array ? undefined : new Set() });
        i = skipWhitespace(text, i + 1);
        if (text.charCodeAt(i) === (array ? 0x5d : 0x7d)) {
          i++;
          stack.pop();
          state = 'after';
        } else if (array) {
          path = track() ? path + PATH_SEPARATOR + '0' : '';
          state = 'value';
        } else state = 'key';
        continue;
      }
      if (c === 0x22 /* " */) {
        const end = skipString(text, i);
        if (end < 0) return fail(-end, 'unterminated or invalid string');
        i = end;
      } else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail(i, `unexpected character ${describeChar(text, i)}: expected a value`);
        i = NUMBER.lastIndex;
      }
      state = 'after';
    } else if (state === 'key') {
      if (text.charCodeAt(i) !== 0x22) return fail(i, `unexpected ${describeChar(text, i)}: expected a key in double quotes`);
      const end = skipString(text, i);
      if (end < 0) return fail(-end, 'unterminated or invalid string');
      const raw = text.slice(i + 1, end - 1);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      const frame = stack[stack.length - 1]!;
      const keyPath = track() ? frame.path + PATH_SEPARATOR + key : '';
      if (frame.seen!.has(key)) duplicates.push({ offset: i, key, path: frame.path + PATH_SEPARATOR + key });
      else frame.seen!.add(key);
      if (stack.length <= maxDepth || wanted?.has(keyPath)) keys.set(keyPath, i);
      i = skipWhitespace(text, end);
      if (text.charCodeAt(i) !== 0x3a) return fail(i, `unexpected ${describeChar(text, i)}: expected ":" after the key`);
      i++;
      path = keyPath;
      state = 'value';
    } else {
      const frame = stack[stack.length - 1];
      if (!frame) {
        if (i < n) return fail(i, `unexpected ${describeChar(text, i)} after the end of the document`);
        return { duplicates, values, keys };
      }
      const c = text.charCodeAt(i);
      if (c === 0x2c /* , */) {
        i++;
        if (frame.array) {
          frame.index++;
          path = track() ? frame.path + PATH_SEPARATOR + frame.index : '';
          state = 'value';
        } else state = 'key';
      } else if (c === (frame.array ? 0x5d : 0x7d)) {
        i++;
        stack.pop();
      } else {
        return fail(i, `unexpected ${describeChar(text, i)}: expected "," or "${frame.array ? ']' : '}'}"`);
      }
    }
  }
}

function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** Returns the offset after the closing quote, or minus the offset of the problem. */
function skipString(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -start;
    // Control characters are not allowed inside JSON strings.
    for (let k = i; k < q; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x20) return -k;
      if (c === 0x5c) k++;
    }
    let backslashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'end of the file';
  return JSON.stringify(text[i]);
}
