import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const DESKTOP = 'test/fixtures/import/mcp/desktop/claude_desktop_config.json';
const PROJECT = 'test/fixtures/import/mcp/project/.mcp.json';
const VSCODE = 'test/fixtures/import/mcp/project/.vscode/mcp.json';
const TRAVEL = 'test/fixtures/import/a2a/travel-agent-card.json';

const tmp = mkdtempSync(join(tmpdir(), 'steward-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(stderr).not.toContain('internal error');
}

describe('steward import', () => {
  it('prints the drafted model, and warnings as file:line:col: warning: ... (node X)', async () => {
    const r = await cli(['import', 'mcp', DESKTOP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Drafted by `steward import` from test\/fixtures\/import\/mcp\/desktop\/claude_desktop_config.json\./);
    expect(r.stderr.split('\n')).toContain(
      `${DESKTOP}:51:5: warning: the server has neither a "command" (stdio) nor a "url" (remote): skipped, since its shape is unknown (node notes)`,
    );
    expect(r.stdout + r.stderr).not.toContain('xoxb-');
  });

  it('is byte-identical whatever the order of the files', async () => {
    const a = await cli(['import', 'auto', DESKTOP, PROJECT, VSCODE, TRAVEL]);
    const b = await cli(['import', 'auto', TRAVEL, VSCODE, DESKTOP, PROJECT]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toBe(a.stderr);
  });

  it('end to end: the drafted model validates, and analyze reports the trifecta and the unknown owners', async () => {
    const drafted = await cli(['import', 'auto', DESKTOP, PROJECT, VSCODE, TRAVEL]);
    const file = join(tmp, 'model.yaml');
    writeFileSync(file, drafted.stdout);
    const validate = await cli(['validate', file]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const analyze = await cli(['analyze', file, '--format', 'json']);
    const ids = new Set((JSON.parse(analyze.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id));
    for (const id of [
      'untrusted-input-with-sensitive-data-and-egress@claude-desktop',
      'agent-without-business-owner@claude-desktop',
      'agent-without-business-owner@travel-booking-agent',
      'agent-without-runtime-operator@claude-code-project',
      'credential-without-owner@github_personal_access_token',
      'static-credential@github_personal_access_token',
      'unpinned-third-party-tool@filesystem',
      'secret-outside-secret-manager@slack_bot_token',
    ]) {
      expect(ids, id).toContain(id);
    }
    const findings = (JSON.parse(analyze.stdout) as { findings: { id: string; message: string }[] }).findings;
    // A pinned package is still reported for its missing digest and signature, not for its version.
    expect(findings.find((f) => f.id === 'unpinned-third-party-tool@github-issues-triage')!.message).not.toContain('no version');
    expect(findings.find((f) => f.id === 'unpinned-third-party-tool@filesystem')!.message).toContain('no version');
    const paths = await cli(['paths', file, '--format', 'json']);
    expect(paths.code).toBe(0);
    expect(paths.stdout).toContain('claude-desktop');
  });

  it('writes -o, refuses to overwrite without --force, replaces with it', async () => {
    const first = await cli(['import', 'mcp', DESKTOP, '-o', 'out/model.yaml']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.files.get('out/model.yaml')).toMatch(/^# Drafted by/);
    const existing = { 'out/model.yaml': 'version: 1\n' };
    const refused = await cli(['import', 'mcp', DESKTOP, '-o', 'out/model.yaml'], undefined, existing);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('out/model.yaml exists: pass --merge');
    expect(refused.files.get('out/model.yaml')).toBe('version: 1\n');
    const forced = await cli(['import', 'mcp', DESKTOP, '-o', 'out/model.yaml', '--force'], undefined, existing);
    expect(forced.code).toBe(0);
    expect(forced.files.get('out/model.yaml')).toBe(first.files.get('out/model.yaml'));
  });

  it('--merge adds to an existing model and keeps what the user wrote', async () => {
    const mine = '# mine\nversion: 1\nagents:\n  - id: claude-desktop   # my note\n    name: Mine\n';
    const r = await cli(['import', 'mcp', DESKTOP, '-o', 'm.yaml', '--merge'], undefined, { 'm.yaml': mine });
    expect(r.code).toBe(0);
    const merged = r.files.get('m.yaml')!;
    expect(merged.startsWith(mine)).toBe(true);
    expect(merged).toContain('- id: filesystem');
    expect(r.stderr).toContain('kept yours for 1 id (claude-desktop)');
  });

  it('--merge into a file that does not exist yet writes a fresh draft', async () => {
    const r = await cli(['import', 'mcp', DESKTOP, '-o', 'new.yaml', '--merge']);
    expect(r.code).toBe(0);
    expect(r.files.get('new.yaml')).toMatch(/^# Drafted by/);
  });

  it.each([
    [['import', 'a2a', DESKTOP], `${DESKTOP}:1:1: not an A2A Agent Card`],
    [['import', 'auto', 'package.json'], 'package.json: not a configuration steward import knows'],
    [['import', 'n8n', 'test/fixtures/import/n8n/truncated.json'], 'test/fixtures/import/n8n/truncated.json:'],
    [['import', 'mcp', 'no/such.json'], 'no/such.json: no such file or folder'],
    [['import', 'mcp', DESKTOP, '--max-file-size', '0.001'], 'over the limit'],
    [['import', 'mcp', DESKTOP, '--force'], '--force needs -o <file>'],
    [['import', 'mcp', DESKTOP, '-o', 'x.yaml', '--force', '--merge'], 'exclude each other'],
    [['import', 'yaml', DESKTOP], "'yaml' is invalid for argument 'format'"],
  ])('exits 2 with a clear message: %j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    noStack(r.stderr);
  });

  it('prints names from the configuration without terminal escapes', async () => {
    const file = join(tmp, 'esc.json');
    writeFileSync(file, JSON.stringify({ mcpServers: { '\u001b[31mred': { note: 'no command' } } }));
    const r = await cli(['import', 'mcp', file], tmp);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('(node \uFFFD[31mred)');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('reads a truncated MCP file as an error at its line and column', async () => {
    const file = join(tmp, 'cut.json');
    writeFileSync(file, '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["-y",');
    const r = await cli(['import', 'mcp', file], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cut\.json:3:\d+: invalid JSON: .*truncated/);
  });
});
