/**
 * Text from the model inside a Mermaid diagram. Everything outside a small set of plain ASCII
 * characters is written as a Mermaid numeric entity (`#60;`), which Mermaid turns into an HTML
 * character reference in the SVG: the text renders as written and can never close a label, start a
 * statement, a comment (`%%`), a directive, a Markdown string (a backtick) or carry markup.
 * Mermaid also rewrites any line matching `style…:…#…;`; with `:` encoded, no label line can.
 */
const PLAIN = /^[A-Za-z0-9 ,._\-/()+=@!?']$/;

/** Display labels are cut to this many characters (ids never are: they are the identity). */
export const MAX_LABEL_CHARS = 48;

export function mermaidText(text: string): string {
  // Mermaid marks entities with "ﬂ°" and "¶ß" and turns those pairs back into "&" and ";" in the
  // finished SVG, so a name holding them would come out altered: a word joiner keeps them apart.
  const kept = text.replace(/\uFB02(?=\u00B0)/g, '\uFB02\u2060').replace(/\u00B6(?=\u00DF)/g, '\u00B6\u2060');
  let out = '';
  for (const ch of kept) out += PLAIN.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** One line of a label: control characters, line breaks and bidi overrides become spaces; long text is cut. */
export function labelLine(text: string, max = MAX_LABEL_CHARS): string {
  // Bidirectional overrides go too: in a one-line label they only disguise text ("exe.png").
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
