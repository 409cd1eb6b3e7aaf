/** Escapes text from the model for a Markdown table cell: no markup, links, HTML or line breaks. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Escapes text from the model for inline Markdown: it renders as the characters written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
