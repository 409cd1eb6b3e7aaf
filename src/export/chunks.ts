/** About how large each yielded chunk is: big enough that writing costs little, small enough to stream. */
export const CHUNK_CHARS = 1 << 16;

/**
 * Joins the many small strings a format produces into chunks of about `CHUNK_CHARS`, so that the
 * writer makes few calls while memory holds one chunk, never the document.
 */
export function* chunked(parts: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  // V8 concatenates into a rope in constant time; the rope is flattened once, when written.
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer.length) yield buffer;
}
