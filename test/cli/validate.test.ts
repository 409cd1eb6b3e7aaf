import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { cli } from '../helpers/cli.js';
import { scratch } from '../model/helpers.js';

const root = join(import.meta.dirname, '../..');
const example = 'test/fixtures/design-example.yaml';

describe('steward validate', () => {
  it('exits 0 on a valid model and says what it holds', async () => {
    const run = await cli(['validate', example]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ valid: 1 file, 16 entities, 26 relations\n');
  });

  it('validates a folder of several models', async () => {
    const run = await cli(['validate', 'models/support-desk']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ valid: 2 files, \d+ entities, \d+ relations\n$/);
  });

  it('exits 2 on an invalid model, one line per problem on stderr and a count', async () => {
    const { dir, dispose } = scratch({
      'm.yaml': 'version: 1\nagents:\n  - id: triage\n    tools: [search]\n    exposure: public\n',
    });
    try {
      const run = await cli(['validate', 'm.yaml'], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        [
          'm.yaml:4:13: unknown id "search": "tools" must be the id of a tool (at agents[0].tools[0]); define a tool with id "search"',
          'm.yaml:5:15: "public" is not one of the allowed values (at agents[0].exposure); allowed: internal, external',
          '✖ 2 problems in 1 file',
          '',
        ].join('\n'),
      );
    } finally {
      dispose();
    }
  });

  it('writes JSON with --format json, valid or not', async () => {
    const ok = await cli(['validate', example, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, files: [example], entities: 16, relations: 26, diagnostics: [] });

    const { dir, dispose } = scratch({ 'bad.json': '{"version": 1, "agents": [{"id": "a", "parent": "b"}]}' });
    try {
      const bad = await cli(['validate', 'bad.json', 'missing.yaml', '--format', 'json'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe('');
      expect(JSON.parse(bad.stdout)).toEqual({
        valid: false,
        diagnostics: [
          {
            file: 'bad.json',
            line: 1,
            column: 49,
            path: 'agents[0].parent',
            code: 'dangling-reference',
            message: 'unknown id "b": "parent" must be the id of an agent',
            hint: 'did you mean "a"?',
          },
          { file: 'missing.yaml', line: 0, column: 0, path: '', code: 'not-found', message: 'no such file or folder', hint: 'check the path' },
        ],
      });
    } finally {
      dispose();
    }
  });

  it('exits 2 on bad usage, without a stack trace', async () => {
    for (const argv of [['validate'], ['validate', example, '--format', 'xml'], ['validate', example, '--max-file-size', '-1'], ['frobnicate']]) {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('steward schema', () => {
  const schemaRun = cli(['schema']);

  it('prints the JSON Schema (draft 2020-12) of the model format', async () => {
    const run = await schemaRun;
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['version', 'system', 'owners', 'agents', 'tools', 'credentials', 'data', 'models', 'boundaries', 'links', 'accepted']),
    );
  });

  it('accepts the design example, as the loader does, and rejects what the loader rejects', async () => {
    const schema = JSON.parse((await schemaRun).stdout) as object;
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const text = readFileSync(join(root, example), 'utf8');
    const data = parse(text) as Record<string, unknown>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(loadModel([{ file: example, content: text }]).ok).toBe(true);

    const broken = { ...data, agents: [{ id: 'x', exposure: 'public', colour: 'red' }] };
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(
      expect.arrayContaining(['/agents/0 additionalProperties', '/agents/0/exposure enum']),
    );
    expect(loadModel([{ file: 'broken.json', content: JSON.stringify(broken) }]).ok).toBe(false);
    expect(validate({ ...data, version: 2 })).toBe(false);
  });

  it('writes the schema to a file with -o', async () => {
    const run = await cli(['schema', '-o', 'out/schema.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(run.files.get('out/schema.json')!)).toEqual(JSON.parse((await schemaRun).stdout));
  });
});

describe('bin/steward.js', () => {
  const bin = join(root, 'bin/steward.js');
  const node = (args: string[], cwd = root) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

  it('validates the design example as a user runs it: exit 0', () => {
    const run = node(['validate', example]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ valid: 1 file, 16 entities, 26 relations\n');
    expect(run.status).toBe(0);
  });

  it('exits 2 on bad input with the diagnostics and no stack trace', () => {
    const { dir, dispose } = scratch({
      'bomb.yaml': 'version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      'dup.json': '{"version": 1, "version": 1}',
      'bin.yaml': new Uint8Array([0, 1, 2, 3]),
    });
    try {
      const run = node(['validate', '.'], dir);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toEqual([
        'bin.yaml: this is a binary file, not a YAML or JSON model; pass the .yaml, .yml or .json model files',
        'bomb.yaml:3:8: the YAML aliases expand too far (more than 1000 nodes): refusing to load it; write the entries out instead of nesting aliases',
        'dup.json:1:16: duplicate key "version": JSON keeps only the last one; remove or rename one of them',
        '✖ 3 problems in 3 files',
        '',
      ]);
    } finally {
      dispose();
    }
  });

  it('prints the schema', () => {
    const run = node(['schema']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
