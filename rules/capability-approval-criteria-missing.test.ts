import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './capability-approval-criteria-missing.js';

const tools = [{ id: 'search', actions: ['read' as const] }, { id: 'deployer', actions: ['deploy' as const] }];

ruleCases(rule, {
  valid: [
    {
      name: 'criteria written down',
      model: { version: 1, tools, agents: [{ id: 'builder', can_add_tools: true, tools: ['deployer'], change_control: { criteria: 'docs/new-tools.md' } }] },
    },
    {
      name: 'an agent with only reversible tools and no self-extension',
      model: { version: 1, tools, agents: [{ id: 'triage', tools: ['search'] }] },
    },
    {
      name: 'a retired self-extending agent',
      model: { version: 1, agents: [{ id: 'old', lifecycle: 'retired', can_spawn_agents: true }] },
    },
  ],
  invalid: [
    {
      name: 'can spawn agents, no criteria',
      model: { version: 1, agents: [{ id: 'builder', can_spawn_agents: true }] },
      expect: [{ subject: 'builder', severity: 'medium' }],
    },
    {
      name: 'an irreversible tool, no criteria: the irreversible capability raises it',
      model: { version: 1, tools, agents: [{ id: 'release', tools: ['search', 'deployer'], change_control: { approver: 'x' } }], owners: [{ id: 'x' }] },
      expect: [{ subject: 'release', severity: 'high' }],
    },
  ],
});
