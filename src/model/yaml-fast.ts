import { PATH_SEPARATOR } from './json-scan.js';

/**
 * A fast reader for the plain YAML that models are written in: block mappings and sequences,
 * flow collections (also over several lines), plain, quoted and block (| and >) scalars, comments.
 * It gives the same data as the yaml package with the core schema, about thirty times faster, and
 * records where values start so that diagnostics keep their line and column.
 *
 * It only ever succeeds: anything outside that subset or anything wrong (anchors and aliases,
 * tags, directives, several documents, tabs, multi-line plain scalars, duplicate or non-string
 * keys, bad indentation, nesting deeper than MAX_DEPTH, a syntax error) makes it return
 * undefined, and the caller parses the file with the yaml package, which reports errors with its
 * own positions and guards against alias bombs. The fast path therefore needs no error messages
 * and cannot accept what the full parser would refuse.
 */
export interface FastYaml {
  data: Record<string, unknown>;
  /** Path key (as json-scan's pathKey) → offset where the value starts. */
  values: Map<string, number>;
  /** Path key → offset of the key that introduces the value. */
  keys: Map<string, number>;
  /** Path key of a list whose items are the deepest level recorded → offsets of the items. */
  items: Map<string, number[]>;
}

/** Deeper documents go to the yaml package (a model is about six levels deep). */
export const MAX_DEPTH = 64;

/** Thrown inside the reader to give up; never escapes it. */
const UNSUPPORTED = Object.freeze({ unsupported: true });
const fail = (): never => {
  throw UNSUPPORTED;
};

export function parseYamlFast(text: string, options: { depth?: number; wanted?: ReadonlySet<string> } = {}): FastYaml | undefined {
  const read = readYamlFast(text, options);
  return 'data' in read ? read : undefined;
}

/** Like parseYamlFast, but when it gives up, says where: the start of the line it stopped on. */
export function readYamlFast(text: string, options: { depth?: number; wanted?: ReadonlySet<string> } = {}): FastYaml | { stoppedAt: number } {
  const tab = text.indexOf('\t');
  if (tab !== -1) return { stoppedAt: tab };
  if (text.charCodeAt(0) === 0xfeff) return { stoppedAt: 0 };
  let reader: Reader | undefined;
  try {
    reader = new Reader(text, options.depth ?? 2, options.wanted);
    return reader.document();
  } catch {
    // Unsupported, invalid, or a stack overflow: the full parser will say what it is.
    return { stoppedAt: reader?.position() ?? 0 };
  }
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

const table = (chars: string) => {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return { has: (code: number) => code < 128 && t[code] === 1 };
};
/** Characters that may not start a plain scalar (or that start something this reader leaves alone). */
const INDICATOR = table('-?:,[]{}#&*!|>\'"%@`');
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = table(',[]{}');

class Reader {
  private readonly values = new Map<string, number>();
  private readonly items = new Map<string, number[]>();
  private readonly keyCache: string[][] = [];
  private readonly keys = new Map<string, number>();
  /** Start and end (before the line break) of each line. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly count: number;
  /** The current line. */
  private ln = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly wanted: ReadonlySet<string> | undefined,
  ) {
    let count = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    count++;
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
    let start = 0;
    for (let k = 0; k < count; k++) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const next = end + 1;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      this.starts[k] = start;
      this.ends[k] = end;
      start = next;
    }
    this.count = count;
    if (text.indexOf('\r') !== -1) {
      // CRLF line ends are fine; a carriage return anywhere else is left to the full parser.
      for (let k = 0; k < count; k++) {
        const cr = text.indexOf('\r', this.starts[k]);
        if (cr !== -1 && cr < this.ends[k]!) fail();
      }
    }
  }

  /** Where the reader is: the first character of the current line. */
  position(): number {
    const ln = Math.min(this.ln, this.count - 1);
    let p = this.starts[ln]!;
    while (p < this.ends[ln]! && this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  document(): FastYaml {
    let indent = this.nextContent();
    if (indent === 0 && this.startsWith(this.starts[this.ln]!, '---')) {
      const p = this.starts[this.ln]! + 3;
      if (p < this.ends[this.ln]! && this.text.charCodeAt(p) !== SPACE) fail();
      this.expectLineEnd(p);
      this.ln++;
      indent = this.nextContent();
    }
    if (indent !== 0) fail();
    const first = this.starts[this.ln]!;
    const c = this.text.charCodeAt(first);
    if (c === 0x25 /* % */ || this.isSequenceEntry(first)) fail();
    const data = this.mapping(0, first, 0, '');
    if (this.nextContent() !== -1) fail();
    this.values.set('', first);
    return { data, values: this.values, keys: this.keys, items: this.items };
  }

  /** Skips blank and comment lines; the indent of the current line, or -1 at the end. */
  private nextContent(): number {
    const text = this.text;
    while (this.ln < this.count) {
      const start = this.starts[this.ln]!;
      const end = this.ends[this.ln]!;
      let p = start;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      if (p < end && text.charCodeAt(p) !== HASH) {
        if (p === start && (this.startsWith(p, '...') || (this.ln > 0 && this.startsWith(p, '---')))) fail();
        return p - start;
      }
      this.ln++;
    }
    return -1;
  }

  private startsWith(p: number, s: string): boolean {
    return this.text.startsWith(s, p) && (p + s.length === this.ends[this.ln]! || this.text.charCodeAt(p + s.length) === SPACE);
  }

  private isSequenceEntry(p: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === this.ends[this.ln]! || this.text.charCodeAt(p + 1) === SPACE);
  }

  /** The rest of the line from `p` must be spaces and perhaps a comment. */
  private expectLineEnd(p: number): void {
    const end = this.ends[this.ln]!;
    while (p < end && this.text.charCodeAt(p) === SPACE) p++;
    if (p < end && (this.text.charCodeAt(p) !== HASH || this.text.charCodeAt(p - 1) !== SPACE)) fail();
  }

  /**
   * Offsets for the items of a list at `path` whose items sit at `depth`, when they are the
   * deepest level recorded: kept in an array rather than under a path string each.
   */
  private itemOffsets(path: string | undefined, depth: number): number[] | undefined {
    if (path === undefined || this.wanted !== undefined || depth !== this.maxDepth) return undefined;
    const list: number[] = [];
    this.items.set(path, list);
    return list;
  }

  private follow(parent: string | undefined, segment: string | number, depth: number): string | undefined {
    if (parent === undefined) return undefined;
    const child = parent + PATH_SEPARATOR + String(segment);
    return depth <= this.maxDepth || this.wanted?.has(child) ? child : undefined;
  }

  /**
   * A block mapping whose keys sit at column `indent`; its first key starts at `first` on the
   * current line (which may follow a "- ").
   */
  private mapping(indent: number, first: number, depth: number, path: string | undefined): Record<string, unknown> {
    if (depth >= MAX_DEPTH) fail();
    const text = this.text;
    const out: Record<string, unknown> = {};
    const seen = new KeySet();
    let p = first;
    for (;;) {
      const end = this.ends[this.ln]!;
      // The key.
      let key: string;
      let afterKey: number;
      const c = text.charCodeAt(p);
      if (c === DQUOTE || c === SQUOTE) {
        const q = c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p);
        key = q.value;
        afterKey = q.end;
        while (afterKey < end && text.charCodeAt(afterKey) === SPACE) afterKey++;
        if (text.charCodeAt(afterKey) !== COLON) fail();
      } else {
        if (INDICATOR.has(c)) fail();
        afterKey = this.keyColon(p, end);
        let k = afterKey;
        while (text.charCodeAt(k - 1) === SPACE) k--;
        key = this.plainKey(p, k, depth, seen.size);
      }
      if (key === '__proto__' || !seen.add(key)) fail();
      const colon = afterKey;
      if (colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE) fail();
      const keyPath = this.follow(path, key, depth + 1);
      if (keyPath !== undefined) this.keys.set(keyPath, p);
      out[key] = this.valueAfterIndicator(colon + 1, indent, depth + 1, keyPath, false);
      // The next key, at the same indent.
      const next = this.nextContent();
      if (next === -1 || next < indent) return out;
      if (next > indent) fail();
      p = this.starts[this.ln]! + next;
      if (this.isSequenceEntry(p)) fail();
    }
  }

  /**
   * The plain key text[p, end), the `nth` key of a mapping at `depth`. Mappings side by side tend
   * to repeat their keys in the same order (every agent has an id, a purpose, ...), so the key
   * read at the same place last time is reused when the text matches: no new string, and one
   * that property stores have already seen.
   */
  private plainKey(p: number, end: number, depth: number, nth: number): string {
    const cache = (this.keyCache[depth] ??= []);
    const last = cache[nth];
    if (last !== undefined && last.length === end - p && this.text.startsWith(last, p)) return last;
    const key = this.text.slice(p, end);
    if (typeof resolvePlain(key) !== 'string') fail();
    cache[nth] = key;
    return key;
  }

  /** The offset of the ":" that ends a plain key starting at `p`. */
  private keyColon(p: number, end: number): number {
    const text = this.text;
    for (let k = p; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === COLON && (k + 1 === end || text.charCodeAt(k + 1) === SPACE)) return k;
      if (c === HASH && text.charCodeAt(k - 1) === SPACE) fail();
    }
    return fail();
  }

  /**
   * The value that follows a ":" or "- " at offset `p` on the current line, for a node whose
   * own entries sit at column `indent`. Leaves the current line after the value.
   */
  private valueAfterIndicator(p: number, indent: number, depth: number, path: string | undefined, inSequence: boolean): unknown {
    const text = this.text;
    const end = this.ends[this.ln]!;
    while (p < end && text.charCodeAt(p) === SPACE) p++;
    if (p === end || text.charCodeAt(p) === HASH) {
      // The value is on the next lines: a nested block, a sequence at the same indent, or nothing.
      this.ln++;
      const next = this.nextContent();
      if (next !== -1) {
        const at = this.starts[this.ln]! + next;
        if (next > indent) return this.block(next, at, depth, path);
        if (next === indent && !inSequence && this.isSequenceEntry(at)) return this.sequence(indent, depth, path);
      }
      if (path !== undefined) this.values.set(path, p);
      return null;
    }
    if (path !== undefined) this.values.set(path, p);
    const c = text.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE) {
      const flow = this.flow(p, indent, depth, path);
      this.expectLineEnd(flow.end);
      this.ln++;
      return flow.value;
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return this.blockScalar(p, indent);
    let value: unknown;
    let after: number;
    if (c === DQUOTE || c === SQUOTE) {
      const q = c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p);
      value = q.value;
      after = q.end;
    } else {
      if (INDICATOR.has(c) && !plainStartOk(text, p, end)) fail();
      after = end;
      for (let k = p; k < end; k++) {
        const ch = text.charCodeAt(k);
        if (ch === HASH && text.charCodeAt(k - 1) === SPACE) {
          after = k;
          break;
        }
        // "a: b: c" is an error, "- a: b" a mapping the caller handles: neither is a scalar here.
        if (ch === COLON && (k + 1 === end || text.charCodeAt(k + 1) === SPACE)) fail();
      }
      let stop = after;
      while (text.charCodeAt(stop - 1) === SPACE) stop--;
      value = resolvePlain(text.slice(p, stop));
    }
    this.expectLineEnd(after);
    this.ln++;
    // A more indented line right after a scalar would continue it (or be an error).
    const next = this.nextContent();
    if (next > indent) fail();
    return value;
  }

  /** A block node whose first line (the current one) starts at `at`, column `indent`. */
  private block(indent: number, at: number, depth: number, path: string | undefined): unknown {
    if (path !== undefined) this.values.set(path, at);
    if (this.isSequenceEntry(at)) return this.sequence(indent, depth, path);
    return this.mapping(indent, at, depth, path);
  }

  /**
   * A block sequence whose "- " entries sit at column `indent`, starting on the current line (at
   * `first` when its first entry follows another "- " on that line).
   */
  private sequence(indent: number, depth: number, path: string | undefined, first?: number): unknown[] {
    if (depth >= MAX_DEPTH) fail();
    const text = this.text;
    const out: unknown[] = [];
    if (path !== undefined && !this.values.has(path)) this.values.set(path, first ?? this.starts[this.ln]! + indent);
    const offsets = this.itemOffsets(path, depth + 1);
    for (;;) {
      let dash: number;
      if (first !== undefined && out.length === 0) dash = first;
      else {
        const next = this.nextContent();
        if (next === -1 || next < indent) return out;
        if (next > indent) fail();
        dash = this.starts[this.ln]! + next;
        if (!this.isSequenceEntry(dash)) return out;
      }
      const itemPath = offsets ? undefined : this.follow(path, out.length, depth + 1);
      const end = this.ends[this.ln]!;
      let p = dash + 1;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      if (offsets) offsets.push(p < end && text.charCodeAt(p) !== HASH ? p : this.nextLineStart(indent, p));
      if (p < end && text.charCodeAt(p) !== HASH && this.isMappingEntry(p, end)) {
        // "- key: value": a mapping whose keys line up with this first key.
        if (itemPath !== undefined) this.values.set(itemPath, p);
        out.push(this.mapping(p - this.starts[this.ln]!, p, depth + 1, itemPath));
      } else if (p < end && this.isSequenceEntry(p)) {
        // "- - x": a sequence whose entries line up with this inner dash.
        if (itemPath !== undefined) this.values.set(itemPath, p);
        out.push(this.sequence(p - this.starts[this.ln]!, depth + 1, itemPath, p));
      } else {
        out.push(this.valueAfterIndicator(dash + 1, indent, depth + 1, itemPath, true));
      }
    }
  }

  /** Where a value written on the lines after `p` starts (the first more indented line), else `p`. */
  private nextLineStart(indent: number, p: number): number {
    const save = this.ln;
    this.ln++;
    const next = this.nextContent();
    const at = next > indent ? this.starts[this.ln]! + next : p;
    this.ln = save;
    return at;
  }

  /** Whether a block mapping entry starts at `p` (a key followed by ": " or a final ":"). */
  private isMappingEntry(p: number, end: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE || c === 0x7c || c === 0x3e) return false;
    if (c === DQUOTE || c === SQUOTE) {
      let q = (c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p)).end;
      while (q < end && text.charCodeAt(q) === SPACE) q++;
      return text.charCodeAt(q) === COLON;
    }
    for (let k = p; k < end; k++) {
      const ch = text.charCodeAt(k);
      if (ch === COLON && (k + 1 === end || text.charCodeAt(k + 1) === SPACE)) return true;
      if (ch === HASH && text.charCodeAt(k - 1) === SPACE) return false;
    }
    return false;
  }

  /** A literal (|) or folded (>) block scalar whose header is at `p`; its parent sits at `indent`. */
  private blockScalar(p: number, indent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(p) === 0x3e;
    let h = p + 1;
    let chomp: 'clip' | 'strip' = 'clip';
    if (text.charCodeAt(h) === DASH) {
      chomp = 'strip';
      h++;
    }
    // Keep chomping (+) and explicit indentation indicators go to the full parser.
    const hc = text.charCodeAt(h);
    if (h < this.ends[this.ln]! && hc !== SPACE) fail();
    this.expectLineEnd(h);
    this.ln++;
    const lines: string[] = [];
    let contentIndent = -1;
    let pendingEmpty = 0;
    while (this.ln < this.count) {
      const start = this.starts[this.ln]!;
      const end = this.ends[this.ln]!;
      let q = start;
      while (q < end && text.charCodeAt(q) === SPACE) q++;
      if (q === end) {
        // An empty line: part of the scalar if more content follows. One with more spaces than
        // the content's indentation would keep the extra spaces: left to the full parser.
        if (contentIndent !== -1 && q - start > contentIndent) fail();
        pendingEmpty++;
        this.ln++;
        continue;
      }
      const lineIndent = q - start;
      if (contentIndent === -1) {
        if (lineIndent <= indent) break;
        if (pendingEmpty > 0) fail();
        contentIndent = lineIndent;
      } else if (lineIndent < contentIndent) break;
      // More-indented lines change how folding works: leave them to the full parser.
      if (lineIndent > contentIndent && (folded || lines.length === 0)) fail();
      for (let e = 0; e < pendingEmpty; e++) lines.push('');
      pendingEmpty = 0;
      lines.push(text.slice(start + contentIndent, end));
      this.ln++;
    }
    if (lines.length === 0) fail();
    // Trailing empty lines are not kept by clip or strip; the lines after them stay unread.
    this.ln -= pendingEmpty;
    let value: string;
    if (!folded) value = lines.join('\n');
    else {
      value = '';
      let emptyRun = 0;
      for (let k = 0; k < lines.length; k++) {
        const line = lines[k]!;
        if (line === '') {
          emptyRun++;
          continue;
        }
        if (k > 0) value += emptyRun > 0 ? '\n'.repeat(emptyRun) : ' ';
        emptyRun = 0;
        value += line;
      }
    }
    return chomp === 'clip' ? `${value}\n` : value;
  }

  /** A flow collection at `p`, which may run over several lines, each indented past `indent`. */
  private flow(p: number, indent: number, depth: number, path: string | undefined): { value: unknown; end: number } {
    if (depth >= MAX_DEPTH) fail();
    const text = this.text;
    const close = text.charCodeAt(p) === LBRACKET ? RBRACKET : RBRACE;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    const offsets = close === RBRACKET ? this.itemOffsets(path, depth + 1) : undefined;
    const seen = new KeySet();
    p = this.flowSpace(p + 1, indent);
    for (;;) {
      if (text.charCodeAt(p) === close) return { value: close === RBRACKET ? list : map, end: p + 1 };
      if (close === RBRACKET) {
        const itemPath = offsets ? undefined : this.follow(path, list.length, depth + 1);
        if (itemPath !== undefined) this.values.set(itemPath, p);
        else offsets?.push(p);
        const item = this.flowNode(p, indent, depth + 1, itemPath);
        p = this.flowSpace(item.end, indent);
        if (text.charCodeAt(p) === COLON) fail();
        list.push(item.value);
      } else {
        const c = text.charCodeAt(p);
        const keyAt = p;
        let key: string;
        if (c === DQUOTE || c === SQUOTE) {
          const q = c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p);
          key = q.value;
          p = q.end;
        } else {
          const k = this.flowPlain(p);
          key = this.plainKey(p, k.stop, depth, seen.size);
          p = k.end;
        }
        if (key === '__proto__' || !seen.add(key)) fail();
        p = this.flowSpace(p, indent);
        if (text.charCodeAt(p) !== COLON) fail();
        const after = text.charCodeAt(p + 1);
        if (!(after === SPACE || p + 1 === this.ends[this.ln]!)) fail();
        p = this.flowSpace(p + 1, indent);
        const next = text.charCodeAt(p);
        if (next === COMMA || next === RBRACE) fail();
        const valuePath = this.follow(path, key, depth + 1);
        if (valuePath !== undefined) {
          this.keys.set(valuePath, keyAt);
          this.values.set(valuePath, p);
        }
        const item = this.flowNode(p, indent, depth + 1, valuePath);
        map[key] = item.value;
        p = this.flowSpace(item.end, indent);
      }
      const sep = text.charCodeAt(p);
      if (sep === COMMA) {
        p = this.flowSpace(p + 1, indent);
        if (text.charCodeAt(p) === COMMA) fail();
      } else if (sep !== close) fail();
    }
  }

  private flowNode(p: number, indent: number, depth: number, path: string | undefined): { value: unknown; end: number } {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === LBRACKET || c === LBRACE) return this.flow(p, indent, depth, path);
    if (c === DQUOTE || c === SQUOTE) {
      const q = c === DQUOTE ? this.doubleQuoted(p) : this.singleQuoted(p);
      return { value: q.value, end: q.end };
    }
    const s = this.flowPlain(p);
    return { value: resolvePlain(text.slice(p, s.stop)), end: s.end };
  }

  /** A plain scalar inside a flow collection: `stop` is where its text ends, `end` where to go on. */
  private flowPlain(p: number): { stop: number; end: number } {
    const text = this.text;
    const end = this.ends[this.ln]!;
    const c = text.charCodeAt(p);
    if (p >= end || (INDICATOR.has(c) && !plainStartOk(text, p, end))) fail();
    let k = p;
    for (; k < end; k++) {
      const ch = text.charCodeAt(k);
      if (FLOW_END.has(ch)) break;
      if (ch === COLON) {
        const n = text.charCodeAt(k + 1);
        if (k + 1 === end || n === SPACE || FLOW_END.has(n)) break;
      }
      if (ch === HASH && text.charCodeAt(k - 1) === SPACE) break;
    }
    let stop = k;
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    if (stop === p) fail();
    // A plain scalar that reaches the end of the line might continue on the next: not supported.
    if (k === end || text.charCodeAt(k) === HASH) {
      const save = this.ln;
      const q = this.flowSpace(k, -1);
      const n = text.charCodeAt(q);
      if (!(n === COMMA || n === RBRACKET || n === RBRACE || n === COLON)) fail();
      this.ln = save;
    }
    return { stop, end: k };
  }

  /**
   * Skips spaces, comments and line breaks inside a flow collection; continuation lines must be
   * indented past the block that holds the collection.
   */
  private flowSpace(p: number, indent: number): number {
    const text = this.text;
    for (;;) {
      const end = this.ends[this.ln]!;
      while (p < end && text.charCodeAt(p) === SPACE) p++;
      if (p < end && !(text.charCodeAt(p) === HASH && (p === this.starts[this.ln] || text.charCodeAt(p - 1) === SPACE))) return p;
      this.ln++;
      if (this.ln >= this.count) fail();
      const start = this.starts[this.ln]!;
      p = start;
      while (p < this.ends[this.ln]! && text.charCodeAt(p) === SPACE) p++;
      if (p < this.ends[this.ln]! && p - start <= indent) fail();
    }
  }

  private doubleQuoted(p: number): { value: string; end: number } {
    const text = this.text;
    const end = this.ends[this.ln]!;
    let out = '';
    let chunk = p + 1;
    for (let k = p + 1; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === DQUOTE) return { value: out + text.slice(chunk, k), end: k + 1 };
      if (c !== 0x5c) continue;
      out += text.slice(chunk, k);
      const e = text[k + 1];
      const simple = e === undefined ? undefined : ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        k++;
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(k + 2, k + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) fail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) fail();
        out += String.fromCodePoint(code);
        k += 1 + digits;
      } else fail();
      chunk = k + 1;
    }
    // A double-quoted string that goes on to the next line folds its line breaks: not supported.
    return fail();
  }

  private singleQuoted(p: number): { value: string; end: number } {
    const text = this.text;
    const end = this.ends[this.ln]!;
    let out = '';
    let chunk = p + 1;
    for (let k = p + 1; k < end; k++) {
      if (text.charCodeAt(k) !== SQUOTE) continue;
      if (text.charCodeAt(k + 1) === SQUOTE && k + 1 < end) {
        out += text.slice(chunk, k + 1);
        k++;
        chunk = k + 1;
        continue;
      }
      return { value: out + text.slice(chunk, k), end: k + 1 };
    }
    return fail();
  }
}

/** The keys of one mapping, for duplicates: a list while short, a set once long. */
class KeySet {
  private list: string[] = [];
  private set: Set<string> | undefined;
  get size(): number {
    return this.set ? this.set.size : this.list.length;
  }
  /** Adds `key`; false if it was there. */
  add(key: string): boolean {
    if (this.set) {
      if (this.set.has(key)) return false;
      this.set.add(key);
      return true;
    }
    const list = this.list;
    for (let i = 0; i < list.length; i++) if (list[i] === key) return false;
    list.push(key);
    if (list.length > 32) this.set = new Set(list);
    return true;
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** "-", "?" and ":" may start a plain scalar when a non-space follows ("-5", "-foo"). */
function plainStartOk(text: string, p: number, end: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== DASH && c !== 0x3f && c !== COLON) return false;
  return p + 1 < end && text.charCodeAt(p + 1) !== SPACE;
}

/** A plain scalar's value under the YAML 1.2 core schema (the yaml package's default). */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Most scalars start with a letter other than the few that can begin null, a boolean or .inf.
  if (s.length === 0 || s === '~') return null;
  if (c === 0x6e || c === 0x4e /* n N */) return s === 'null' || s === 'Null' || s === 'NULL' ? null : s;
  if (c === 0x74 || c === 0x54 /* t T */) return s === 'true' || s === 'True' || s === 'TRUE' ? true : s;
  if (c === 0x66 || c === 0x46 /* f F */) return s === 'false' || s === 'False' || s === 'FALSE' ? false : s;
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return s;
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.charCodeAt(0) === 0x2d ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  return s;
}
