import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../bench/synthetic.js';

const bin = join(import.meta.dirname, '../../bin/steward.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'steward-pipe-'));
  // Megabytes of findings: far more than a pipe holds, so that writes go on after the reader left.
  writeFileSync(join(dir, 'estate.json'), JSON.stringify(generateModel({ nodes: 3000, seed: 7 })));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as `steward … | head -c 1` would: the reader closes after the first bytes. */
function readFirstBytesOnly(args: string[]): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let read = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      read = d.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describe('stdout closed by its reader (steward … | head)', () => {
  it('ends with the command’s own exit code and no stack trace', async () => {
    const plain = await readFirstBytesOnly(['analyze', 'estate.json', '--as-of', '2026-11-28']);
    expect(plain.read).toBeGreaterThan(0);
    expect(plain.stderr).toBe('');
    expect(plain.code).toBe(0);
    const failing = await readFirstBytesOnly(['analyze', 'estate.json', '--as-of', '2026-11-28', '--format', 'json', '--fail-on', 'high']);
    expect(failing.stderr).toBe('');
    expect(failing.code).toBe(1);
  }, 60_000);
});

describe('an output that cannot be written', () => {
  const steward = (args: string[], stdout: 'pipe' | number = 'pipe') =>
    spawnSync(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', timeout: 60_000 });

  it('names the file and the reason, exit 2, no stack trace', () => {
    const missing = steward(['analyze', 'estate.json', '--as-of', '2026-11-28', '-o', 'no-such-folder/out.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("steward: cannot write no-such-folder/out.txt: ENOENT: no such file or directory, open '" + join(dir, 'no-such-folder/out.txt') + "'\n");
  });

  it.runIf(existsSync('/dev/full'))('reports a full disk, for -o and for stdout redirected to it', () => {
    const file = steward(['analyze', 'estate.json', '--as-of', '2026-11-28', '--format', 'json', '-o', '/dev/full']);
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('steward: cannot write /dev/full: ENOSPC: no space left on device, write\n');
    const fd = openSync('/dev/full', 'w');
    try {
      const redirected = steward(['analyze', 'estate.json', '--as-of', '2026-11-28'], fd);
      expect(redirected.status).toBe(2);
      expect(redirected.stderr).toBe('steward: cannot write to stdout: ENOSPC: no space left on device, write\n');
    } finally {
      closeSync(fd);
    }
  }, 60_000);
});

