import { beforeAll, describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/analysis/baseline.js';
import { UsageError } from '../../src/model/diagnostics.js';
import { cli } from '../helpers/cli.js';

const bytes = (text: string) => new TextEncoder().encode(text);
let json: string;
let ids: string[];

beforeAll(async () => {
  const run = await cli(['analyze', 'models/support-desk', '--as-of', '2026-11-29', '--format', 'json']);
  json = run.stdout;
  ids = (JSON.parse(json) as { findings: { id: string }[] }).findings.map((f) => f.id);
});

function failure(text: string): string {
  try {
    parseBaseline('base.json', bytes(text));
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected the baseline to be refused');
}

describe('parseBaseline', () => {
  it('reads the finding ids of an analyze --format json output, however it is laid out', () => {
    expect(ids.length).toBeGreaterThan(5);
    expect([...parseBaseline('base.json', bytes(json))]).toEqual(ids);
    const doc: unknown = JSON.parse(json);
    expect([...parseBaseline('base.json', bytes(JSON.stringify(doc)))]).toEqual(ids);
    expect([...parseBaseline('base.json', bytes(` \n${JSON.stringify(doc, null, '\t')}\r\n`))]).toEqual(ids);
  });

  it('is not misled by brackets, quotes, escapes and other scripts inside strings', () => {
    const doc = JSON.parse(json) as { findings: { message: string; subject: string }[] };
    const hostile = ['"]}, {"id": "x"', '\\"]', '[[[{{{', '𝄞 é ✓ "\\\\"', '}'];
    doc.findings.forEach((f, i) => (f.message = hostile[i % hostile.length]!));
    expect([...parseBaseline('base.json', bytes(JSON.stringify(doc, null, 2)))]).toEqual(ids);
  });

  it('takes the last of two findings keys, as JSON.parse does', () => {
    const doc = JSON.parse(json) as { findings: unknown[] };
    const text = JSON.stringify(doc).replace(/^\{/, '{"findings":[{"not":"a finding"}],');
    expect([...parseBaseline('base.json', bytes(text))]).toEqual(ids);
  });

  it('refuses what is not JSON, naming the file and how to write a baseline', () => {
    const expected = 'base.json: the baseline is not JSON; write it with "steward analyze --format json -o base.json"';
    expect(failure(json.slice(0, json.length / 2))).toBe(expected);
    expect(failure(`${json} trailing`)).toBe(expected);
    expect(failure(json.replace('"findings": [', '"findings": [,'))).toBe(expected);
    expect(failure('')).toBe(expected);
  });

  it('refuses another JSON document, naming the first problem and where it is', () => {
    const doc = JSON.parse(json) as Record<string, unknown> & { findings: Record<string, unknown>[] };
    expect(failure('[1, 2]')).toMatch(/^base\.json: not a Steward findings document \(top level: /);
    const { findings: _dropped, ...noFindings } = doc;
    expect(failure(JSON.stringify(noFindings))).toMatch(/\(findings: /);
    expect(failure(JSON.stringify({ ...doc, findings: { a: 1 } }))).toMatch(/\(findings: /);
    delete doc.findings[1]!.id;
    expect(failure(JSON.stringify(doc))).toMatch(/\(findings\.1\.id: /);
  });
});
