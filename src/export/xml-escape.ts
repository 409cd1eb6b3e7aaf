import { wellFormed } from './text.js';

/**
 * Text for an XML 1.0 document, as element content or a double-quoted attribute value. Markup
 * characters become entities; characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone
 * surrogates) become U+FFFD, since no escape can carry them; carriage returns, and tabs and line
 * feeds in attributes, become character references so that the parser's normalisation keeps them.
 */
export function xmlText(value: string): string {
  return escape(value, false);
}

export function xmlAttribute(value: string): string {
  return escape(value, true);
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const MARKUP = /[&<>"'\r\n\t]/;

/** Text that XML holds as it is: no markup character, no character to replace or normalise. */
const XML_PLAIN = /^[^&<>"'\r\n\t\u0000-\u001f\ud800-\udfff\ufffe\uffff]*$/;

function escape(value: string, attribute: boolean): string {
  if (XML_PLAIN.test(value)) return value;
  const s = wellFormed(value).replace(FORBIDDEN, '\uFFFD');
  if (!MARKUP.test(s)) return s;
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      case '\r':
        out += '&#13;';
        break;
      case '\n':
        out += attribute ? '&#10;' : '\n';
        break;
      case '\t':
        out += attribute ? '&#9;' : '\t';
        break;
      default:
        out += ch;
    }
  }
  return out;
}
