import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './tool-boundaries-undocumented.js';

const tools = [{ id: 'search', actions: ['read' as const] }, { id: 'refund', actions: ['pay' as const] }];

ruleCases(rule, {
  valid: [
    {
      name: 'tool boundaries documented',
      model: { version: 1, tools, agents: [{ id: 'triage', tools: ['search'], change_control: { tool_boundaries: 'docs/triage-tools.md' } }] },
    },
    {
      name: 'an agent with no tools',
      model: { version: 1, agents: [{ id: 'triage' }] },
    },
    {
      name: 'a retired agent',
      model: { version: 1, tools, agents: [{ id: 'old', lifecycle: 'retired', tools: ['search'] }] },
    },
  ],
  invalid: [
    {
      name: 'tools with nothing documented',
      model: { version: 1, tools, agents: [{ id: 'triage', tools: ['search'], change_control: { criteria: 'least privilege' } }] },
      expect: [{ subject: 'triage', severity: 'low' }],
    },
    {
      name: 'an irreversible tool raises it',
      model: { version: 1, tools, agents: [{ id: 'triage', tools: ['search', 'refund'] }] },
      expect: [{ subject: 'triage', severity: 'medium' }],
    },
  ],
});
