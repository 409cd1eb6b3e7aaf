import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/draft.js';
import { detectFormat } from '../../src/import/formats.js';
import { fixture } from './helpers.js';

describe('auto: format by content', () => {
  it.each([
    ['mcp/desktop/claude_desktop_config.json', 'mcp'],
    ['mcp/project/.mcp.json', 'mcp'],
    ['mcp/project/.vscode/mcp.json', 'mcp'],
    ['mcp/continue/.continue/config.yaml', 'mcp'],
    ['a2a/travel-agent-card.json', 'a2a'],
    ['a2a/expense-agent-card.json', 'a2a'],
    ['n8n/support-agents.json', 'n8n'],
    ['crewai/support_crew/config/agents.yaml', 'crewai'],
    ['crewai/support_crew/config/tasks.yaml', 'crewai'],
  ])('%s is %s', (path, format) => {
    expect(detectFormat(fixture(path))).toBe(format);
  });

  it.each([
    ['{"name": "x", "version": 1}', /not a configuration steward import knows/],
    ['[1, 2, 3]', /not a configuration steward import knows/],
    ['{"mcpServers": {', /invalid JSON.*truncated/],
    ['', /empty/],
  ])('names the file when %j is nothing it knows', (text, message) => {
    try {
      detectFormat({ path: 'in/x.json', text });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).file).toBe('in/x.json');
      expect((err as ImportError).message).toMatch(message);
    }
  });

  it('refuses a file two importers claim', () => {
    const both = JSON.stringify({ mcpServers: {}, name: 'x', url: 'https://a.example', skills: [] });
    expect(() => detectFormat({ path: 'both.json', text: both })).toThrow(/could be any of mcp, a2a/);
  });

  it('gives the line and column of a YAML syntax error', () => {
    try {
      detectFormat({ path: 'agents.yaml', text: 'researcher:\n  role: [unclosed\n' });
      expect.unreachable();
    } catch (err) {
      expect((err as ImportError).line).toBeGreaterThan(0);
      expect((err as ImportError).column).toBeGreaterThan(0);
    }
  });
});
