import { describe, expect, it } from 'vitest';
import { crewaiImporter } from '../../src/import/crewai.js';
import { ImportError, type ConfigFile } from '../../src/import/draft.js';
import { fixture, ids } from './helpers.js';
import { analyzeDraft, loadDraft, specOf as entity } from './n8n-helpers.js';

const FILES = ['support_crew/config/agents.yaml', 'support_crew/config/tasks.yaml', 'support_crew/crewai-tools.yaml'].map((f) => fixture(`crewai/${f}`));
const draft = crewaiImporter.draft(FILES);

const yaml = (path: string, text: string): ConfigFile => ({ path, text });

describe('CrewAI importer: drafting the fixture crew', () => {
  it('drafts the crew as a system and each agent with its role and goal as purpose', () => {
    expect(ids(draft, 'systems')).toEqual(['support_crew']);
    expect(ids(draft, 'agents')).toEqual(['account_manager', 'researcher', 'writer']);
    expect(entity(draft, 'agents', 'researcher')).toMatchObject({
      name: 'Senior Support Researcher',
      purpose: 'Senior Support Researcher: Find the facts behind each customer question about {product}, with sources',
      system: 'support_crew',
      model: 'openai-gpt-4o',
      tools: ['scrape-website-tool', 'serper-dev-tool', 'ticket_history'],
      writes: ['research_task-output'],
      owners: { business: 'unknown-owner', operator: 'unknown-owner' },
    });
  });

  it('infers delegation to every co-worker from allow_delegation, and says so', () => {
    expect(entity(draft, 'agents', 'account_manager')).toMatchObject({ delegates_to: ['researcher', 'writer'], budget: { rate_limit: '20/min' } });
    expect(entity(draft, 'agents', 'researcher')).not.toHaveProperty('delegates_to');
    const notes = draft.entities.find((e) => e.spec.id === 'account_manager')!.notes.join(' ');
    expect(notes).toContain('inferred');
  });

  it('models task context as data written by the producing agent and read by the consumer', () => {
    expect(entity(draft, 'agents', 'writer')).toMatchObject({
      reads: ['account_task-output', 'research_task-output', 'support_crew-memory'],
      writes: ['reply_task-output', 'support_crew-memory'],
      autonomy: 'supervised',
      tools: ['file-writer-tool', 'send_email'],
    });
    // account_task says `context: []`: it reads no earlier output.
    expect(entity(draft, 'agents', 'account_manager')).toMatchObject({ reads: ['support_crew-memory'], writes: ['account_task-output', 'support_crew-memory'] });
    expect(entity(draft, 'data', 'reply_task-output')).toMatchObject({ kind: 'file-store', owner: 'unknown-owner' });
  });

  it('takes the tools bound in code from the mapping, with their data and credentials', () => {
    expect(entity(draft, 'tools', 'orders_lookup')).toMatchObject({ kind: 'database', actions: ['read'], data: ['orders'] });
    expect(entity(draft, 'credentials', 'orders_db_url')).toMatchObject({ type: 'password', storage: 'env', held_by: ['orders_lookup'] });
    expect(entity(draft, 'tools', 'send_email')).toMatchObject({ kind: 'email', actions: ['send-external'] });
  });

  it('knows the crewai_tools tools and the environment variables they read', () => {
    expect(entity(draft, 'tools', 'serper-dev-tool')).toMatchObject({ kind: 'search', actions: ['read'], inputs: ['web'] });
    expect(entity(draft, 'credentials', 'serper_api_key')).toMatchObject({ type: 'api-key', storage: 'env', held_by: ['serper-dev-tool'] });
  });

  it('warns, naming the tool, about a tool it knows nothing of', () => {
    expect(draft.warnings).toEqual([
      expect.objectContaining({ file: 'test/fixtures/import/crewai/support_crew/config/agents.yaml', line: 13, column: 7, node: 'ticket_history', message: expect.stringContaining('crewai-tools.yaml') }),
    ]);
  });

  it('gives the same draft whatever the order of the files', () => {
    expect(JSON.stringify(crewaiImporter.draft([...FILES].reverse()))).toBe(JSON.stringify(draft));
  });
});

describe('CrewAI importer: the draft is a valid model the analysis can judge', () => {
  it('loads with no diagnostics and reports the unknown owners', () => {
    loadDraft(draft);
    const report = analyzeDraft(draft);
    const subjects = (rule: string) => report.findings.filter((f) => f.ruleId === rule).map((f) => f.subject).sort();
    expect(subjects('agent-without-business-owner')).toEqual(['account_manager', 'researcher', 'writer']);
    expect(subjects('system-without-owner')).toEqual(['support_crew']);
    expect(subjects('secret-outside-secret-manager')).toEqual(['orders_db_url', 'sendgrid_api_key', 'serper_api_key']);
  });

  it('reports a credential shared by two agents of a crew', () => {
    const d = crewaiImporter.draft([
      yaml('crew/agents.yaml', 'a:\n  role: A\n  goal: g\n  tools: [notion]\nb:\n  role: B\n  goal: g\n  tools: [notion]\n'),
      yaml('crew/crewai-tools.yaml', 'tools:\n  notion: { kind: saas, actions: [read, write], credential: NOTION_TOKEN }\n'),
    ]);
    expect(entity(d, 'credentials', 'notion_token')).toMatchObject({ held_by: ['notion'] });
    expect(entity(d, 'agents', 'a')).toMatchObject({ tools: ['notion'] });
    loadDraft(d);
  });
});

describe('CrewAI importer: sequential context and bad input', () => {
  it('passes every earlier output to a task with no context, as a sequential crew does', () => {
    const d = crewaiImporter.draft([
      yaml('c/agents.yaml', 'a:\n  role: A\n  goal: g\nb:\n  role: B\n  goal: g\n'),
      yaml('c/tasks.yaml', 't1:\n  description: d\n  expected_output: e\n  agent: a\nt2:\n  description: d\n  expected_output: e\n  agent: b\n'),
    ]);
    expect(entity(d, 'agents', 'b')).toMatchObject({ reads: ['t1-output'], writes: ['t2-output'] });
    expect(entity(d, 'agents', 'a')).not.toHaveProperty('reads');
  });

  it('warns about an unknown agent or context with the task and its line', () => {
    const d = crewaiImporter.draft([
      yaml('c/agents.yaml', 'a:\n  role: A\n  goal: g\n'),
      yaml('c/tasks.yaml', 't1:\n  description: d\n  expected_output: e\n  agent: a\nt2:\n  description: d\n  expected_output: e\n  agent: ghost\n  context: [t0]\n'),
    ]);
    expect(d.warnings.map((w) => [w.node, w.line, w.message.replace(/:.*/, '')])).toEqual([
      ['t2', 5, 'task "t2" names agent "ghost", which agents.yaml does not define'],
      ['t2', 9, 'task "t2" takes the context "t0", which tasks.yaml does not define'],
    ]);
    loadDraft(d);
  });

  it('reads only the first of two agents with one name, and says so', () => {
    const d = crewaiImporter.draft([
      yaml('c/agents.yaml', 'a:\n  role: A\n  goal: g\n  tools: [SerperDevTool]\n'),
      yaml('c/more_agents.yaml', 'a:\n  role: Other\n  goal: g\n  tools: [FileWriterTool]\n'),
    ]);
    expect(entity(d, 'agents', 'a')).toMatchObject({ name: 'A', tools: ['serper-dev-tool'] });
    expect(d.warnings.map((w) => [w.file, w.node, w.message])).toEqual([['c/more_agents.yaml', 'a', 'a second agent "a" in this crew: only the first is read']]);
  });

  it('refuses a YAML file that is not a CrewAI configuration, saying what was expected', () => {
    expect(() => crewaiImporter.draft([yaml('x.yaml', 'version: 1\nagents: []\n')])).toThrow(ImportError);
    expect(() => crewaiImporter.draft([yaml('x.yaml', 'version: 1\nagents: []\n')])).toThrow(/expected agents.yaml \(agents with role, goal, backstory\)/);
  });

  it('reports a broken YAML file with its line', () => {
    try {
      crewaiImporter.draft([yaml('c/agents.yaml', 'a:\n  role: A\n  goal: [unclosed\n')]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).line).toBeGreaterThan(0);
    }
  });

  it('rejects a mapping entry with an unknown field, naming it', () => {
    expect(() =>
      crewaiImporter.draft([yaml('c/agents.yaml', 'a:\n  role: A\n  goal: g\n'), yaml('c/crewai-tools.yaml', 'tools:\n  x:\n    kind: database\n    acts: [read]\n')]),
    ).toThrow(/invalid CrewAI tools mapping at tools\.x/);
  });

  it('keeps __proto__ names harmless', () => {
    const d = crewaiImporter.draft([
      yaml('c/agents.yaml', '__proto__:\n  role: Evil\n  goal: g\nconstructor:\n  role: C\n  goal: g\nhelper:\n  role: H\n  goal: g\n  tools: [__proto__]\n'),
      yaml('c/crewai-tools.yaml', 'tools:\n  __proto__: { kind: database }\nagents:\n  __proto__: [x]\n'),
    ]);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(ids(d, 'agents')).toEqual(['helper']);
    expect(entity(d, 'agents', 'helper')).toMatchObject({ tools: ['proto'] });
    loadDraft(d);
  });

  it('detects agents, tasks and mappings by their content', () => {
    const detect = (parsed: unknown) => crewaiImporter.detect({ path: 'x.yaml', text: '' }, parsed);
    expect(detect({ researcher: { role: 'R', goal: 'G', backstory: 'B' } })).toBe(true);
    expect(detect({ t: { description: 'd', expected_output: 'e' } })).toBe(true);
    expect(detect({ tools: { x: { kind: 'api' } }, agents: { a: ['x'] } })).toBe(true);
    expect(detect({ version: 1, agents: [] })).toBe(false);
    expect(detect({ mcpServers: {} })).toBe(false);
  });
});
