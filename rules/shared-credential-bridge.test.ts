import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './shared-credential-bridge.js';

ruleCases(rule, {
  valid: [
    {
      name: 'no holder is reachable from an entry point',
      model: {
        version: 1,
        agents: [
          { id: 'a', credential: 'key' },
          { id: 'b', credential: 'key', tools: ['pay'] },
        ],
        tools: [{ id: 'pay', actions: ['pay'] }],
        credentials: [{ id: 'key', type: 'api-key' }],
      },
    },
    {
      name: 'the other holder opens nothing beyond the credential',
      model: {
        version: 1,
        agents: [
          { id: 'front', exposure: 'external', credential: 'key' },
          { id: 'back', credential: 'key', tools: ['lookup'] },
        ],
        tools: [{ id: 'lookup', actions: ['read'] }],
        credentials: [{ id: 'key', type: 'api-key' }],
      },
    },
    {
      name: 'one holder only',
      model: {
        version: 1,
        agents: [{ id: 'front', exposure: 'external', credential: 'key', tools: ['pay'] }],
        tools: [{ id: 'pay', actions: ['pay'] }],
        credentials: [{ id: 'key', type: 'api-key' }],
      },
    },
  ],
  invalid: [
    {
      name: 'an external agent passes as a back-office agent that can pay',
      model: {
        version: 1,
        agents: [
          { id: 'front', exposure: 'external', credential: 'key' },
          { id: 'back', credential: 'key', tools: ['pay'] },
        ],
        tools: [{ id: 'pay', actions: ['pay'] }],
        credentials: [{ id: 'key', type: 'api-key' }],
      },
      expect: [{ subject: 'key', severity: 'critical' }],
    },
    {
      name: 'a holder one delegation from the entry bridges into an admin credential',
      model: {
        version: 1,
        agents: [
          { id: 'front', exposure: 'external', delegates_to: ['helper'] },
          { id: 'helper', credential: 'shared' },
          { id: 'ops', credentials: ['shared', 'root'] },
        ],
        credentials: [
          { id: 'shared', type: 'api-key' },
          { id: 'root', type: 'api-key', grants: [{ data: 'vault', access: 'admin' }] },
        ],
        data: [{ id: 'vault', classification: 'internal' }],
      },
      expect: [{ subject: 'shared', severity: 'high' }],
    },
  ],
});
