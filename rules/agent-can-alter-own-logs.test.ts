import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './agent-can-alter-own-logs.js';

ruleCases(rule, {
  valid: [
    {
      name: 'sink the agent cannot write',
      model: { version: 1, agents: [{ id: 'a', logging: { sink: 'siem' }, reads: ['siem'] }], data: [{ id: 'siem', kind: 'log' }] },
    },
    {
      name: 'agent writes another store, not its sink',
      model: {
        version: 1,
        agents: [{ id: 'a', logging: { sink: 'siem' }, writes: ['tickets'] }],
        data: [{ id: 'siem', kind: 'log' }, { id: 'tickets' }],
      },
    },
    { name: 'no sink', model: { version: 1, agents: [{ id: 'a', writes: ['logs'] }], data: [{ id: 'logs', kind: 'log' }] } },
  ],
  invalid: [
    {
      name: 'writes its own sink directly',
      model: { version: 1, agents: [{ id: 'a', logging: { sink: 'logs' }, writes: ['logs'] }], data: [{ id: 'logs', kind: 'log' }] },
      expect: [{ subject: 'a', key: 'logs', severity: 'medium' }],
    },
    {
      name: 'admin on its sink through its credential',
      model: {
        version: 1,
        agents: [{ id: 'a', credential: 'k', logging: { sink: 'logs', central: true } }],
        credentials: [{ id: 'k', type: 'api-key', grants: [{ data: 'logs', access: 'admin' }] }],
        data: [{ id: 'logs', kind: 'log' }],
      },
      expect: [{ subject: 'a', key: 'logs', severity: 'medium' }],
    },
    {
      name: 'through a tool, external agent raised to high',
      model: {
        version: 1,
        agents: [{ id: 'a', exposure: 'external', tools: ['log-admin'], logging: { sink: 'logs' } }],
        tools: [{ id: 'log-admin', data: [{ data: 'logs', access: 'write' }] }],
        data: [{ id: 'logs', kind: 'log' }],
      },
      expect: [{ subject: 'a', key: 'logs', severity: 'high' }],
    },
  ],
});
