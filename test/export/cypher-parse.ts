import { createRequire } from 'node:module';

/**
 * Neo4j's own Cypher parser (@neo4j-cypher/language-support, the one behind its editors), loaded
 * through its CommonJS build: its ESM build has extensionless imports that Node cannot resolve.
 */
const require = createRequire(import.meta.url);
const language = require('@neo4j-cypher/language-support') as {
  lintCypherQuery: (query: string, schema: object) => { severity: number; message: string; offsets: { start: number } }[];
};

/** The syntax errors Neo4j's parser finds in a script (semantic warnings, severity 2+, left out). */
export function cypherSyntaxErrors(script: string): string[] {
  return language.lintCypherQuery(script, {}).filter((d) => d.severity === 1).map((d) => `${d.message} at ${d.offsets.start}: ${script.slice(d.offsets.start, d.offsets.start + 60)}`);
}

/** Splits a script into statements at top-level semicolons (not inside strings or comments). */
export function statements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '/' && script[i + 1] === '/') i = script.indexOf('\n', i) === -1 ? script.length : script.indexOf('\n', i);
    else if (ch === ';') {
      out.push(script.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = script.slice(start).trim();
  if (rest && !/^(\/\/[^\n]*\n?)*$/.test(rest)) out.push(rest);
  return out;
}

/**
 * Reads back the literal after `UNWIND` in one of our statements: a list of maps of strings,
 * numbers, booleans and lists, in Cypher's literal syntax (single or double quotes, backslash
 * escapes, \uXXXX). Independent of the writer, so that it checks the escaping.
 */
export function unwindRows(statement: string): unknown[] {
  const at = statement.indexOf('UNWIND ');
  if (at < 0) throw new Error('not an UNWIND statement');
  let i = at + 'UNWIND '.length;
  const s = statement;
  const ws = () => {
    while (/\s/.test(s[i]!)) i++;
  };
  const value = (): unknown => {
    ws();
    const ch = s[i]!;
    if (ch === '[') {
      i++;
      const list: unknown[] = [];
      ws();
      if (s[i] === ']') return i++, list;
      for (;;) {
        list.push(value());
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return i++, list;
        else throw new Error(`expected , or ] at ${i}`);
      }
    }
    if (ch === '{') {
      i++;
      const map: Record<string, unknown> = Object.create(null);
      ws();
      if (s[i] === '}') return i++, map;
      for (;;) {
        ws();
        let key: string;
        if (s[i] === '`') {
          const end = s.indexOf('`', i + 1);
          key = s.slice(i + 1, end);
          i = end + 1;
        } else {
          const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i, i + 200))!;
          key = m[0];
          i += key.length;
        }
        ws();
        if (s[i++] !== ':') throw new Error(`expected : at ${i}`);
        map[key] = value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return i++, map;
        else throw new Error(`expected , or } at ${i}`);
      }
    }
    if (ch === "'" || ch === '"') return string(ch);
    const m = /^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(s.slice(i, i + 40));
    if (!m) throw new Error(`unexpected ${JSON.stringify(s.slice(i, i + 20))} at ${i}`);
    i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  };
  const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"' };
  const string = (quote: string): string => {
    i++;
    let out = '';
    for (;;) {
      const ch = s[i++];
      if (ch === undefined) throw new Error('unterminated string');
      if (ch === quote) return out;
      if (ch === '\n' || ch === '\r') throw new Error('raw line break in a string literal');
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = s[i++]!;
      if (e === 'u') {
        out += String.fromCharCode(parseInt(s.slice(i, i + 4), 16));
        i += 4;
      } else if (e in ESCAPES) out += ESCAPES[e];
      else throw new Error(`unknown escape \\${e}`);
    }
  };
  const rows = value();
  if (!Array.isArray(rows)) throw new Error('UNWIND of a non-list');
  return rows;
}
