import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './sub-agent-without-own-owner.js';

const owners = [{ id: 'support' }, { id: 'support-ops' }];

ruleCases(rule, {
  valid: [
    {
      name: 'sub-agent with an operator of its own',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', owners: { business: 'support' } }, { id: 'refunds', parent: 'triage', owners: { operator: 'support-ops' } }],
      },
    },
    {
      name: 'a top-level agent without owners is not a sub-agent',
      model: { version: 1, agents: [{ id: 'triage' }] },
    },
    {
      name: 'retired sub-agent',
      model: { version: 1, owners, agents: [{ id: 'triage', owners: { business: 'support' } }, { id: 'old', parent: 'triage', lifecycle: 'retired' }] },
    },
  ],
  invalid: [
    {
      name: "the parent's owners do not count",
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', owners: { business: 'support', operator: 'support-ops' } }, { id: 'refunds', parent: 'triage' }],
      },
      expect: [{ subject: 'refunds', severity: 'high' }],
    },
    {
      name: 'its own business owner has departed and a shutdown owner is no accountable owner',
      model: {
        version: 1,
        owners: [...owners, { id: 'alice', type: 'person', status: 'departed' }],
        agents: [
          { id: 'triage', owners: { business: 'support' } },
          { id: 'refunds', parent: 'triage', owners: { business: 'alice', shutdown: 'support-ops' } },
        ],
      },
      expect: [{ subject: 'refunds', severity: 'high' }],
    },
    {
      name: 'an irreversible tool raises it',
      model: {
        version: 1,
        agents: [{ id: 'triage' }, { id: 'refunds', parent: 'triage', tools: ['payments-api'] }],
        tools: [{ id: 'payments-api', reversible: false }],
      },
      expect: [{ subject: 'refunds', severity: 'critical' }],
    },
  ],
});
