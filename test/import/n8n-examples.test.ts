import { describe, it } from 'vitest';
import { expectGoldenImport } from './n8n-helpers.js';

describe('examples/import/n8n (regenerate with UPDATE_EXAMPLES=1)', () => {
  it('model.yaml matches what steward import drafts from the three workflows today', async () => {
    await expectGoldenImport('examples/import/n8n/model.yaml', [
      'n8n',
      'test/fixtures/import/n8n/support-agents.json',
      'test/fixtures/import/n8n/order-lookup.json',
      'test/fixtures/import/n8n/inbox-triage.json',
    ]);
  });
});
