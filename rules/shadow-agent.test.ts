import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './shadow-agent.js';

ruleCases(rule, {
  valid: [
    {
      name: 'registered, or not said',
      model: { version: 1, agents: [{ id: 'triage', registered: true }, { id: 'refunds' }] },
    },
    {
      name: 'a retired shadow agent',
      model: { version: 1, agents: [{ id: 'old', registered: false, lifecycle: 'retired' }] },
    },
  ],
  invalid: [
    {
      name: 'found running outside the inventory',
      model: {
        version: 1,
        agents: [{ id: 'helper', registered: false, credential: 'k', tools: ['search'] }],
        credentials: [{ id: 'k', type: 'api-key' }],
        tools: [{ id: 'search', actions: ['read'] }],
      },
      expect: [{ subject: 'helper', severity: 'high' }],
    },
    {
      name: 'an external shadow agent is raised',
      model: { version: 1, agents: [{ id: 'helper', registered: false, exposure: 'external' }] },
      expect: [{ subject: 'helper', severity: 'critical' }],
    },
  ],
});
