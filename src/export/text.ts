/**
 * Text hygiene shared by the formats: lone UTF-16 surrogates (possible in JSON input) cannot be
 * encoded as UTF-8, so each becomes U+FFFD before a value is written anywhere.
 */
export function wellFormed(s: string): string {
  // Fast path: no surrogate at all.
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The same string in one piece. A string built with `+` or a template is a tree of its parts,
 * which V8 walks again at every copy; a part written at a million elements (a quoted id) is worth
 * flattening once. Converting to a number makes V8 flatten the string in place (the value is unused).
 */
export function flat(s: string): string {
  Number(s);
  return s;
}
