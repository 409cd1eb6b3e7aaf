import { describe, it } from 'vitest';
import { expectGoldenImport } from './n8n-helpers.js';

describe('examples/import/crewai (regenerate with UPDATE_EXAMPLES=1)', () => {
  it('model.yaml matches what steward import drafts from the support crew today', async () => {
    await expectGoldenImport('examples/import/crewai/model.yaml', ['crewai', 'test/fixtures/import/crewai/support_crew']);
  });
});
