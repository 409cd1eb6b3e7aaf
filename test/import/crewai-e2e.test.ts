import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const CREW = 'test/fixtures/import/crewai/support_crew';

describe('steward import crewai, then validate, analyze and paths', () => {
  it('drafts a model from the crew folder that validates and shows the poisoned task context', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-import-'));
    const path = join(dir, 'model.yaml');
    const imported = await cli(['import', 'crewai', CREW, '-o', path]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('tool "ticket_history" is neither a crewai_tools tool nor described in a tools mapping');
    writeFileSync(path, imported.files.get(path)!);

    const validate = await cli(['validate', path]);
    expect(validate.code, validate.stderr + validate.stdout).toBe(0);

    const analyze = await cli(['analyze', path, '--format', 'json']);
    const findings = (JSON.parse(analyze.stdout) as { findings: { ruleId: string; subject: string }[] }).findings;
    const subjects = (rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => f.subject).sort();
    expect(subjects('agent-without-business-owner')).toEqual(['account_manager', 'researcher', 'writer']);
    expect(subjects('system-without-owner')).toEqual(['support_crew']);

    const paths = await cli(['paths', path, '--format', 'json']);
    const ids = (JSON.parse(paths.stdout) as { paths: { id: string }[] }).paths.map((p) => p.id);
    // Web content the researcher reads reaches the writer through the research task's output, and leaves by email.
    expect(ids).toContain('serper-dev-tool*>researcher>research_task-output*>writer>send_email');
  });

  it('tells CrewAI files apart by content with auto, the tools mapping included', async () => {
    const auto = await cli(['import', 'auto', CREW]);
    const named = await cli(['import', 'crewai', CREW]);
    expect(auto.code).toBe(0);
    expect(auto.stdout).toBe(named.stdout);
    expect(auto.stdout).toContain('id: orders_lookup');
  });
});
