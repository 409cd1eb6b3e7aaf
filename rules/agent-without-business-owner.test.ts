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
    {
      name: 'one departed co-owner beside an active one',
      model: {
        version: 1,
        owners: [{ id: 'alice', type: 'person', status: 'departed' }, { id: 'support' }],
        agents: [{ id: 'triage', owners: { business: ['alice', 'support'] } }],
      },
    },
    {
      name: 'sub-agent with no owner of its own is left to sub-agent-without-own-owner',
      model: {
        version: 1,
        owners: [{ id: 'support' }],
        agents: [{ id: 'triage', owners: { business: 'support' } }, { id: 'refunds', parent: 'triage' }],
      },
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
    {
      name: 'sub-agent with an operator of its own but no business owner',
      model: {
        version: 1,
        owners: [{ id: 'support' }, { id: 'support-ops' }],
        agents: [
          { id: 'triage', owners: { business: 'support' } },
          { id: 'refunds', parent: 'triage', owners: { operator: 'support-ops' } },
        ],
      },
      expect: [{ subject: 'refunds', severity: 'high' }],
    },
  ],
});
