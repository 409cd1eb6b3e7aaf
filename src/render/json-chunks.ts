import { inChunks } from '../util/text-chunks.js';

/**
 * The text of `JSON.stringify(doc, null, 2)` and a newline, in chunks, with one array of the
 * document (`items`, found in it by identity) written an item at a time through `toJson`. The
 * findings of a large estate make a document longer than the longest string V8 can hold (2^29
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
    // Pretty-printed alone, an item's nested lines lack only the indentation of its place.
    const itemIndent = `${indent}  `;
    const newline = `\n${itemIndent}`;
    for (let i = 0; i < items.length; i++) {
      const text = JSON.stringify(toJson(items[i]!), null, 2) ?? 'null';
      yield `${i ? ',' : ''}${newline}${text.replaceAll('\n', newline)}`;
    }
    yield `\n${indent}]${tail}\n`;
  }
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
