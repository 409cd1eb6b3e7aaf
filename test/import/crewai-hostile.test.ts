import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { crewaiImporter } from '../../src/import/crewai.js';
import { ImportError } from '../../src/import/draft.js';
import { loadDraft } from './n8n-helpers.js';

const KEYS = ['researcher', 'writer', '__proto__', 'constructor', 'toString', 'a'.repeat(300)];
const names = fc.oneof(fc.constantFrom(...KEYS, 'SerperDevTool', 'orders', ''), fc.integer(), fc.constant(null));
const anyField = fc.oneof(fc.string(), fc.boolean(), fc.integer(), fc.array(names, { maxLength: 4 }), fc.constant(null), names);

const agent = fc.dictionary(fc.constantFrom('role', 'goal', 'backstory', 'llm', 'tools', 'allow_delegation', 'allow_code_execution', 'code_execution_mode', 'memory', 'max_rpm'), anyField);
const task = fc.dictionary(fc.constantFrom('description', 'expected_output', 'agent', 'context', 'tools', 'human_input', 'output_file', 'async_execution'), anyField);
const mapping = fc.record(
  {
    tools: fc.dictionary(fc.constantFrom(...KEYS, 'SerperDevTool'), fc.oneof(fc.constant(null), fc.record({ kind: fc.constantFrom('database', 'api'), actions: fc.constant(['read']), data: fc.array(fc.constantFrom('orders', '__proto__'), { maxLength: 2 }), credential: fc.constantFrom('DB_URL', 'TOKEN') }, { requiredKeys: [] }))),
    agents: fc.dictionary(fc.constantFrom(...KEYS), fc.array(fc.constantFrom('SerperDevTool', 'orders', 'x'), { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

describe('CrewAI importer: any agents, tasks and mapping', () => {
  it('drafts a model that loads, or stops with an ImportError, and never pollutes prototypes', () => {
    let errors = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), agent), fc.dictionary(fc.constantFrom(...KEYS), task), mapping, (agents, tasks, tools) => {
        const files = [
          { path: 'crew/config/agents.yaml', text: stringify({ ...agents, seed: { role: 'Seed', goal: 'g' } }) },
          { path: 'crew/config/tasks.yaml', text: stringify({ ...tasks, seed_task: { description: 'd', expected_output: 'e', agent: 'seed' } }) },
          { path: 'crew/crewai-tools.yaml', text: stringify(tools) },
        ];
        try {
          loadDraft(crewaiImporter.draft(files));
        } catch (err) {
          if (!(err instanceof ImportError)) throw err;
          errors++;
        }
        expect(Object.prototype).not.toHaveProperty('role');
        expect(Object.prototype).not.toHaveProperty('kind');
      }),
      { numRuns: 200, seed: 20261129 },
    );
    // Most runs must reach the drafter, not stop at the first file.
    expect(errors).toBeLessThan(20);
  });
});
