import { inChunks } from '../util/text-chunks.js';

/**
 * The text of `JSON.stringify(doc, null, 2)` and a newline, in chunks, with one array of the
 * document (`items`, found in it by identity) written a batch of items at a time through `toJson`.
 * The findings of a large estate make a document longer than the longest string V8 can hold (2^29
 * characters); this way neither the document nor its items' JSON values are ever held whole.
 */
export function prettyJsonChunks<T>(doc: object, items: readonly T[], toJson: (item: T) => unknown): Generator<string> {
  const { head, indent, tail } = splitAround(doc, items);
  return inChunks(parts());

  function* parts(): Generator<string> {
    if (!items.length) {
      yield `${head}[]${tail}\n`;
      return;
    }
    yield `${head}[`;
    for (let from = 0; from < items.length; from += BATCH) {
      const batch = items.slice(from, from + BATCH).map(toJson);
      yield `${from ? ',' : ''}${itemsText(batch, indent.length / 2)}`;
    }
    yield `\n${indent}]${tail}\n`;
  }
}

/** Items stringified in one call: few enough to keep a chunk small, enough to make calls few. */
const BATCH = 64;

/**
 * The items of an array whose line is indented `depth` levels, as JSON.stringify(doc, null, 2)
 * writes them between the brackets: each on a new line, comma-separated. Stringified as the
 * innermost of `depth + 1` nested arrays, they are indented as in the document; one call for
 * many items is much faster than one per item with the indentation added after.
 */
function itemsText(batch: readonly unknown[], depth: number): string {
  let wrapped: unknown = batch;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each enclosing array opens a line before the items and closes one after them.
  let start = 0;
  for (let d = 0; d <= depth; d++) start = text.indexOf('\n', start) + 1;
  let end = text.length;
  for (let d = 0; d <= depth; d++) end = text.lastIndexOf('\n', end - 1);
  return text.slice(start - 1, end);
}

/** Bounds the search for a marker that occurs nowhere else in the document. */
const MARKER_TRIES = 64;

/**
 * The document's text before and after the array, and the indentation of the line the array
 * starts on. The array is replaced by a marker string that the document does not otherwise
 * contain, so that it is found in the text whatever the document's strings hold.
 */
function splitAround(doc: object, items: readonly unknown[]): { head: string; indent: string; tail: string } {
  for (let n = 0; n < MARKER_TRIES; n++) {
    const marker = `\u0000steward-items-${n}\u0000`;
    const text = JSON.stringify(doc, (_key, value: unknown) => (value === items ? marker : value), 2);
    const quoted = JSON.stringify(marker);
    const at = text.indexOf(quoted);
    if (at < 0) throw new Error('prettyJsonChunks: the array is not in the document');
    if (text.indexOf(quoted, at + quoted.length) >= 0) continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const indent = /^ */.exec(text.slice(lineStart, at))![0];
    return { head: text.slice(0, at), indent, tail: text.slice(at + quoted.length) };
  }
  throw new Error('prettyJsonChunks: the array occurs more than once in the document');
}
