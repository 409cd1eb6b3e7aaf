/**
 * Writes a model as block-style YAML, the way people write models by hand: one entity per list
 * item, scalar lists in flow style. The yaml package's own stringify is too slow for the 100k-node
 * models of the benchmark; this emitter only has to handle plain data (objects, arrays, strings,
 * numbers, booleans).
 */
export function toYaml(value: unknown): string {
  const out: string[] = [];
  writeMapping(value as Record<string, unknown>, '', out);
  return out.join('');
}

const PLAIN = /^[A-Za-z0-9_](?:[A-Za-z0-9_./ -]*[A-Za-z0-9_./-])?$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|\.inf|\.nan)$/i;
const NUMERIC = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

function scalar(v: unknown): string {
  if (typeof v === 'string') return PLAIN.test(v) && !RESERVED.test(v) && !NUMERIC.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  throw new TypeError(`cannot write ${typeof v} as YAML`);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function flow(v: unknown): string {
  if (isScalar(v)) return scalar(v);
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  return `{ ${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${scalar(k)}: ${flow(x)}`).join(', ')} }`;
}

function writeMapping(obj: Record<string, unknown>, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    if (isScalar(v)) out.push(`${lead}${scalar(k)}: ${scalar(v)}\n`);
    else if (Array.isArray(v)) {
      if (v.length === 0 || v.every(isScalar)) out.push(`${lead}${scalar(k)}: ${flow(v)}\n`);
      else {
        out.push(`${lead}${scalar(k)}:\n`);
        writeSequence(v, `${indent}  `, out);
      }
    } else if (Object.values(v as object).every(isScalar) && Object.keys(v as object).length <= 4) {
      out.push(`${lead}${scalar(k)}: ${flow(v)}\n`);
    } else {
      out.push(`${lead}${scalar(k)}:\n`);
      writeMapping(v as Record<string, unknown>, `${indent}  `, out);
    }
  }
}

function writeSequence(list: unknown[], indent: string, out: string[]): void {
  for (const item of list) {
    if (isScalar(item)) out.push(`${indent}- ${scalar(item)}\n`);
    else if (Array.isArray(item)) out.push(`${indent}- ${flow(item)}\n`);
    else writeMapping(item as Record<string, unknown>, `${indent}  `, out, `${indent}- `);
  }
}
