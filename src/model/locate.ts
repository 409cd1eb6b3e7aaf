import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { offsetOf, prefixKeys, scanJson } from './json-scan.js';

export interface Position {
  line: number;
  column: number;
}

/** Maps a path inside a parsed document to a line and column in its file. */
export interface Locator {
  /** Lets a locator batch the work for many paths before `locate` is called for them. */
  prepare(paths: readonly (readonly PropertyKey[])[]): void;
  /** The position of the value at `path` (or of its key, with `preferKey`), or of its nearest ancestor. */
  locate(path: readonly PropertyKey[], preferKey?: boolean): Position;
}

/** Offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: Uint32Array;
  /** From the text, or from line starts already found (ascending, starting with 0). */
  constructor(source: string | Uint32Array) {
    if (typeof source !== 'string') {
      this.starts = source;
      return;
    }
    let starts = new Uint32Array(1024);
    let count = 1;
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) {
      if (count === starts.length) {
        const grown = new Uint32Array(count * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = i + 1;
    }
    this.starts = starts.subarray(0, count);
  }
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  return {
    prepare() {},
    locate(path, preferKey = false) {
      let node: unknown = doc.contents;
      let best: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
      for (let i = 0; i < path.length; i++) {
        const seg = path[i];
        if (isMap(node)) {
          const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
          if (!pair) break;
          const keyNode = isScalar(pair.key) ? pair.key : null;
          if (i === path.length - 1 && preferKey && keyNode) {
            best = keyNode;
            break;
          }
          node = pair.value;
          best = (isScalar(node) || isMap(node) || isSeq(node) ? node : keyNode) ?? best;
        } else if (isSeq(node)) {
          const item = node.items[Number(seg)];
          if (item == null) break;
          node = item;
          if (isScalar(item) || isMap(item) || isSeq(item)) best = item;
        } else break;
      }
      const offset = best?.range?.[0];
      if (offset === undefined) return { line: 1, column: 1 };
      const pos = lines.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

/**
 * JSON positions come from the scan the loader already ran (values down to depth 2); deeper paths
 * are found by one more scan over the text for all the paths asked for at once.
 */
export function jsonLocator(text: string, scanned: ReturnType<typeof scanJson>, lines?: LineIndex): Locator {
  return offsetsLocator(text, scanned, (wanted) => scanJson(text, { depth: 2, wanted }), lines);
}

/** Offsets of values and keys by path key, as the JSON scan and the fast YAML reader record them. */
export type Offsets = Pick<ReturnType<typeof scanJson>, 'values' | 'keys' | 'items'>;

/**
 * A locator over recorded offsets, which asks `rescan` for the offsets of deeper paths when they
 * are needed, all at once.
 */
export function offsetsLocator(text: string, found: Offsets, rescan: (wanted: ReadonlySet<string>) => Offsets | undefined, lines?: LineIndex): Locator {
  let index = lines;
  const at = (offset: number): Position => (index ??= new LineIndex(text)).position(offset);
  return {
    prepare(paths) {
      const missing = paths.filter((p) => offsetOf(found, p) === undefined);
      if (missing.length === 0) return;
      const more = rescan(prefixKeys(missing));
      if (!more) return;
      for (const [k, v] of more.values) found.values.set(k, v);
      for (const [k, v] of more.keys) found.keys.set(k, v);
    },
    locate(path, preferKey = false) {
      for (let k = path.length; k >= 0; k--) {
        const offset = offsetOf(found, k === path.length ? path : path.slice(0, k), preferKey && k === path.length);
        if (offset !== undefined) return at(offset);
      }
      return { line: 1, column: 1 };
    },
  };
}
