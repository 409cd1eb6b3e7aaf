import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './confused-deputy-delegation.js';

const credentials = [{ id: 'root', type: 'api-key' as const, grants: [{ data: 'vault', access: 'admin' as const }] }];
const data = [{ id: 'vault', classification: 'restricted' as const }];

ruleCases(rule, {
  valid: [
    {
      name: 'the caller’s principal is propagated',
      model: {
        version: 1,
        agents: [
          { id: 'front', exposure: 'external', delegates_to: [{ agent: 'admin', on_behalf_of: true }] },
          { id: 'admin', credential: 'root' },
        ],
        credentials,
        data,
      },
    },
    {
      name: 'the callee can do nothing the caller cannot',
      model: {
        version: 1,
        agents: [
          { id: 'front', exposure: 'external', credential: 'root', delegates_to: ['admin'] },
          { id: 'admin', credential: 'root' },
        ],
        credentials,
        data,
      },
    },
  ],
  invalid: [
    {
      name: 'an external agent borrows an admin credential through delegation',
      model: {
        version: 1,
        agents: [
          { id: 'front', exposure: 'external', delegates_to: ['admin'] },
          { id: 'admin', credential: 'root' },
        ],
        credentials,
        data,
      },
      expect: [{ subject: 'admin', key: 'front', severity: 'critical' }],
    },
    {
      name: 'an internal caller delegates to an agent that can pay',
      model: {
        version: 1,
        agents: [
          { id: 'planner', delegates_to: ['payer'] },
          { id: 'payer', tools: ['pay'] },
        ],
        tools: [{ id: 'pay', actions: ['pay'] }],
      },
      expect: [{ subject: 'payer', key: 'planner', severity: 'high' }],
    },
  ],
});
