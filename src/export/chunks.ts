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
