import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './self-extending-agent-without-approval.js';

const owners = [{ id: 'ops' }, { id: 'security', kind: 'security' as const }, { id: 'bob', type: 'person' as const, status: 'departed' as const }];

ruleCases(rule, {
  valid: [
    {
      name: 'an active operator and a change-control approver',
      model: { version: 1, owners, agents: [{ id: 'builder', can_add_tools: true, owners: { operator: 'ops' }, change_control: { approver: 'security' } }] },
    },
    {
      name: 'owners.approver counts as the approver',
      model: { version: 1, owners, agents: [{ id: 'builder', can_spawn_agents: true, owners: { operator: 'ops', approver: 'security' } }] },
    },
    {
      name: 'an agent that cannot extend itself',
      model: { version: 1, agents: [{ id: 'triage', can_add_tools: false }] },
    },
  ],
  invalid: [
    {
      name: 'can add tools with neither operator nor approver',
      model: { version: 1, agents: [{ id: 'builder', can_add_tools: true }] },
      expect: [{ subject: 'builder', severity: 'high' }],
    },
    {
      name: 'can spawn agents with an operator but no approver',
      model: { version: 1, owners, agents: [{ id: 'builder', can_spawn_agents: true, owners: { operator: 'ops' } }] },
      expect: [{ subject: 'builder', severity: 'high' }],
    },
    {
      name: 'the only operator has departed',
      model: { version: 1, owners, agents: [{ id: 'builder', can_add_tools: true, owners: { operator: 'bob' }, change_control: { approver: 'security' } }] },
      expect: [{ subject: 'builder', severity: 'high' }],
    },
    {
      name: 'an external agent is raised to critical',
      model: { version: 1, agents: [{ id: 'builder', exposure: 'external', can_add_tools: true }] },
      expect: [{ subject: 'builder', severity: 'critical' }],
    },
  ],
});
