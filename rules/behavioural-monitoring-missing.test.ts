import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './behavioural-monitoring-missing.js';

ruleCases(rule, {
  valid: [
    { name: 'monitored autonomous agent', model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous', monitoring: { behavioural: true } }] } },
    { name: 'internal supervised agent needs none', model: { version: 1, agents: [{ id: 'a', autonomy: 'supervised', exposure: 'internal' }] } },
    { name: 'retired', model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous', lifecycle: 'retired' }] } },
  ],
  invalid: [
    {
      name: 'autonomous internal agent',
      model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous' }] },
      expect: [{ subject: 'a', severity: 'medium' }],
    },
    {
      name: 'external supervised agent, monitoring explicitly off',
      model: { version: 1, agents: [{ id: 'a', exposure: 'external', monitoring: { behavioural: false } }] },
      expect: [{ subject: 'a', severity: 'high' }],
    },
    {
      name: 'autonomous agent writing restricted data: one step, to high',
      model: {
        version: 1,
        agents: [{ id: 'a', autonomy: 'autonomous', writes: ['vault'] }],
        data: [{ id: 'vault', classification: 'restricted' }],
      },
      expect: [{ subject: 'a', severity: 'high' }],
    },
  ],
});
