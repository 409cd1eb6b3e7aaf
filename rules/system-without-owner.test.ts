import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './system-without-owner.js';

ruleCases(rule, {
  valid: [
    {
      name: 'system with an active business owner',
      model: {
        version: 1,
        owners: [{ id: 'support' }],
        system: { id: 'desk', owners: { business: 'support' } },
        agents: [{ id: 'triage' }, { id: 'refunds' }],
      },
    },
    {
      name: 'system whose agents are all retired',
      model: { version: 1, system: { id: 'desk' }, agents: [{ id: 'old', lifecycle: 'retired' }] },
    },
    {
      name: 'system with no agents',
      model: {
        version: 1,
        owners: [{ id: 'o' }],
        systems: [{ id: 'desk' }, { id: 'other', owners: { business: 'o' } }],
        agents: [{ id: 'triage', system: 'other' }],
      },
    },
  ],
  invalid: [
    {
      name: 'agents but no system owner',
      model: { version: 1, system: { id: 'desk' }, agents: [{ id: 'triage' }, { id: 'refunds' }] },
      expect: [{ subject: 'desk', severity: 'high' }],
    },
    {
      name: 'only an operator, and the business owner departed',
      model: {
        version: 1,
        owners: [{ id: 'ops' }, { id: 'alice', type: 'person', status: 'departed' }],
        system: { id: 'desk', owners: { business: 'alice', operator: 'ops' } },
        agents: [{ id: 'triage' }],
      },
      expect: [{ subject: 'desk', severity: 'high' }],
    },
    {
      name: 'regulated system is raised',
      model: { version: 1, system: { id: 'payments', regulated: true }, agents: [{ id: 'refunds' }] },
      expect: [{ subject: 'payments', severity: 'critical' }],
    },
    {
      name: 'an externally exposed agent raises it',
      model: { version: 1, system: { id: 'desk' }, agents: [{ id: 'triage', exposure: 'external' }, { id: 'refunds' }] },
      expect: [{ subject: 'desk', severity: 'critical' }],
    },
  ],
});
