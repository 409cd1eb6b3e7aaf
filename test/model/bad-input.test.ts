import { afterAll, describe, expect, it } from 'vitest';
import { readModelSources } from '../../src/io/read.js';
import { loadModel } from '../../src/model/load.js';
import { MAX_FULL_YAML_CHARS, MAX_YAML_ALIASES } from '../../src/model/parse.js';
import { cli } from '../helpers/cli.js';
import { brief, problems, scratch } from './helpers.js';

/**
 * Every kind of bad input the issue lists: each gets one clear line per problem naming the file
 * (and line and column when the problem has a place), exit code 2 from the CLI, and never a stack
 * trace, a hang or unbounded memory.
 */

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** The paths to validate (default: the first file). */
  paths?: string[];
  /** A --max-file-size, in MiB. */
  maxFileSize?: number;
  /** The one diagnostic expected: where, what code, and the message. */
  expected: { file: string; line: number; column: number; code: string; message: RegExp };
}

const bomb = [
  'version: 1',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  '',
].join('\n');

const DEEP = 100_000;

const cases: Case[] = [
  {
    name: 'malformed YAML',
    files: { 'model.yaml': 'version: 1\nagents:\n  - id: a\n   tools: [x]\n' },
    expected: { file: 'model.yaml', line: 4, column: 1, code: 'syntax-error', message: /^invalid YAML: Sequence item without - indicator$/ },
  },
  {
    name: 'malformed YAML: an unclosed flow list',
    files: { 'model.yaml': 'version: 1\nagents:\n  - id: a\n    tools: [x\n' },
    expected: { file: 'model.yaml', line: 5, column: 1, code: 'syntax-error', message: /^invalid YAML: .*\]/ },
  },
  {
    name: 'malformed JSON: a trailing comma',
    files: { 'model.json': '{"version": 1,\n "agents": [ {"id": "a",} ]}\n' },
    expected: { file: 'model.json', line: 2, column: 25, code: 'syntax-error', message: /^invalid JSON: unexpected "}": expected a key in double quotes$/ },
  },
  {
    name: 'malformed JSON: a missing comma',
    files: { 'model.json': '{\n  "version": 1\n  "agents": []\n}\n' },
    expected: { file: 'model.json', line: 3, column: 3, code: 'syntax-error', message: /^invalid JSON: unexpected "\\"": expected "," or "}"$/ },
  },
  {
    name: 'malformed JSON: an unterminated string',
    files: { 'model.json': '{\n  "version": 1,\n  "agents": [{"id": "a}]\n}\n' },
    expected: { file: 'model.json', line: 3, column: 21, code: 'syntax-error', message: /^invalid JSON: unterminated string/ },
  },
  {
    name: 'malformed JSON: a raw line break inside a string',
    files: { 'model.json': '{"version": 1, "agents": [{"id": "a", "purpose": "two\nlines"}]}' },
    expected: { file: 'model.json', line: 1, column: 54, code: 'syntax-error', message: /^invalid JSON: a control character .* inside a string/ },
  },
  {
    name: 'malformed JSON: text after the document',
    files: { 'model.json': '{"version": 1}\n{"version": 1}\n' },
    expected: { file: 'model.json', line: 2, column: 1, code: 'syntax-error', message: /^invalid JSON: unexpected "\{" after the end of the document$/ },
  },
  {
    name: 'an empty file',
    files: { 'empty.yaml': '' },
    expected: { file: 'empty.yaml', line: 0, column: 0, code: 'empty-file', message: /^the file is empty$/ },
  },
  {
    name: 'a file of blank lines',
    files: { 'blank.json': '\n   \n\n' },
    expected: { file: 'blank.json', line: 0, column: 0, code: 'empty-file', message: /^the file is empty$/ },
  },
  {
    name: 'a file with only comments',
    files: { 'comments.yaml': '# the platform team will fill this in\n# version: 1\n' },
    expected: { file: 'comments.yaml', line: 0, column: 0, code: 'empty-file', message: /only comments/ },
  },
  {
    name: 'a binary file',
    files: { 'logo.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]) },
    expected: { file: 'logo.yaml', line: 0, column: 0, code: 'binary-file', message: /^this is a binary file/ },
  },
  {
    name: 'invalid UTF-8',
    files: { 'latin1.yaml': new Uint8Array([...Buffer.from('version: 1\nagents:\n  - id: caf'), 0xe9, ...Buffer.from('\n')]) },
    expected: { file: 'latin1.yaml', line: 3, column: 12, code: 'invalid-utf8', message: /^invalid UTF-8 at byte 30$/ },
  },
  {
    name: 'a YAML alias bomb',
    files: { 'bomb.yaml': bomb },
    expected: { file: 'bomb.yaml', line: 3, column: 8, code: 'alias-bomb', message: new RegExp(`aliases expand too far \\(more than ${MAX_YAML_ALIASES} nodes\\)`) },
  },
  {
    name: 'a duplicate key in YAML',
    files: { 'dup.yaml': 'version: 1\nowners:\n  - id: a\n    kind: product\n    kind: platform\n' },
    expected: { file: 'dup.yaml', line: 5, column: 5, code: 'duplicate-key', message: /^duplicate key/ },
  },
  {
    name: 'a duplicate key in a YAML flow mapping',
    files: { 'dup.yaml': 'version: 1\nowners:\n  - { id: a, kind: product, kind: platform }\n' },
    expected: { file: 'dup.yaml', line: 3, column: 29, code: 'duplicate-key', message: /^duplicate key/ },
  },
  {
    name: 'a duplicate key in JSON',
    files: { 'dup.json': '{"version": 1, "owners": [{"id": "a", "kind": "product", "kind": "platform"}]}\n' },
    expected: { file: 'dup.json', line: 1, column: 58, code: 'duplicate-key', message: /^duplicate key "kind": JSON keeps only the last one$/ },
  },
  {
    name: 'a duplicate key in JSON spelt with an escape',
    files: { 'dup.json': '{"version": 1, "owners": [{"id": "a", "kind": "product", "\\u006bind": "platform"}]}\n' },
    expected: { file: 'dup.json', line: 1, column: 58, code: 'duplicate-key', message: /^duplicate key "kind"/ },
  },
  {
    name: 'a duplicate top-level key in JSON',
    files: { 'dup.json': '{"version": 1,\n "agents": [],\n "agents": [{"id": "a"}]}\n' },
    expected: { file: 'dup.json', line: 3, column: 2, code: 'duplicate-key', message: /^duplicate key "agents"/ },
  },
  {
    name: 'a top-level list instead of a mapping',
    files: { 'list.yaml': '- version: 1\n- agents: []\n' },
    expected: { file: 'list.yaml', line: 1, column: 1, code: 'not-a-model', message: /^expected a mapping with "version: 1"/ },
  },
  {
    name: 'a top-level list in JSON',
    files: { 'list.json': '[{"version": 1}]' },
    expected: { file: 'list.json', line: 1, column: 1, code: 'not-a-model', message: /^expected a mapping/ },
  },
  {
    name: 'a scalar instead of a model',
    files: { 'scalar.yaml': 'just some notes\n' },
    expected: { file: 'scalar.yaml', line: 1, column: 1, code: 'not-a-model', message: /^expected a mapping/ },
  },
  {
    name: 'a missing version',
    files: { 'nov.yaml': '# agents of the support desk\nagents: []\n' },
    expected: { file: 'nov.yaml', line: 2, column: 1, code: 'missing-field', message: /^missing "version"$/ },
  },
  {
    name: 'a newer version',
    files: { 'v2.yaml': 'version: 2\nagents: []\n' },
    expected: { file: 'v2.yaml', line: 1, column: 10, code: 'invalid-value', message: /^this model is format version 2; this Steward reads version 1$/ },
  },
  {
    name: 'a version written as a string',
    files: { 'vs.json': '{\n  "version": "1"\n}' },
    expected: { file: 'vs.json', line: 2, column: 14, code: 'invalid-value', message: /^unsupported format version "1"$/ },
  },
  {
    name: 'a missing file',
    files: {},
    paths: ['nowhere.yaml'],
    expected: { file: 'nowhere.yaml', line: 0, column: 0, code: 'not-found', message: /^no such file or folder$/ },
  },
  {
    name: 'a folder with no models',
    files: { 'empty-folder/README.md': '# nothing here\n', 'empty-folder/notes.txt': 'version: 1\n' },
    paths: ['empty-folder'],
    expected: { file: 'empty-folder', line: 0, column: 0, code: 'no-models', message: /^the folder holds no model files/ },
  },
  {
    name: 'a file over the size limit',
    files: { 'big.yaml': `version: 1\n# ${'x'.repeat(2000)}\n` },
    maxFileSize: 0.001,
    expected: { file: 'big.yaml', line: 0, column: 0, code: 'file-too-large', message: /^the file is 0\.0 MiB, over the limit of 0\.0 MiB$/ },
  },
  {
    name: `${DEEP.toLocaleString('en-US')} nested arrays in JSON`,
    files: { 'deep.json': `{"version": 1, "agents": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}` },
    expected: { file: 'deep.json', line: 1, column: 27, code: 'wrong-type', message: /^expected a mapping \(key: value\), got a list$/ },
  },
  {
    name: `${DEEP.toLocaleString('en-US')} nested arrays under an entity field in JSON`,
    files: { 'deep.json': `{"version": 1, "agents": [{"id": "a", "tags": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}]}` },
    expected: { file: 'deep.json', line: 1, column: 48, code: 'wrong-type', message: /^expected a string, got a list$/ },
  },
  {
    name: `${DEEP.toLocaleString('en-US')} nested objects in JSON`,
    files: { 'deep.json': `{"version": 1, "agents": [{"id": "a", "logging": ${'{"x": '.repeat(DEEP)}1${'}'.repeat(DEEP)}}]}` },
    expected: { file: 'deep.json', line: 1, column: 51, code: 'unknown-key', message: /^unknown key "x"$/ },
  },
  {
    name: `${DEEP.toLocaleString('en-US')} nested flow lists in YAML`,
    files: { 'deep.yaml': `version: 1\nagents: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n` },
    expected: { file: 'deep.yaml', line: 2, column: -1, code: 'syntax-error', message: /^invalid YAML: the document is nested too deeply$/ },
  },
  {
    name: `${DEEP.toLocaleString('en-US')} nested block lists in YAML`,
    files: { 'deep.yaml': `version: 1\nagents:\n${'- '.repeat(DEEP)}x\n` },
    expected: { file: 'deep.yaml', line: 3, column: -1, code: 'syntax-error', message: /^invalid YAML: the document is nested too deeply$/ },
  },
];

describe('bad input', () => {
  const dirs: (() => void)[] = [];
  afterAll(() => dirs.forEach((dispose) => dispose()));

  describe.each(cases)('$name', ({ files, paths = [Object.keys(files)[0]!], maxFileSize, expected }) => {
    // Column -1: the place the parser gave up, which depends on the parser's internals.
    const column = (actual: number) => (expected.column === -1 ? actual : expected.column);

    it('gives one diagnostic with the file, line and column (library)', () => {
      const { dir, dispose } = scratch(files);
      dirs.push(dispose);
      const limit = maxFileSize === undefined ? {} : { maxFileBytes: maxFileSize * 1024 * 1024 };
      const read = readModelSources(paths, { cwd: dir, ...limit });
      const loaded = loadModel(read.sources, limit);
      const diagnostics = [...read.diagnostics, ...(loaded.ok ? [] : loaded.diagnostics)];
      expect(diagnostics).toHaveLength(1);
      const d = diagnostics[0]!;
      expect(brief(d)).toEqual({ file: expected.file, line: expected.line, column: column(d.column), code: expected.code });
      if (expected.column === -1) expect(d.column).toBeGreaterThan(0);
      expect(d.message).toMatch(expected.message);
      expect(d.message).not.toMatch(/\n/);
    });

    it('exits 2 with one line per problem and no stack trace (CLI)', async () => {
      const { dir, dispose } = scratch(files);
      dirs.push(dispose);
      const run = await cli(['validate', ...paths, ...(maxFileSize === undefined ? [] : ['--max-file-size', String(maxFileSize)])], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      const place = /^(.*?)(?::(\d+):(\d+))?: (.*)$/.exec(lines[0]!)!;
      expect(place[1]).toBe(expected.file);
      expect(Number(place[2] ?? 0)).toBe(expected.line);
      expect(Number(place[3] ?? 0)).toBe(column(Number(place[3] ?? 0)));
      expect(place[4]).toMatch(new RegExp(expected.message.source.replace(/\$$/, '')));
      expect(lines[1]).toBe('✖ 1 problem in 1 file');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toMatch(/internal error|Error:/);
    });
  });
});

describe('protections', () => {
  it('refuses the alias bomb fast and with bounded memory', () => {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const d = problems({ 'bomb.yaml': bomb });
    const elapsed = performance.now() - started;
    expect(d.map((x) => x.code)).toEqual(['alias-bomb']);
    // 9^9 (387 million) strings if expanded: refusing must take milliseconds and a few MB.
    expect(elapsed).toBeLessThan(2000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('still accepts a few legitimate aliases', () => {
    const text = [
      'version: 1',
      'owners:',
      '  - { id: support, kind: product }',
      'agents:',
      '  - id: a',
      '    logging: &full { prompts: true, tool_calls: true, data_access: true, privilege_changes: true }',
      '  - id: b',
      '    logging: *full',
      '',
    ].join('\n');
    const loaded = loadModel([{ file: 'm.yaml', content: text }]);
    expect(loaded.ok).toBe(true);
  });

  it('refuses a file over the size limit before parsing it, and a raised limit lets it through', async () => {
    const text = `version: 1\nowners:\n  - { id: support, kind: product }\n# ${'x'.repeat(4000)}\n`;
    expect(problems({ 'big.yaml': text }, { maxFileBytes: 1024 }).map((d) => d.code)).toEqual(['file-too-large']);
    expect(loadModel([{ file: 'big.yaml', content: text }], { maxFileBytes: 8192 }).ok).toBe(true);

    const { dir, dispose } = scratch({ 'big.yaml': text });
    try {
      const refused = await cli(['validate', 'big.yaml', '--max-file-size', '0.001'], dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/^big\.yaml: the file is .* over the limit .*; raise the limit with --max-file-size <MiB>/m);
      const raised = await cli(['validate', 'big.yaml', '--max-file-size', '1'], dir);
      expect(raised.code).toBe(0);
      expect(raised.stdout).toMatch(/^✔ valid: 1 file, 1 entity, 0 relations/);
      const bad = await cli(['validate', 'big.yaml', '--max-file-size', 'lots'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--max-file-size/);
    } finally {
      dispose();
    }
  });

  it('reads a big YAML file only as plain YAML, and says where it is not', () => {
    // The full YAML parser holds about a hundred times the text in memory.
    const padding = `# ${'x'.repeat(MAX_FULL_YAML_CHARS)}\n`;
    const plain = `version: 1\n${padding}owners:\n  - { id: team, kind: product }\n`;
    expect(loadModel([{ file: 'big.yaml', content: plain }]).ok).toBe(true);
    const anchored = `version: 1\n${padding}owners:\n  - &team { id: team, kind: product }\n`;
    const d = problems({ 'big.yaml': anchored });
    expect(d.map((x) => [x.line, x.column, x.code])).toEqual([[4, 3, 'yaml-too-complex']]);
    expect(d[0]!.message).toMatch(/^this YAML is invalid here, or uses something beyond plain YAML .* only plain YAML is read$/);
    const broken = `version: 1\n${padding}owners:\n  - { id: team, kind: product\n`;
    // An unclosed flow mapping: the reader runs to the end of the file looking for the brace.
    expect(problems({ 'big.yaml': broken }).map((x) => [x.line, x.code])).toEqual([[5, 'yaml-too-complex']]);
  });

  it('reports a deeply nested YAML document without overflowing the stack, whatever its form', () => {
    for (const text of [
      `version: 1\nagents: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
      `version: 1\nagents: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`,
      `version: 1\nagents:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- `).join('\n')}x\n`,
    ]) {
      const d = problems({ 'deep.yaml': text });
      expect(d.length).toBeGreaterThan(0);
      for (const x of d) expect(x.message).not.toMatch(/\n/);
    }
  });
});

describe('reserved names', () => {
  const pollution = () => ({
    keys: Object.getOwnPropertyNames(Object.prototype).sort(),
    polluted: ({} as Record<string, unknown>).polluted,
    isAdmin: ({} as Record<string, unknown>).isAdmin,
    proto: Object.getPrototypeOf({}) === Object.prototype,
  });
  const clean = pollution();

  it('rejects __proto__, constructor and prototype as keys, at their place, without pollution (YAML)', () => {
    const text = [
      'version: 1',
      '__proto__: { polluted: true }',
      'owners:',
      '  - id: team',
      '    constructor: { prototype: { isAdmin: true } }',
      '  - { id: other, prototype: 1, __proto__: { isAdmin: true } }',
      '',
    ].join('\n');
    const d = problems({ 'm.yaml': text });
    expect(d.map((x) => [x.line, x.column, x.code, x.message])).toEqual([
      [2, 1, 'unknown-key', 'unknown key "__proto__"'],
      [5, 5, 'unknown-key', 'unknown key "constructor"'],
      [6, 18, 'unknown-key', 'unknown key "prototype"'],
      [6, 32, 'unknown-key', 'unknown key "__proto__"'],
    ]);
    expect(pollution()).toEqual(clean);
  });

  it('rejects __proto__, constructor and prototype as keys, at their place, without pollution (JSON)', () => {
    const text = [
      '{"version": 1, "__proto__": {"polluted": true},',
      ' "owners": [{"id": "team", "constructor": {"prototype": {"isAdmin": true}}},',
      '            {"id": "other", "__proto__": {"isAdmin": true}}]}',
    ].join('\n');
    const d = problems({ 'm.json': text });
    expect(d.map((x) => [x.line, x.column, x.code, x.message])).toEqual([
      [1, 16, 'unknown-key', 'unknown key "__proto__"'],
      [2, 28, 'unknown-key', 'unknown key "constructor"'],
      [3, 29, 'unknown-key', 'unknown key "__proto__"'],
    ]);
    expect(pollution()).toEqual(clean);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects %s as an id and as a reference', (name) => {
    const text = [
      'version: 1',
      'owners:',
      `  - id: ${name}`,
      'agents:',
      '  - id: bot',
      `    owners: { operator: ${name} }`,
      `    tools: [${name}]`,
      '',
    ].join('\n');
    const d = problems({ 'm.yaml': text });
    expect(d.map((x) => [x.line, x.column, x.code, x.path])).toEqual([
      [3, 9, 'invalid-format', 'owners[0].id'],
      [6, 25, 'invalid-format', 'agents[0].owners.operator'],
      [7, 13, 'invalid-format', 'agents[0].tools[0]'],
    ]);
    expect(d[0]!.message).toBe(`"${name}" is reserved and cannot be an id`);
    expect(pollution()).toEqual(clean);
  });

  it('loads a valid model whose text merely mentions those names', () => {
    const loaded = loadModel([
      {
        file: 'm.yaml',
        content: 'version: 1\nowners:\n  - { id: team, name: "__proto__ constructor prototype", description: constructor }\n',
      },
    ]);
    expect(loaded.ok && loaded.model.entities[0]!.spec).toEqual({ id: 'team', name: '__proto__ constructor prototype', description: 'constructor' });
    expect(pollution()).toEqual(clean);
  });
});
