import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './external-agent-without-tested-shutdown.js';

const owners = [{ id: 'support' }, { id: 'support-ops' }];
const tested = { mechanism: 'feature-flag', owner: 'support-ops', tested: '2026-10-02' };

ruleCases(rule, {
  valid: [
    {
      name: 'owned, tested within 90 days, with a business owner',
      model: { version: 1, owners, agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' }, shutdown: tested }] },
    },
    {
      name: 'tested within a custom cadence',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' }, shutdown: { ...tested, every: '30d', tested: '2026-10-15' } }],
      },
    },
    {
      name: 'a planned agent needs mechanism and owner, not yet a test',
      model: {
        version: 1,
        owners,
        agents: [
          { id: 'triage', exposure: 'external', lifecycle: 'planned', owners: { business: 'support', shutdown: 'support-ops' }, shutdown: { mechanism: 'flag' } },
        ],
      },
    },
    {
      name: 'internal and suspended agents are not in scope',
      model: { version: 1, agents: [{ id: 'indexer', autonomy: 'autonomous' }, { id: 'paused', exposure: 'external', lifecycle: 'suspended' }] },
    },
  ],
  invalid: [
    {
      name: 'no shutdown at all',
      model: { version: 1, owners, agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' } }] },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'last test older than the default 90 days',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' }, shutdown: { ...tested, tested: '2026-06-01' } }],
      },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'last test older than a custom weekly cadence',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' }, shutdown: { ...tested, every: '7d', tested: '2026-10-15' } }],
      },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'no business owner to review customer impact raises it',
      model: { version: 1, owners, agents: [{ id: 'triage', exposure: 'external', shutdown: { mechanism: 'flag', tested: '2026-10-02' } }] },
      expect: [{ subject: 'triage', severity: 'critical' }],
    },
    {
      name: 'an irreversible tool raises it',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', owners: { business: 'support' }, tools: ['refund'] }],
        tools: [{ id: 'refund', actions: ['pay'] }],
      },
      expect: [{ subject: 'triage', severity: 'critical' }],
    },
    {
      name: 'a planned agent with no mechanism',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', lifecycle: 'planned', owners: { business: 'support', shutdown: 'support-ops' } }],
      },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
  ],
});
