import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processIO } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';
import { AS_OF, exported } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'steward-export-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('steward export', () => {
  it('reports an invalid model as file:line:col and exits 2, without a stack trace', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'version: 1\nagents:\n  - id: a\n    tols: [x]\n');
    const r = await cli(['export', file, '--format', 'graphml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:4:5: unknown key "tols"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exports a model with no relations in every format', async () => {
    const file = join(dir, 'lonely.yaml');
    writeFileSync(file, 'version: 1\nowners:\n  - { id: solo, kind: product }\n');
    const og = JSON.parse(await exported('opengraph', [file]));
    expect(og.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['solo']);
    expect(og.graph.edges).toEqual([]);
    expect(await exported('graphml', [file])).toContain('<node id="solo">');
    expect(await exported('cypher', [file])).toContain("MERGE (n:StewardNode {id: row.id})\nSET n = row.props, n:Owner;");
  });

  it('requires a known --format', async () => {
    const missing = await cli(['export', 'models/support-desk']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--format');
    const unknown = await cli(['export', 'models/support-desk', '--format', 'dot']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('opengraph, cypher, graphml');
  });

  it('writes to -o instead of stdout, the same bytes', async () => {
    const r = await cli(['export', 'models/support-desk', '--format', 'cypher', '--as-of', AS_OF, '-o', 'out.cypher']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('wrote out.cypher\n');
    expect(r.files.get('out.cypher')).toBe(await exported('cypher', ['models/support-desk']));
  });

  it('streams to a file chunk by chunk through the process writer', () => {
    const file = join(dir, 'streamed.txt');
    let pulled = 0;
    function* chunks() {
      for (let i = 0; i < 5; i++) {
        pulled++;
        yield `chunk ${i}\n`;
      }
    }
    processIO().writeChunks!(file, chunks());
    expect(pulled).toBe(5);
    expect(readFileSync(file, 'utf8')).toBe('chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n');
  });
});
