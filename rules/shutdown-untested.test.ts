import { ruleCases } from '../test/helpers/rule-cases.js';
import rule from './shutdown-untested.js';

const owners = [{ id: 'ops' }];

ruleCases(rule, {
  valid: [
    {
      name: 'autonomous agent with an owned shutdown tested this quarter',
      model: { version: 1, owners, agents: [{ id: 'indexer', autonomy: 'autonomous', shutdown: { mechanism: 'flag', owner: 'ops', tested: '2026-09-15' } }] },
    },
    {
      name: 'supervised and planned agents are not in scope',
      model: { version: 1, agents: [{ id: 'helper', autonomy: 'supervised' }, { id: 'next', autonomy: 'autonomous', lifecycle: 'planned' }] },
    },
    {
      name: 'an external autonomous agent is left to external-agent-without-tested-shutdown',
      model: { version: 1, agents: [{ id: 'triage', autonomy: 'autonomous', exposure: 'external' }] },
    },
  ],
  invalid: [
    {
      name: 'no shutdown',
      model: { version: 1, agents: [{ id: 'indexer', autonomy: 'autonomous' }] },
      expect: [{ subject: 'indexer', severity: 'medium' }],
    },
    {
      name: 'tested, but longer ago than its cadence',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'indexer', autonomy: 'autonomous', shutdown: { mechanism: 'flag', owner: 'ops', tested: '2026-08-01', every: '30d' } }],
      },
      expect: [{ subject: 'indexer', severity: 'medium' }],
    },
    {
      name: 'restricted data raises it',
      model: {
        version: 1,
        owners,
        agents: [{ id: 'indexer', autonomy: 'autonomous', reads: ['hr'], shutdown: { mechanism: 'flag', owner: 'ops' } }],
        data: [{ id: 'hr', classification: 'restricted' }],
      },
      expect: [{ subject: 'indexer', severity: 'high' }],
    },
  ],
});
