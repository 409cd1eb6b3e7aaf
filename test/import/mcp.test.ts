import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/draft.js';
import { emitModel } from '../../src/import/emit.js';
import { mcpImporter } from '../../src/import/mcp.js';
import { entity, expectValidModel, fixture, ids } from './helpers.js';

const desktop = fixture('mcp/desktop/claude_desktop_config.json');
const project = fixture('mcp/project/.mcp.json');
const vscode = fixture('mcp/project/.vscode/mcp.json');

describe('mcp importer: Claude Desktop', () => {
  const draft = mcpImporter.draft([desktop]);

  it('drafts one agent named after the client, with one tool per server that has a known shape', () => {
    expect(ids(draft, 'agents')).toEqual(['claude-desktop']);
    expect(entity(draft, 'agents', 'claude-desktop').spec.tools).toEqual(['fetch', 'filesystem', 'github', 'github-issues-triage', 'postgres', 'slack', 'sqlite']);
    expect(entity(draft, 'agents', 'claude-desktop').spec.owners).toEqual({ business: 'unknown-owner', operator: 'unknown-owner' });
  });

  it('shares one credential between two servers that take the same variable', () => {
    const token = entity(draft, 'credentials', 'github_personal_access_token');
    expect(token.spec).toMatchObject({ name: 'GITHUB_PERSONAL_ACCESS_TOKEN', type: 'api-key', storage: 'env', owner: 'unknown-owner', held_by: ['github', 'github-issues-triage'] });
    expect(token.spec.ttl).toBeUndefined();
  });

  it('reports a literal secret, keeps it out of the model, and marks its storage', () => {
    const slack = entity(draft, 'credentials', 'slack_bot_token');
    expect(slack.spec).toMatchObject({ storage: 'config-file', held_by: ['slack'] });
    const w = draft.warnings.find((x) => x.node === 'slack')!;
    expect(w).toMatchObject({ file: desktop.path, line: 30, column: 5 });
    expect(w.message).toContain('SLACK_BOT_TOKEN');
    const text = emitModel(draft, { sources: [desktop.path] });
    for (const secret of ['xoxb-2047110956', 'Vq8rLm3xTz']) {
      expect(text).not.toContain(secret);
      expect(JSON.stringify(draft)).not.toContain(secret);
    }
  });

  it('finds a password in a connection URL argument', () => {
    expect(entity(draft, 'credentials', 'postgres-connection-url').spec).toMatchObject({ type: 'password', storage: 'config-file', held_by: ['postgres'] });
    expect(draft.warnings.some((w) => w.node === 'postgres' && /argument 3/.test(w.message))).toBe(true);
  });

  it('marks unpinned packages and images third party with no version, and keeps pinned ones', () => {
    expect(entity(draft, 'tools', 'filesystem').spec).toMatchObject({ third_party: true, source: { package: '@modelcontextprotocol/server-filesystem' } });
    expect(entity(draft, 'tools', 'filesystem').spec.source?.version).toBeUndefined();
    expect(entity(draft, 'tools', 'slack').spec.source).toEqual({ package: '@modelcontextprotocol/server-slack' });
    expect(entity(draft, 'tools', 'slack').notes.join(' ')).toContain('"latest"');
    expect(entity(draft, 'tools', 'sqlite').spec.source).toEqual({ package: 'mcp/sqlite' });
    expect(entity(draft, 'tools', 'github').spec.source).toEqual({ package: 'ghcr.io/github/github-mcp-server', version: 'v0.9.1' });
    expect(entity(draft, 'tools', 'github-issues-triage').spec.source).toEqual({ package: '@acme/issues-triage-mcp', version: '1.4.2' });
  });

  it('infers facts from well-known packages, and says so', () => {
    expect(entity(draft, 'tools', 'fetch').spec).toMatchObject({ actions: ['browse', 'read'], inputs: ['web'] });
    expect(entity(draft, 'tools', 'fetch').notes.join(' ')).toMatch(/Inferred from the name "mcp-server-fetch"/);
    expect(entity(draft, 'tools', 'slack').spec.actions).toContain('send-external');
    expect(entity(draft, 'tools', 'filesystem').spec.data).toEqual([{ data: 'filesystem-files', access: 'write' }]);
    expect(entity(draft, 'data', 'filesystem-files').spec).toMatchObject({ kind: 'file-store', classification: 'confidential', owner: 'unknown-owner' });
    expect(entity(draft, 'tools', 'github-issues-triage').spec.actions).toBeUndefined();
  });

  it('keeps docker host bind mounts as a file store the container reaches', () => {
    expect(entity(draft, 'tools', 'sqlite').spec.data).toContainEqual({ data: 'sqlite-host-files', access: 'write' });
    expect(entity(draft, 'data', 'sqlite-host-files').notes[0]).toBe('Bind mounts: /Users/alex/data -> /mcp, /Users/alex/exports -> /exports (read-only).');
  });

  it('warns about a server of unknown shape, naming it, and goes on', () => {
    const w = draft.warnings.find((x) => x.node === 'notes')!;
    expect(w.message).toMatch(/neither a "command".*nor a "url"/);
    expect(w.line).toBe(51);
    expect(ids(draft, 'tools')).not.toContain('notes');
  });
});

describe('mcp importer: remote servers and VS Code', () => {
  const draft = mcpImporter.draft([vscode, project]);

  it('names each client after its project folder', () => {
    expect(ids(draft, 'agents')).toEqual(['claude-code-project', 'vs-code-project']);
  });

  it('keeps remote transport and URL, plain http as a fact', () => {
    const search = entity(draft, 'tools', 'internal-search');
    expect(search.spec).toMatchObject({ transport: 'http', url: 'http://search.corp.example:8080/sse', third_party: true });
    expect(search.notes.join(' ')).toContain('Plain http://');
    expect(entity(draft, 'tools', 'sentry').spec).toMatchObject({ transport: 'https', url: 'https://mcp.sentry.dev/mcp', vendor: 'mcp.sentry.dev' });
  });

  it('names a header secret after the variable it references', () => {
    expect(entity(draft, 'credentials', 'search_api_token').spec).toMatchObject({ storage: 'env', held_by: ['internal-search'] });
    expect(entity(draft, 'credentials', 'tools_api_key').spec).toMatchObject({ storage: 'env', held_by: ['local-tools'] });
  });

  it('treats VS Code password inputs as prompted secrets, not literal ones', () => {
    expect(entity(draft, 'credentials', 'github_token').spec).toMatchObject({ storage: 'unknown', held_by: ['github'] });
    expect(entity(draft, 'credentials', 'perplexity-key').spec).toMatchObject({ storage: 'unknown', held_by: ['perplexity'] });
    expect(draft.warnings.filter((w) => /written out/.test(w.message))).toEqual([]);
  });

  it('leaves local commands unjudged: not third party', () => {
    expect(entity(draft, 'tools', 'local-tools').spec.third_party).toBeUndefined();
  });

  it('notes an envFile it cannot see into', () => {
    expect(entity(draft, 'tools', 'memory').notes.join(' ')).toContain('${workspaceFolder}/.env');
  });
});

describe('mcp importer: output', () => {
  it('emits a valid model, the same bytes whatever the file order', () => {
    const a = emitModel(mcpImporter.draft([desktop, project, vscode]), { sources: [desktop.path, project.path, vscode.path] });
    const b = emitModel(mcpImporter.draft([vscode, desktop, project]), { sources: [vscode.path, project.path, desktop.path] });
    expect(a).toBe(b);
    expectValidModel(a);
  });
});

describe('mcp importer: bad input', () => {
  it('rejects truncated JSON with the line and column', () => {
    const text = desktop.text.slice(0, 200);
    try {
      mcpImporter.draft([{ path: 'cut.json', text }]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      const e = err as ImportError;
      expect(e.file).toBe('cut.json');
      expect(e.line).toBeGreaterThan(1);
      expect(e.column).toBeGreaterThan(0);
      expect(e.message).toMatch(/invalid JSON/);
    }
  });

  it('rejects a file of another format', () => {
    expect(() => mcpImporter.draft([fixture('a2a/travel-agent-card.json')])).toThrow(/not an MCP client configuration/);
  });

  it('ignores __proto__ keys and never pollutes prototypes', () => {
    const text = '{"mcpServers": {"__proto__": {"command": "npx", "args": ["evil"]}, "ok": {"command": "npx", "args": ["-y", "x@1.0.0"], "env": {"__proto__": "1", "constructor": "2"}}}}';
    const draft = mcpImporter.draft([{ path: 'p.json', text }]);
    expect(ids(draft, 'tools')).toEqual(['ok']);
    expect(({} as Record<string, unknown>).command).toBeUndefined();
    expectValidModel(emitModel(draft, { sources: ['p.json'] }));
  });

  it('accepts JSONC: comments and trailing commas', () => {
    const draft = mcpImporter.draft([vscode]);
    expect(ids(draft, 'tools')).toEqual(['github', 'memory', 'perplexity']);
  });
});

describe('mcp importer: Continue and secrets in URLs', () => {
  it('reads Continue\'s list of named servers from YAML, with ${{ secrets.X }} references', () => {
    const draft = mcpImporter.draft([fixture('mcp/continue/.continue/config.yaml')]);
    expect(ids(draft, 'agents')).toEqual(['continue']);
    expect(ids(draft, 'tools')).toEqual(['brave-search', 'server-3', 'team-db']);
    expect(entity(draft, 'tools', 'team-db').spec.source).toEqual({ package: 'mcp-server-sqlite', version: '2025.4.25' });
    expect(entity(draft, 'credentials', 'brave_api_key').spec).toMatchObject({ storage: 'env', held_by: ['brave-search'] });
    expect(draft.warnings).toEqual([]);
  });

  it('redacts a secret in a remote URL and drafts it as a credential', () => {
    const text = JSON.stringify({ mcpServers: { remote: { url: 'https://mcp.example.com/sse?api_key=Q9x8W7v6U5t4S3r2P1o0&region=eu' } } });
    const draft = mcpImporter.draft([{ path: 'r.json', text }]);
    expect(entity(draft, 'tools', 'remote').spec.url).toBe('https://mcp.example.com/sse?api_key=REDACTED&region=eu');
    expect(entity(draft, 'credentials', 'remote-api_key').spec).toMatchObject({ storage: 'config-file', held_by: ['remote'] });
    expect(draft.warnings[0]!.message).toContain('query parameter "api_key"');
    expect(JSON.stringify(draft)).not.toContain('Q9x8W7v6U5t4S3r2P1o0');
  });
});
