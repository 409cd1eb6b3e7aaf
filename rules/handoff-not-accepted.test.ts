import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './handoff-not-accepted.js';

const owners = [
  { id: 'support', kind: 'product' as const },
  { id: 'support-ops', kind: 'product' as const },
  { id: 'ml-platform', kind: 'platform' as const },
  { id: 'dana', type: 'person' as const, team: 'support-ops' },
];

ruleCases(rule, {
  valid: [
    {
      name: 'the creating team also operates it',
      model: { version: 1, owners, agents: [{ id: 'triage', owners: { business: 'support', operator: 'ml-platform', creator: 'ml-platform' } }] },
    },
    {
      name: 'handoff accepted by a person on the receiving team, with a date',
      model: {
        version: 1,
        owners,
        agents: [
          {
            id: 'triage',
            owners: { operator: 'support-ops', creator: 'ml-platform' },
            handoff: { from: 'ml-platform', to: 'support-ops', accepted_by: 'dana', accepted: '2026-05-02' },
          },
        ],
      },
    },
    {
      name: 'no creator recorded',
      model: { version: 1, owners, agents: [{ id: 'triage', owners: { operator: 'support-ops' } }] },
    },
  ],
  invalid: [
    {
      name: 'built by the platform, operated by a product team, no handoff',
      model: {
        version: 1,
        owners,
        system: { id: 'desk', owners: { business: 'support', operator: 'support-ops' } },
        agents: [{ id: 'triage', owners: { business: 'support', operator: 'support-ops', creator: 'ml-platform' } }],
      },
      expect: [{ subject: 'triage', severity: 'medium' }],
    },
    {
      name: 'accepted by the creating team itself',
      model: {
        version: 1,
        owners,
        agents: [
          {
            id: 'triage',
            owners: { operator: 'support-ops' },
            handoff: { from: 'ml-platform', accepted_by: 'ml-platform', accepted: '2026-05-02' },
          },
        ],
      },
      expect: [{ subject: 'triage' }],
    },
    {
      name: 'accepted by the receiving team but without a date',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', owners: { operator: 'support-ops', creator: 'ml-platform' }, handoff: { accepted_by: 'dana' } }],
      },
      expect: [{ subject: 'triage' }],
    },
    {
      name: "embedded in another team's system while the creators still operate it",
      model: {
        version: 1,
        owners,
        system: { id: 'desk', owners: { business: 'support' } },
        agents: [{ id: 'triage', owners: { operator: 'ml-platform', creator: 'ml-platform' } }],
      },
      expect: [{ subject: 'triage' }],
    },
    {
      name: 'handed to a workflow team named only in handoff.to; external exposure raises it',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'triage', exposure: 'external', handoff: { from: 'ml-platform', to: 'support' } }],
      },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
  ],
});
