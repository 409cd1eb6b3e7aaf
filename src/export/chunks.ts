/** About how large each yielded chunk is: big enough that writing costs little, small enough to stream. */
export const CHUNK_CHARS = 1 << 16;

/**
 * Joins the many small strings a format produces into chunks of about `CHUNK_CHARS`, so that the
 * writer makes few calls while memory holds one chunk, never the document.
 */
export function* chunked(parts: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const part of parts) {
    buffer.push(part);
    length += part.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length) yield buffer.join('');
}

/** The whole document as one string: for tests and small models. */
export function collect(chunks: Iterable<string>): string {
  let out = '';
  for (const c of chunks) out += c;
  return out;
}
