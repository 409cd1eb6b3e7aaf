/**
 * Text hygiene shared by the formats: lone UTF-16 surrogates (possible in JSON input) cannot be
 * encoded as UTF-8, so each becomes U+FFFD before a value is written anywhere.
 */
export function wellFormed(s: string): string {
  // Fast path: no surrogate at all.
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
