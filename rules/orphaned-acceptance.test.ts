import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './orphaned-acceptance.js';

// Case tables run this rule alone, so every unexpired acceptance is orphaned here; that an
// acceptance matching a finding is not orphaned is tested in test/analysis/acceptance.test.ts.
const accept = (finding: string, expires: string) => ({ finding, justification: 'Vendor issues no short-lived keys.', approver: 'security', expires });
const owners = [{ id: 'security', kind: 'security' as const }];

ruleCases(rule, {
  valid: [
    { name: 'no acceptances', model: { version: 1 } },
    {
      name: 'an expired acceptance is left to expired-acceptance',
      model: { version: 1, owners, accepted: [accept('static-credential@gone', '2026-01-01')] },
    },
  ],
  invalid: [
    {
      name: 'acceptance of a finding that does not exist',
      model: { version: 1, owners, accepted: [accept('static-credential@gone', '2027-01-01')] },
      expect: [{ subject: 'static-credential@gone', severity: 'low' }],
    },
    {
      name: 'a wildcard that matches nothing; duplicates reported once',
      model: {
        version: 1,
        owners,
        accepted: [accept('no-such-rule@*', '2027-01-01'), accept('no-such-rule@*', '2027-03-01')],
      },
      expect: [{ subject: 'no-such-rule@*', severity: 'low' }],
    },
  ],
});
