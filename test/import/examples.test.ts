import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { expectValidModel, ROOT } from './helpers.js';

/**
 * examples/import/ holds the models `steward import` drafts from the fixtures: what a user sees.
 * This regenerates each and compares; with UPDATE_EXAMPLES=1 it writes them instead.
 */
const update = process.env.UPDATE_EXAMPLES === '1';

const EXAMPLES: Record<string, string[]> = {
  'examples/import/mcp/model.yaml': [
    'mcp',
    'test/fixtures/import/mcp/desktop/claude_desktop_config.json',
    'test/fixtures/import/mcp/project/.mcp.json',
    'test/fixtures/import/mcp/project/.vscode/mcp.json',
  ],
  'examples/import/a2a/model.yaml': ['a2a', 'test/fixtures/import/a2a/travel-agent-card.json', 'test/fixtures/import/a2a/expense-agent-card.json'],
};

describe('examples/import (regenerate with UPDATE_EXAMPLES=1)', () => {
  it.each(Object.entries(EXAMPLES))('%s matches what steward import drafts today', async (path, argv) => {
    const r = await cli(['import', ...argv]);
    expect(r.code).toBe(0);
    expectValidModel(r.stdout);
    if (update) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), r.stdout);
    }
    expect(readFileSync(join(ROOT, path), 'utf8')).toBe(r.stdout);
  });
});
