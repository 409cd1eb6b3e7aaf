import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './oidc-federation-without-subject-condition.js';

ruleCases(rule, {
  valid: [
    {
      name: 'exact subject and one audience',
      model: {
        version: 1,
        credentials: [
          {
            id: 'deploy',
            type: 'oidc-federation',
            oidc: {
              issuer: 'https://token.actions.githubusercontent.com',
              subject: 'repo:corp/app:environment:production',
              audience: 'sts.amazonaws.com',
            },
          },
        ],
      },
    },
    {
      name: 'audience given as a list',
      model: {
        version: 1,
        credentials: [{ id: 'deploy', type: 'oidc-federation', oidc: { subject: 'system:serviceaccount:ns:agent', audience: ['vault'] } }],
      },
    },
    {
      name: 'other credential types and revoked federations are not checked',
      model: {
        version: 1,
        credentials: [
          { id: 'k', type: 'api-key' },
          { id: 'old', type: 'oidc-federation', status: 'disabled' },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'no oidc block at all',
      model: { version: 1, credentials: [{ id: 'deploy', type: 'oidc-federation' }] },
      expect: [
        { subject: 'deploy', key: 'subject', severity: 'high' },
        { subject: 'deploy', key: 'audience', severity: 'high' },
      ],
    },
    {
      name: 'wildcard subject',
      model: {
        version: 1,
        credentials: [{ id: 'deploy', type: 'oidc-federation', oidc: { subject: 'repo:corp/*', audience: 'sts.amazonaws.com' } }],
      },
      expect: [{ subject: 'deploy', key: 'subject', severity: 'high' }],
    },
    {
      name: 'any audience, with an admin grant',
      model: {
        version: 1,
        data: [{ id: 'bucket', classification: 'internal' }],
        credentials: [
          {
            id: 'deploy',
            type: 'oidc-federation',
            oidc: { subject: 'repo:corp/app:ref:refs/heads/main', audience: ['sts', '*'] },
            grants: [{ data: 'bucket', access: 'admin' }],
          },
        ],
      },
      expect: [{ subject: 'deploy', key: 'audience', severity: 'critical' }],
    },
  ],
});
