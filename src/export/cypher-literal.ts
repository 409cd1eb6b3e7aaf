import type { PropValue, Props } from './properties.js';
import { wellFormed } from './text.js';

/**
 * Cypher literals for values from the model. Strings are single-quoted with every character that
 * could end or bend the literal escaped: backslash, quotes, line breaks, and every other control
 * character as \uXXXX. Map keys are bare names when they are plain identifiers, else backquoted.
 */
/** Strings that need no escape: no quote, backslash, control character, line separator or surrogate. */
const CYPHER_PLAIN = /^[^'"\\\u0000-\u001f\u007f\u2028\u2029\ud800-\udfff]*$/;

export function cypherString(value: string): string {
  if (CYPHER_PLAIN.test(value)) return `'${value}'`;
  let out = "'";
  const s = wellFormed(value);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function cypherKey(key: string): string {
  return IDENTIFIER.test(key) ? key : `\`${wellFormed(key).replace(/`/g, '``')}\``;
}

export function cypherValue(value: PropValue): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `[${(value as readonly (string | number | boolean)[]).map((v) => cypherValue(v)).join(', ')}]`;
}

export function cypherMap(props: Props): string {
  return `{${props.map(([k, v]) => `${cypherKey(k)}: ${cypherValue(v)}`).join(', ')}}`;
}
