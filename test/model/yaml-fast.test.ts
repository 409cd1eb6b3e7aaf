import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, parse, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../bench/emit.js';
import { generateModel } from '../../bench/synthetic.js';
import { offsetsLocator, yamlLocator, type Locator } from '../../src/model/locate.js';
import { loadModel } from '../../src/model/load.js';
import { MAX_DEPTH, parseYamlFast, resolvePlain } from '../../src/model/yaml-fast.js';

/**
 * The fast YAML reader must give exactly what the yaml package gives, or give up (undefined) so
 * that the yaml package is used. These tests hold it to that on the reference models, on generated
 * documents, and on the corners of the syntax.
 */

const root = join(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every path to a value in `data`, parents first. */
function paths(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function fastLocator(text: string): Locator {
  const fast = parseYamlFast(text)!;
  return offsetsLocator(text, fast, (wanted) => parseYamlFast(text, { depth: 2, wanted }));
}

function slowLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  return yamlLocator(parseDocument(text, { lineCounter }), lineCounter);
}

/** Same data as the yaml package, or a refusal. */
function agrees(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return true;
  let slow: unknown;
  try {
    slow = parse(text, { uniqueKeys: true });
  } catch {
    return false;
  }
  expect(fast.data).toEqual(slow);
  return true;
}

describe('the fast YAML reader', () => {
  const models = [...yamlFiles(join(root, 'models')), join(root, 'test/fixtures/design-example.yaml')];

  it.each(models.map((f) => [f.slice(root.length + 1), f]))('reads %s as the yaml package does, with the same positions', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(fast!.data).toEqual(parse(text));
    const all = paths(fast!.data);
    const fastAt = fastLocator(text);
    const slowAt = slowLocator(text);
    fastAt.prepare(all);
    for (const p of all) {
      // A key with no value has no node of its own: the yaml package places it differently.
      if (p.length > 0 && (fast!.data as never) !== null && valueAt(fast!.data, p) === null) continue;
      expect(fastAt.locate(p), p.join('.')).toEqual(slowAt.locate(p));
      expect(fastAt.locate(p, true), `${p.join('.')} (key)`).toEqual(slowAt.locate(p, true));
    }
  });

  it('reads a synthetic 2,000-node model as the yaml package does', () => {
    const text = toYaml(generateModel({ nodes: 2000, seed: 9 }));
    const fast = parseYamlFast(text);
    expect(fast).toBeDefined();
    expect(fast!.data).toEqual(parse(text));
  });

  const supported: [string, string][] = [
    ['null forms', 'a: null\nb: ~\nc:\nd: Null\ne: NULL\nf: nul\n'],
    ['booleans and their look-alikes', 'a: true\nb: False\nc: TRUE\nd: yes\ne: no\nf: on\ng: tRue\n'],
    ['numbers', 'a: 1\nb: -5\nc: +7\nd: 012\ne: 0o17\nf: 0x1F\ng: 1.5\nh: 1.\ni: .5\nj: 1e3\nk: -2.5E-2\nl: .inf\nm: -.Inf\nn: .NaN\no: 1_000\np: 0b11\nq: 0x\nr: 1e\n'],
    ['strings that look like other things', 'a: 2026-01-31\nb: 12:30\nc: 1h\nd: 90d\ne: -foo\nf: v1.2.3\ng: "123"\nh: \'true\'\ni: :x\nj: ?y\n'],
    ['text with colons, hashes and brackets', 'a: https://example.com/a#b?c=d\nb: issue#12\nc: a, b [c] {d}\nd: "x: y"\ne: text # a comment\nf: a:b\n'],
    ['double-quoted escapes', 'a: "tab\\there"\nb: "\\u00e9\\x41\\U0001F600"\nc: "q\\"uote \\\\ slash\\/"\nd: "\\0\\a\\b\\e\\f\\n\\r\\v\\N\\_\\L\\P\\ "\ne: ""\n'],
    ['single quotes', "a: 'it''s'\nb: ''\nc: '# not a comment'\nd: 'a \"b\" c'\n"],
    ['quoted and odd keys', '"quoted key": 1\n\'single\': 2\nkey with spaces: 3\nconstructor: 4\n"x: y": 5\ntoString: 6\n'],
    ['comments everywhere', '# head\n\na: 1 # trailing\n  # indented comment\nb:\n  # before\n  - x # item\n\n  # between\n  - y\n# tail\n'],
    ['a document start marker', '--- # the model\na: 1\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n  - { y: 2 }\r\nc: |\r\n  two\r\n  lines\r\n'],
    ['sequences at the same indent as their key', 'a:\n- x\n- y\nb: 1\nc:\n  - p\n  -\n    q: 1\n  - ~\n'],
    ['nested block collections', 'a:\n  b:\n    c:\n      - d: 1\n        e:\n          - f\n          - g\n      - h: [1, {i: 2}]\n'],
    ['compact mappings in sequences', 'list:\n  - id: a\n    tags: [x]\n  -   id: b\n      deep:\n        k: v\n  - "id": c\n'],
    ['flow collections over several lines', 'a: [x, y,\n    z]\nb: { p: 1,\n     # a comment\n     q: [2, 3],\n     r: "s" }\nc: [ ]\nd: {}\ne: [a, b, ]\nf: { x: 1, }\n'],
    ['plain scalars in flow', 'a: [a b, c-d, e.f, "g, h", \'i]\', -1, 2.5, null, true]\nb: { k: v w, url: http://x.y/z }\n'],
    ['literal block scalars', 'a: |\n  line 1\n    indented\n  line 3\nb: |-\n  no newline\n\n  after a blank\nc: 1\n'],
    ['folded block scalars', 'a: >\n  one\n  two\n\n  three\n\n\n  four\nb: >-\n  x\n  y\n\n\nc: end\n'],
    ['block scalars in sequences', 'a:\n  - |\n    text\n  - >-\n    folded\n    text\n  - tail\n'],
    ['a comment line inside a block scalar is text', 'a: |\n  # not a comment\n  text\n'],
    ['lists of lists', 'a:\n  - - x\n    - - y\n      - z: 1\n        w: 2\n  - []\nb: 1\n'],
    ['empty collections and values', 'a: []\nb: {}\nc: ""\nd:\n  - \n  - []\n'],
  ];

  it.each(supported)('reads %s as the yaml package does', (_name, text) => {
    const fast = parseYamlFast(text);
    expect(fast, 'the fast reader should handle this').toBeDefined();
    expect(fast!.data).toEqual(parse(text));
  });

  const refused: [string, string][] = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['merge keys', 'a: &x { p: 1 }\nb:\n  <<: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['custom tags', 'a: !js/function "f"\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['complex keys', '? a\n: 1\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['multi-line quoted scalars', 'a: "one\n  two"\n'],
    ['tabs', 'a:\t1\n'],
    ['keep chomping', 'a: |+\n  x\n\n'],
    ['explicit indentation indicators', 'a: |2\n   x\n'],
    ['folded text with more-indented lines', 'a: >\n  x\n    y\n  z\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in a flow mapping', 'a: { x: 1, x: 2 }\n'],
    ['a number as a key', '1: a\n'],
    ['a boolean as a key', 'true: a\n'],
    ['__proto__ as a key', '__proto__: { x: 1 }\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a top-level scalar', 'hello\n'],
    ['a flow mapping at the top', '{ a: 1 }\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence inside a mapping at its indent', 'a: 1\n- b\n'],
    ['a mapping after a value on one line', 'a: b: c\n'],
    ['JSON-style adjacent values', 'a: {"b":1}\n'],
    ['a flow continuation line not indented', 'a: [x,\ny]\n'],
    ['an unclosed flow collection', 'a: [x, y\n'],
    ['a stray character after a quoted scalar', 'a: "x" y\n'],
    ['a comment without a space before it', 'a: "x"#c\n'],
    ['an empty document', '# only a comment\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['nesting deeper than the limit', `a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`],
  ];

  it.each(refused)('leaves %s to the yaml package', (_name, text) => {
    expect(parseYamlFast(text)).toBeUndefined();
  });

  it('agrees with the yaml package on generated documents', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', '"', "'", '\\', ',', '[', '{', '}', ']', '\n', '1', '.', '~', '?', '|', '>') }),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('null', 'true', '0x1F', '0o7', '1e3', '.inf', '2026-01-01', '- x', 'a: b', 'x #y', ' lead', 'trail '),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 }),
    }));
    const doc = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), value.node, { minKeys: 1, maxKeys: 6 });
    const options = fc.record({
      flow: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      quote: fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | null>(null, 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    });
    let fastCount = 0;
    let blockCount = 0;
    fc.assert(
      fc.property(doc, options, (data, o) => {
        const text = stringify(data, {
          collectionStyle: o.flow ? 'flow' : 'any',
          lineWidth: o.lineWidth,
          indent: o.indent,
          indentSeq: o.indentSeq,
          ...(o.quote ? { defaultStringType: o.quote } : {}),
        });
        if (o.flow) return agrees(text);
        blockCount++;
        if (parseYamlFast(text)) fastCount++;
        return agrees(text);
      }),
      { seed: 7, numRuns: 600 },
    );
    // Most block-style documents must take the fast path, or it is not worth having.
    expect(fastCount).toBeGreaterThan(blockCount / 2);
  });

  it('resolves plain scalars as the core schema does', () => {
    for (const s of ['', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', '0', '-0', '+12', '007', '0o17', '0o8', '0x1f', '0X1F', '1.', '.5', '-.5e3', '1e', '.inf', '+.INF', '-.inf', '.nan', '.NAN', 'nan', '1_0', '12:30', 'abc']) {
      const expected = parse(`v: ${s}\n`).v;
      if (Number.isNaN(expected)) expect(resolvePlain(s)).toBeNaN();
      else expect(resolvePlain(s), s).toBe(expected);
    }
  });

  it('does the same for the loader: fast and full readings of a model give the same result', () => {
    const text = readFileSync(join(root, 'test/fixtures/design-example.yaml'), 'utf8');
    // An alias sends the whole file to the yaml package; the model must come out the same.
    const withAlias = text.replace('    review: { every: 90d, last: 2026-08-01 }', '    review: &review { every: 90d, last: 2026-08-01 }');
    expect(parseYamlFast(withAlias)).toBeUndefined();
    const fast = loadModel([{ file: 'm.yaml', content: text }]);
    const full = loadModel([{ file: 'm.yaml', content: withAlias }]);
    expect(fast.ok && full.ok).toBe(true);
    if (fast.ok && full.ok) {
      expect(JSON.stringify(fast.model.entities)).toBe(JSON.stringify(full.model.entities));
      expect(JSON.stringify(fast.model.relations)).toBe(JSON.stringify(full.model.relations));
    }
  });
});

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let cur = data;
  for (const seg of path) cur = (cur as Record<string | number, unknown>)[seg];
  return cur;
}
