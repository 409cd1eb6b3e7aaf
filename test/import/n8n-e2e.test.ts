import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const N8N = ['support-agents.json', 'order-lookup.json', 'inbox-triage.json'].map((f) => `test/fixtures/import/n8n/${f}`);

/** Imports, writes the model where validate and analyze can read it, and returns its path and text. */
async function importToDisk(argv: string[]): Promise<{ path: string; text: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-import-'));
  const path = join(dir, 'model.yaml');
  const run = await cli([...argv, '-o', path]);
  expect(run.code, run.stderr).toBe(0);
  const text = run.files.get(path)!;
  writeFileSync(path, text);
  return { path, text, stderr: run.stderr };
}

describe('steward import n8n, then validate and analyze', () => {
  it('drafts a model that validates, and reports the shared credential and the unknown owners', async () => {
    const { path, text, stderr } = await importToDisk(['import', 'n8n', ...N8N]);
    expect(stderr).toContain('inbox-triage.json:100:5');
    expect(stderr).toContain('node "CRM Contact Lookup" has the unknown type @acme/n8n-nodes-crm.crmContactTool');
    expect(text).not.toContain('a8F3kL9pQ2vX7mZ4nB6cR1tY5wE0uI3o');

    const validate = await cli(['validate', path]);
    expect(validate.code, validate.stderr + validate.stdout).toBe(0);

    const analyze = await cli(['analyze', path, '--format', 'json', '--as-of', '2026-11-29']);
    const findings = (JSON.parse(analyze.stdout) as { findings: { ruleId: string; subject: string }[] }).findings;
    const subjects = (rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => f.subject).sort();
    expect(subjects('credential-shared-between-agents')).toEqual(['openai-account']);
    expect(subjects('agent-without-business-owner')).toEqual(['mcp-server-trigger-clients', 'order-analyst', 'support-agent', 'triage-agent']);
    expect(subjects('secret-outside-secret-manager')).toEqual(['notify-team-token', 'notify-team-x-api-key']);
  });

  it('finds the paths from the public chat agent through its sub-agent and through the shared credential', async () => {
    const { path } = await importToDisk(['import', 'n8n', ...N8N]);
    const run = await cli(['paths', path, '--from', 'support-agent', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const ids = (JSON.parse(run.stdout) as { paths: { id: string }[] }).paths.map((p) => p.id);
    expect(ids).toContain('support-agent>billing-agent>refund-api');
    expect(ids).toContain('support-agent>openai-account>billing-agent>refund-api');
    expect(ids).toContain('support-agent>openai-account>triage-agent>reply-by-gmail');
  });

  it('tells n8n exports apart by content with auto', async () => {
    const auto = await cli(['import', 'auto', ...N8N]);
    const named = await cli(['import', 'n8n', ...N8N]);
    expect(auto.code).toBe(0);
    expect(auto.stdout).toBe(named.stdout);
  });

  it('stops with exit 2 and the line and column of truncated JSON', async () => {
    const run = await cli(['import', 'n8n', 'test/fixtures/import/n8n/truncated.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^test\/fixtures\/import\/n8n\/truncated\.json:\d+:\d+: invalid JSON/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
