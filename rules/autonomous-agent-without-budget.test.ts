import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './autonomous-agent-without-budget.js';

ruleCases(rule, {
  valid: [
    {
      name: 'autonomous agent with both limits',
      model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous', budget: { rate_limit: '60/min', cost_limit: '50 EUR/day' } }] },
    },
    { name: 'supervised agent needs no budget', model: { version: 1, agents: [{ id: 'a', autonomy: 'supervised' }] } },
    { name: 'autonomy unstated', model: { version: 1, agents: [{ id: 'a' }] } },
    { name: 'retired', model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous', lifecycle: 'retired' }] } },
  ],
  invalid: [
    { name: 'no budget at all', model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous' }] }, expect: [{ subject: 'a', severity: 'medium' }] },
    {
      name: 'a rate limit but no cost limit',
      model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous', budget: { rate_limit: '10/s' } }] },
      expect: [{ subject: 'a', severity: 'medium' }],
    },
    {
      name: 'a cost limit but no rate limit, externally exposed',
      model: { version: 1, agents: [{ id: 'a', autonomy: 'autonomous', exposure: 'external', budget: { cost_limit: '5 USD/day' } }] },
      expect: [{ subject: 'a', severity: 'high' }],
    },
    {
      name: 'external with an irreversible tool: still one step, to high',
      model: {
        version: 1,
        agents: [{ id: 'a', autonomy: 'autonomous', exposure: 'external', tools: ['pay'] }],
        tools: [{ id: 'pay', actions: ['pay'] }],
      },
      expect: [{ subject: 'a', severity: 'high' }],
    },
  ],
});
