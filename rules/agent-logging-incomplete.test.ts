import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './agent-logging-incomplete.js';

const all = { prompts: true, tool_calls: true, data_access: true, privilege_changes: true };

ruleCases(rule, {
  valid: [
    { name: 'every facet logged', model: { version: 1, agents: [{ id: 'a', logging: all }] } },
    { name: 'retired agent', model: { version: 1, agents: [{ id: 'a', lifecycle: 'retired' }] } },
  ],
  invalid: [
    { name: 'no logging block', model: { version: 1, agents: [{ id: 'a' }] }, expect: [{ subject: 'a', severity: 'medium' }] },
    {
      name: 'privilege changes not logged (the triage example)',
      model: { version: 1, agents: [{ id: 'triage', logging: { ...all, privilege_changes: false } }] },
      expect: [{ subject: 'triage', severity: 'medium' }],
    },
    {
      name: 'one finding per agent however many facets are missing',
      model: { version: 1, agents: [{ id: 'a', logging: { prompts: true } }, { id: 'b', logging: all }] },
      expect: [{ subject: 'a', severity: 'medium' }],
    },
    {
      name: 'external agent with an irreversible tool is raised once, to high',
      model: {
        version: 1,
        agents: [{ id: 'a', exposure: 'external', tools: ['pay'], logging: { ...all, tool_calls: false } }],
        tools: [{ id: 'pay', actions: ['pay'] }],
      },
      expect: [{ subject: 'a', severity: 'high' }],
    },
  ],
});
