import type { ModelFileSpec } from '../src/model/schema.js';
import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './acceptance-without-accountable-approver.js';

const withApprover = (approver: ModelFileSpec['owners'], expires = '2027-01-31'): ModelFileSpec => ({
  version: 1,
  owners: approver,
  accepted: [{ finding: 'static-credential@stripe-key', justification: 'Vendor issues no short-lived keys.', approver: approver![0]!.id, expires }],
});

ruleCases(rule, {
  valid: [
    { name: 'active security team', model: withApprover([{ id: 'security', kind: 'security' }]) },
    { name: 'active business owner of unstated kind', model: withApprover([{ id: 'payments-team' }]) },
    {
      name: 'departed approver on an expired acceptance is left to expired-acceptance',
      model: withApprover([{ id: 'alice', type: 'person', status: 'departed' }], '2026-01-01'),
    },
  ],
  invalid: [
    {
      name: 'approver has departed',
      model: withApprover([{ id: 'alice', type: 'person', status: 'departed' }]),
      expect: [{ subject: 'static-credential@stripe-key', severity: 'medium' }],
    },
    {
      name: 'approver status unknown',
      model: withApprover([{ id: 'bob', type: 'person', status: 'unknown' }]),
      expect: [{ subject: 'static-credential@stripe-key', severity: 'medium' }],
    },
    {
      name: 'approver is a vendor',
      model: withApprover([{ id: 'stripe', kind: 'vendor' }]),
      expect: [{ subject: 'static-credential@stripe-key', severity: 'medium' }],
    },
  ],
});
