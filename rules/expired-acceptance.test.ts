import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './expired-acceptance.js';

// Case tables run this rule alone, so no finding is re-opened here; test/analysis/acceptance.test.ts
// runs it with the rules whose findings it covers.
const accept = (finding: string, expires: string) => ({ finding, justification: 'Vendor issues no short-lived keys.', approver: 'security', expires });
const owners = [{ id: 'security', kind: 'security' as const }];

ruleCases(rule, {
  valid: [
    { name: 'unexpired', model: { version: 1, owners, accepted: [accept('static-credential@stripe-key', '2027-01-31')] } },
    { name: 'expires on the analysis date itself', model: { version: 1, owners, accepted: [accept('static-credential@stripe-key', '2026-11-01')] } },
    {
      name: 'renewed by a second entry for the same pattern',
      model: {
        version: 1,
        owners,
        accepted: [accept('static-credential@stripe-key', '2026-06-30'), accept('static-credential@stripe-key', '2027-06-30')],
      },
    },
    { name: 'no acceptances', model: { version: 1 } },
  ],
  invalid: [
    {
      name: 'expired the day before',
      model: { version: 1, owners, accepted: [accept('static-credential@stripe-key', '2026-10-31')] },
      expect: [{ subject: 'static-credential@stripe-key', severity: 'low' }],
    },
    {
      name: 'one finding per expired pattern, wildcards included',
      model: {
        version: 1,
        owners,
        accepted: [accept('static-credential@*', '2025-01-01'), accept('rotation-overdue@k', '2026-01-01'), accept('a-rule@x', '2027-01-01')],
      },
      expect: [
        { subject: 'static-credential@*', severity: 'low' },
        { subject: 'rotation-overdue@k', severity: 'low' },
      ],
    },
    {
      name: 'evaluated as of a later date',
      asOf: '2027-02-01',
      model: { version: 1, owners, accepted: [accept('static-credential@stripe-key', '2027-01-31')] },
      expect: [{ subject: 'static-credential@stripe-key', severity: 'low' }],
    },
  ],
});
