import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './review-overdue.js';

ruleCases(rule, {
  valid: [
    {
      name: 'reviewed within its cadence',
      model: { version: 1, agents: [{ id: 'triage', review: { every: '90d', last: '2026-08-15' } }] },
    },
    {
      name: 'reviewed exactly one cadence ago',
      model: { version: 1, agents: [{ id: 'triage', review: { every: '30d', last: '2026-10-02' } }] },
    },
    {
      name: 'planned and retired agents are not reviewed',
      model: { version: 1, agents: [{ id: 'next', lifecycle: 'planned' }, { id: 'old', lifecycle: 'retired' }] },
    },
  ],
  invalid: [
    {
      name: 'no cadence and never reviewed',
      model: { version: 1, agents: [{ id: 'triage' }] },
      expect: [{ subject: 'triage', severity: 'medium' }],
    },
    {
      name: 'last review older than the cadence',
      model: { version: 1, agents: [{ id: 'triage', review: { every: '90d', last: '2026-05-01' } }] },
      expect: [{ subject: 'triage', severity: 'medium' }],
    },
    {
      name: 'a cadence of never is no cadence',
      model: { version: 1, agents: [{ id: 'triage', review: { every: 'never', last: '2026-10-01' } }] },
      expect: [{ subject: 'triage', severity: 'medium' }],
    },
    {
      name: 'the same overdue review on an external agent is raised',
      model: { version: 1, agents: [{ id: 'triage', exposure: 'external', review: { every: '90d', last: '2026-05-01' } }] },
      expect: [{ subject: 'triage', severity: 'high' }],
    },
    {
      name: 'judged as of the analysis date',
      model: { version: 1, agents: [{ id: 'triage', review: { every: '90d', last: '2026-08-15' } }] },
      asOf: '2027-01-01',
      expect: [{ subject: 'triage' }],
    },
  ],
});
