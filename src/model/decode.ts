import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from './diagnostics.js';

/** Decodes a model file's bytes as UTF-8, refusing binary content and invalid sequences. */
export function decodeText(file: string, bytes: Uint8Array): { text: string } | { error: Diagnostic } {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { error: wholeFile(file, 'binary-file', 'this is a binary file, not a YAML or JSON model', 'pass the .yaml, .yml or .json model files') };
  }
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const { line, column } = bytePosition(bytes, bad);
    return {
      error: {
        file,
        line,
        column,
        path: '',
        code: 'invalid-utf8',
        message: `invalid UTF-8 at byte ${bad}`,
        hint: 'save the file as UTF-8',
      },
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function wholeFile(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { file, line: 0, column: 0, path: '', code, message, ...(hint ? { hint } : {}) };
}

/** The byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (len = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (len = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (len = 3), (min = 0x10000);
    else return i;
    if (i + len >= n) return i;
    let cp = c & (0x3f >> len);
    for (let k = 1; k <= len; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len + 1;
  }
  return -1;
}

function bytePosition(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
