import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { pathKey, scanJson } from './json-scan.js';

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
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
export function jsonLocator(text: string, scanned: ReturnType<typeof scanJson>): Locator {
  let values = scanned.values;
  let keys = scanned.keys;
  let index: LineIndex | undefined;
  const at = (offset: number): Position => (index ??= new LineIndex(text)).position(offset);
  return {
    prepare(paths) {
      const wanted = new Set<string>();
      for (const p of paths) {
        for (let k = 1; k <= p.length; k++) {
          const key = pathKey(p.slice(0, k));
          if (!values.has(key)) wanted.add(key);
        }
      }
      if (wanted.size === 0) return;
      const rescan = scanJson(text, { depth: 2, wanted });
      values = new Map([...values, ...rescan.values]);
      keys = new Map([...keys, ...rescan.keys]);
    },
    locate(path, preferKey = false) {
      for (let k = path.length; k >= 0; k--) {
        const key = pathKey(path.slice(0, k));
        const offset = preferKey && k === path.length ? (keys.get(key) ?? values.get(key)) : values.get(key);
        if (offset !== undefined) return at(offset);
      }
      return { line: 1, column: 1 };
    },
  };
}
