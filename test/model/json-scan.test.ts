import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetOf, pathKey, prefixKeys, scanJson } from '../../src/model/json-scan.js';
import { LineIndex } from '../../src/model/locate.js';

/** The JSON scanner: syntax errors where JSON.parse fails, duplicate keys, positions of values. */

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('scanJson', () => {
  it('accepts what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, '\t'), (json, indent) => {
        const text = JSON.stringify(JSON.parse(json), null, indent);
        const scan = scanJson(text);
        expect(scan.error).toBeUndefined();
        expect(scan.duplicates).toEqual([]);
      }),
      { seed: 1, numRuns: 400 },
    );
  });

  it('never accepts what JSON.parse rejects, except inside strings (left to JSON.parse, which gives the offset)', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat(3), insert: fc.constantFrom('', ',', ':', '"', '{', '}', '[', ']', '\\', 'x', '1', '-', '\n', ' ', 'tru', 'nul', '\u0001') });
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), edit, (json, e) => {
        const at = e.at % (json.length + 1);
        const text = json.slice(0, at) + e.insert + json.slice(at + e.cut);
        const scan = scanJson(text);
        if (scan.error) expect(parses(text), text).toBe(false);
        else if (!parses(text)) {
          // Only a control character inside a string gets past the scan.
          expect(text, text).toMatch(/[\u0000-\u001f]/);
        }
      }),
      { seed: 2, numRuns: 3000 },
    );
  });

  it('finds duplicate keys, however they are spelt, in small and large objects', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    const big = JSON.stringify(many).replace(/}$/, ', "k7": 0}');
    expect(scanJson(big).duplicates.map((d) => d.key)).toEqual(['k7']);
    expect(scanJson('{"a": 1, "\\u0061": 2}').duplicates.map((d) => [d.key, d.offset])).toEqual([['a', 9]]);
    expect(scanJson('{"a": {"b": 1}, "c": {"b": 2, "b": 3}}').duplicates.map((d) => [d.key, d.offset])).toEqual([['b', 30]]);
    expect(scanJson('[{"a": 1}, {"a": 1}]').duplicates).toEqual([]);
    expect(scanJson('{"ab": 1, "ba": 2, "a": 3, "b\\"": 4, "b\\"": 5}').duplicates.map((d) => d.key)).toEqual(['b"']);
  });

  it('records where values and keys start, down to depth 2, and deeper paths on request', () => {
    const text = '{\n  "version": 1,\n  "agents": [\n    {"id": "a", "tools": ["x", "y"]},\n    {"id": "b"}\n  ]\n}';
    const scan = scanJson(text);
    const lines = new LineIndex(text);
    const at = (path: (string | number)[]) => {
      const offset = offsetOf(scan, path);
      return offset === undefined ? undefined : lines.position(offset);
    };
    expect(at([])).toEqual({ line: 1, column: 1 });
    expect(at(['version'])).toEqual({ line: 2, column: 14 });
    expect(at(['agents', 1])).toEqual({ line: 5, column: 5 });
    // The entities of a list are kept by index, not under a path string each.
    expect(scan.items.get(pathKey(['agents']))).toHaveLength(2);
    expect(scan.values.has(pathKey(['agents', 1]))).toBe(false);
    expect(at(['agents', 0, 'tools'])).toBeUndefined();
    expect(lines.position(scan.keys.get(pathKey(['agents']))!)).toEqual({ line: 3, column: 3 });

    const deep = scanJson(text, { wanted: prefixKeys([['agents', 0, 'tools', 1]]) });
    expect(lines.position(deep.values.get(pathKey(['agents', 0, 'tools', 1]))!)).toEqual({ line: 4, column: 32 });
    expect(deep.values.has(pathKey(['agents', 0, 'tools', 0]))).toBe(false);
  });

  it('follows only the wanted paths through deep nesting (no quadratic path building)', () => {
    const depth = 200_000;
    const text = `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const started = performance.now();
    const scan = scanJson(text, { wanted: prefixKeys([['a', 0, 0]]) });
    expect(scan.error).toBeUndefined();
    expect(scan.values.get(pathKey(['a', 0, 0]))).toBe(8);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports syntax errors at their offset', () => {
    const cases: [string, number, RegExp][] = [
      ['', 0, /value is missing/],
      ['{"a": }', 6, /expected a value/],
      ['{"a" 1}', 5, /expected ":"/],
      ['{"a": 1,}', 8, /expected a key/],
      ['[1 2]', 3, /expected "," or "]"/],
      ['{"a": "\\q"}', 7, /invalid escape "\\\\q"/],
      ['{"a": "\\u12G4"}', 7, /invalid escape/],
      ['{"a": "x', 6, /unterminated string/],
      ['{"a": 01}', 7, /expected "," or "}"/],
      ['{} {}', 3, /after the end of the document/],
      ['[tru]', 1, /expected a value/],
    ];
    for (const [text, offset, message] of cases) {
      const scan = scanJson(text);
      expect(scan.error, text).toBeDefined();
      expect(scan.error!.offset, text).toBe(offset);
      expect(scan.error!.message, text).toMatch(message);
      expect(parses(text)).toBe(false);
    }
  });
});
