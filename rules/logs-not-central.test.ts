import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './logs-not-central.js';

ruleCases(rule, {
  valid: [
    {
      name: 'central with a sink',
      model: { version: 1, agents: [{ id: 'a', logging: { tool_calls: true, central: true, sink: 'siem' } }], data: [{ id: 'siem', kind: 'log' }] },
    },
    {
      name: 'sink given by a link',
      model: {
        version: 1,
        agents: [{ id: 'a', logging: { prompts: true, central: true } }],
        data: [{ id: 'siem', kind: 'log' }],
        links: [{ from: 'a', to: 'siem', kind: 'logs_to' }],
      },
    },
    { name: 'an agent that logs nothing is left to agent-logging-incomplete', model: { version: 1, agents: [{ id: 'a' }] } },
  ],
  invalid: [
    {
      name: 'logs with no sink and central unstated',
      model: { version: 1, agents: [{ id: 'a', logging: { tool_calls: true } }] },
      expect: [{ subject: 'a', severity: 'medium' }],
    },
    {
      name: 'central claimed but no sink named',
      model: { version: 1, agents: [{ id: 'a', logging: { tool_calls: true, central: true } }] },
      expect: [{ subject: 'a', severity: 'medium' }],
    },
    {
      name: 'a local sink, external agent raised to high',
      model: {
        version: 1,
        agents: [{ id: 'a', exposure: 'external', logging: { prompts: true, central: false, sink: 'local' } }],
        data: [{ id: 'local', kind: 'file-store' }],
      },
      expect: [{ subject: 'a', severity: 'high' }],
    },
  ],
});
