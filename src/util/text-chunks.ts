/** About how large each yielded chunk is: big enough that writing costs little, small enough to stream. */
export const CHUNK_CHARS = 1 << 16;

/**
 * Collects the parts of the output and joins them into one flat string per chunk, so that the
 * writer makes few calls while memory holds one chunk, never the document. Joining copies each
 * part once; appending with `+=` would build a tree of strings that writing must walk again.
 */
export class TextChunks {
  private parts: string[] = [];
  private chars = 0;

  constructor(private readonly size = CHUNK_CHARS) {}

  /** Whether the chunk has reached its size: time to `take` it. */
  get full(): boolean {
    return this.chars >= this.size;
  }

  add(part: string): void {
    this.parts.push(part);
    this.chars += part.length;
  }

  /** The chunk so far, as one string; the next starts empty. */
  take(): string {
    const chunk = this.parts.join('');
    this.parts.length = 0;
    this.chars = 0;
    return chunk;
  }
}

/** The parts grouped into chunks of about `size` characters, each joined into one flat string. */
export function* inChunks(parts: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  const out = new TextChunks(size);
  for (const part of parts) {
    out.add(part);
    if (out.full) yield out.take();
  }
  const last = out.take();
  if (last) yield last;
}

/** The whole text of some chunks: for outputs small enough to hold as one string. */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/** Lines, each ended by a newline, grouped into chunks. */
export function linesInChunks(lines: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  return inChunks(withNewlines(lines), size);
}

function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}
