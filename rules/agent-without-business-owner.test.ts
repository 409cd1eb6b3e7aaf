import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './agent-without-business-owner.js';

ruleCases(rule, {
  valid: [
    {
      name: 'agent with an active business owner',
      model: { version: 1, owners: [{ id: 'support' }], agents: [{ id: 'triage', owners: { business: 'support' } }] },
    },
    {
      name: 'retired agent needs none',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired' }] },
    },
  ],
  invalid: [
    {
      name: 'no owners at all',
      model: { version: 1, agents: [{ id: 'triage' }] },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'only an operator',
      model: { version: 1, owners: [{ id: 'ops' }], agents: [{ id: 'triage', owners: { operator: 'ops' } }] },
      expect: [{ subject: 'triage' }],
    },
    {
      name: 'business owner departed, external agent raised',
      model: {
        version: 1,
        owners: [{ id: 'alice', type: 'person', status: 'departed' }],
        agents: [{ id: 'triage', exposure: 'external', owners: { business: 'alice' } }],
      },
      expect: [{ subject: 'triage', severity: 'critical' }],
    },
  ],
});
