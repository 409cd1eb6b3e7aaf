/**
 * A single-pass JSON checker that finds what `JSON.parse` hides: where a syntax error is, and
 * duplicate keys (which `JSON.parse` silently resolves to the last value). It also records the
 * offset of every value down to `depth`, and of any path in `wanted`, so that diagnostics and
 * findings can name a line and column without parsing the file twice.
 * Iterative: nesting depth does not touch the call stack, and paths are only spelled out for
 * the values it records (a path string per level of a 100k-deep array would be quadratic).
 */

export const PATH_SEPARATOR = '\u0001';

export interface JsonScan {
  error?: { offset: number; message: string };
  duplicates: { offset: number; key: string; path: string }[];
  /** Path key (segments joined by PATH_SEPARATOR, '' for the root) → offset of the value. */
  values: Map<string, number>;
  /** Path key → offset of the key that introduces the value (object members only). */
  keys: Map<string, number>;
  /**
   * Path key of a list at the deepest recorded level's parent → offsets of its items (the
   * entities of a model), kept apart from `values` to save a path string per entity.
   */
  items: Map<string, number[]>;
}

/** Where recorded paths start, whichever of the three maps holds them. */
export function offsetOf(found: Pick<JsonScan, 'values' | 'keys' | 'items'>, path: readonly PropertyKey[], preferKey = false): number | undefined {
  const key = pathKey(path);
  if (preferKey) {
    const k = found.keys.get(key);
    if (k !== undefined) return k;
  }
  const v = found.values.get(key);
  if (v !== undefined || path.length === 0) return v;
  const last = path[path.length - 1];
  return typeof last === 'number' ? found.items.get(pathKey(path.slice(0, -1)))?.[last] : undefined;
}

export function pathKey(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += PATH_SEPARATOR + String(seg);
  return out;
}

/** Every prefix of every path, as path keys: what a scan must follow to reach those paths. */
export function prefixKeys(paths: Iterable<readonly PropertyKey[]>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    let key = '';
    for (const seg of p) {
      key += PATH_SEPARATOR + String(seg);
      out.add(key);
    }
  }
  return out;
}

/** One open object or array. Frames are reused level by level: a big file opens millions. */
class Frame {
  array = false;
  /** The frame's path key, or undefined when its path is not followed. */
  path: string | undefined = undefined;
  index = 0;
  /** Where the raw text of each key seen so far starts, and its length (objects only). */
  readonly keyStart: number[] = [];
  readonly keyLength: number[] = [];
  /** How many of keyStart and keyLength are this object's (the arrays are reused). */
  keys = 0;
  /** Offsets of the items of a list whose items are the deepest level recorded. */
  items: number[] | undefined = undefined;
  /** Decoded keys, once the object has a key with an escape or too many keys to compare. */
  seen: Set<string> | undefined = undefined;

  open(array: boolean, path: string | undefined): this {
    this.array = array;
    this.path = path;
    this.index = 0;
    this.keys = 0;
    this.seen = undefined;
    this.items = undefined;
    return this;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Past this many keys in one object, duplicate checks use a Set instead of a linear search. */
const LINEAR_KEYS = 32;

export function scanJson(text: string, options: { depth?: number; wanted?: ReadonlySet<string> } = {}): JsonScan {
  const maxDepth = options.depth ?? 2;
  const wanted = options.wanted;
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const items = new Map<string, number[]>();
  const duplicates: JsonScan['duplicates'] = [];
  const stack: Frame[] = [];
  const pool: Frame[] = [];
  const n = text.length;
  // `i` and `path` stay out of closures: V8 keeps captured variables in a heap context, and this
  // loop touches them for every character.
  let i = 0;
  /** The current value's path key, or undefined when not followed. */
  let path: string | undefined = '';
  const strings = new StringSkipper(text);
  const result = (error?: JsonScan['error']): JsonScan => ({ ...(error ? { error } : {}), duplicates, values, keys, items });
  const follow = (child: string, depth: number): string | undefined => (depth <= maxDepth || wanted?.has(child) ? child : undefined);

  type State = 'value' | 'key' | 'after';
  let state: State = 'value';
  for (;;) {
    i = skipWhitespace(text, i);
    if (state === 'value') {
      if (i >= n) return result({ offset: i, message: 'unexpected end of the file: a value is missing' });
      if (path !== undefined) values.set(path, i);
      else if (stack.length > 0) stack[stack.length - 1]!.items?.push(i);
      const c = text.charCodeAt(i);
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        const array = c === 0x5b;
        const frame = (pool[stack.length] ??= new Frame()).open(array, path);
        stack.push(frame);
        if (array && path !== undefined && wanted === undefined && stack.length === maxDepth) items.set(path, (frame.items = []));
        i = skipWhitespace(text, i + 1);
        if (text.charCodeAt(i) === (array ? 0x5d : 0x7d)) {
          i++;
          stack.pop();
          state = 'after';
        } else if (array) {
          path = path === undefined || frame.items ? undefined : follow(path + PATH_SEPARATOR + '0', stack.length);
          state = 'value';
        } else state = 'key';
        continue;
      }
      if (c === 0x22 /* " */) {
        const end = strings.skip(i);
        if (end < 0) return result({ offset: -end, message: stringProblem(text, -end) });
        i = end;
      } else if (c === 0x74 /* t */ && text.startsWith('true', i)) i += 4;
      else if (c === 0x66 /* f */ && text.startsWith('false', i)) i += 5;
      else if (c === 0x6e /* n */ && text.startsWith('null', i)) i += 4;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return result({ offset: i, message: `unexpected character ${describeChar(text, i)}: expected a value` });
        i = NUMBER.lastIndex;
      }
      state = 'after';
    } else if (state === 'key') {
      if (text.charCodeAt(i) !== 0x22) return result({ offset: i, message: `unexpected ${describeChar(text, i)}: expected a key in double quotes` });
      const end = strings.skip(i);
      if (end < 0) return result({ offset: -end, message: stringProblem(text, -end) });
      const frame = stack[stack.length - 1]!;
      if (isDuplicate(text, frame, i + 1, end - 1, strings.clean)) {
        const key = keyText(text, i + 1, end - 1);
        duplicates.push({ offset: i, key, path: (frame.path ?? '') + PATH_SEPARATOR + key });
      }
      const keyPath = frame.path === undefined ? undefined : follow(frame.path + PATH_SEPARATOR + keyText(text, i + 1, end - 1), stack.length);
      if (keyPath !== undefined) keys.set(keyPath, i);
      i = skipWhitespace(text, end);
      if (text.charCodeAt(i) !== 0x3a) return result({ offset: i, message: `unexpected ${describeChar(text, i)}: expected ":" after the key` });
      i++;
      path = keyPath;
      state = 'value';
    } else {
      const frame = stack[stack.length - 1];
      if (!frame) {
        if (i < n) return result({ offset: i, message: `unexpected ${describeChar(text, i)} after the end of the document` });
        return result();
      }
      const c = text.charCodeAt(i);
      if (c === 0x2c /* , */) {
        i++;
        if (frame.array) {
          frame.index++;
          path = frame.path === undefined || frame.items ? undefined : follow(frame.path + PATH_SEPARATOR + frame.index, stack.length);
          state = 'value';
        } else state = 'key';
      } else if (c === (frame.array ? 0x5d : 0x7d)) {
        i++;
        stack.pop();
      } else {
        return result({ offset: i, message: `unexpected ${describeChar(text, i)}: expected "," or "${frame.array ? ']' : '}'}"` });
      }
    }
  }
}

const WHITESPACE = /[ \n\r\t]*/y;

function skipWhitespace(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x20) {
    // One space (after ":" or ","), or the start of a run.
    const d = text.charCodeAt(i + 1);
    if (d !== 0x20 && d !== 0x0a && d !== 0x0d && d !== 0x09) return i + 1;
  } else if (c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
  // A line break and the next line's indentation: a native scan is faster than a loop here.
  WHITESPACE.lastIndex = i;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

/** The key whose raw text is text[start, end), with its escapes decoded. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/**
 * Whether the object already has the key text[start, end), remembering it if not. Small objects
 * compare the raw text in place, without making a string per key; an object with an escaped key
 * (two spellings of one key) or with many keys switches to a set of decoded keys.
 */
function isDuplicate(text: string, frame: Frame, start: number, end: number, clean: boolean): boolean {
  const length = end - start;
  if (frame.seen === undefined && (frame.keys >= LINEAR_KEYS || !clean)) {
    frame.seen = new Set();
    for (let k = 0; k < frame.keys; k++) frame.seen.add(text.slice(frame.keyStart[k], frame.keyStart[k]! + frame.keyLength[k]!));
  }
  if (frame.seen !== undefined) {
    const key = keyText(text, start, end);
    if (frame.seen.has(key)) return true;
    frame.seen.add(key);
    return false;
  }
  const starts = frame.keyStart;
  const lengths = frame.keyLength;
  const count = frame.keys;
  for (let k = 0; k < count; k++) {
    if (lengths[k] !== length) continue;
    const other = starts[k]!;
    let same = true;
    for (let c = 0; c < length; c++) {
      if (text.charCodeAt(start + c) !== text.charCodeAt(other + c)) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  starts[count] = start;
  lengths[count] = length;
  frame.keys = count + 1;
  return false;
}

/**
 * Finds where strings end. Most strings hold no escape, so it looks for the closing quote with a
 * native search and checks it against the next backslash in the text (found by a search that only
 * moves forward, so linear over the whole scan); only a string with an escape is walked char by
 * char. Control characters inside strings are left to JSON.parse, which reports their offset.
 */
class StringSkipper {
  /** Offset of the next backslash at or after the last string's start; text.length if none. */
  private backslash = -1;
  /** Whether the last string skipped held no escape. */
  clean = true;
  constructor(private readonly text: string) {}

  /** The offset after the closing quote, or minus the offset of the problem. */
  skip(start: number): number {
    const text = this.text;
    const from = start + 1;
    const q = text.indexOf('"', from);
    this.clean = false;
    if (q === -1) return -start;
    if (this.backslash < from) {
      const b = text.indexOf('\\', from);
      this.backslash = b === -1 ? text.length : b;
    }
    if (q < this.backslash) {
      this.clean = true;
      return q + 1;
    }
    return slowSkipString(text, start);
  }
}

/**
 * Returns the offset after the closing quote, or minus the offset of the problem: a control
 * character, a bad escape, or the end of the text.
 */
function slowSkipString(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  for (;;) {
    if (i >= n) return -start;
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i;
    if (c === 0x5c) {
      const e = text.charCodeAt(i + 1);
      if (e === 0x75 /* u */) {
        for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return -i;
        i += 6;
        continue;
      }
      // " \ / b f n r t
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
      return -i;
    }
    i++;
  }
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function stringProblem(text: string, at: number): string {
  const c = text.charCodeAt(at);
  if (c === 0x22) return 'unterminated string: the closing quote is missing';
  if (c === 0x5c) return `invalid escape ${JSON.stringify(text.slice(at, at + 2))} in a string`;
  if (c === 0x0a || c === 0x0d) return 'unterminated string: a line break inside a string must be written \\n';
  return 'invalid control character in a string (write it as an escape such as \\t or \\u0000)';
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'end of the file';
  return JSON.stringify(text[i]);
}
