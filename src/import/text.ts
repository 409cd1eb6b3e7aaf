/** Cuts text to at most `max` characters, marking the cut, so drafted fields stay within the schema's limits. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
