/** Escapes text from the model for a Markdown table cell: no markup, links, HTML or line breaks. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Escapes text from the model for inline Markdown: it renders as the characters written. Besides
 * markup and HTML, it defuses what GitHub would turn into a link or a notification: `@name`
 * mentions, `#123` references and bare URLs (`www.` and `scheme://`).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/#(?=\d)/g, '&#35;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(/:\/\//g, '&#58;//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);
}
