import { pathFactsFor } from '../src/analysis/paths/analyze.js';
import { teamsAt, teamsOf, uncontrolledRoutes } from '../src/analysis/paths/findings.js';
import { STEPS } from '../src/analysis/paths/traversal.js';
import { defineRule } from '../src/analysis/rule.js';

export default defineRule({
  id: 'uncontrolled-path-to-restricted-data',
  title: 'Entry point reaches restricted data across an ownership boundary with no control',
  category: 'paths',
  severity: 'critical',
  layers: [2, 6, 7],
  references: ['owasp-asi:ASI03', 'owasp-asi:ASI07', 'owasp-asi:ASI08', 'owasp-ttm:T3', 'owasp-ttm:T12', 'owasp-ttm:T14', 'nist-ai-rmf:GOVERN-2.1', 'maestro:L7'],
  rationale:
    'A compromised entry point (an externally exposed agent, one that takes untrusted input, a third-party or web-reading tool, or anything marked as an entry) can travel to restricted data, and on the way it passes from what one team answers for into what another answers for on a hop that nothing checks: no human approval, no request-time policy check, no propagation of the caller’s principal, no validation of planted content. Nobody on either side of that hop sees the whole route, so nobody stops it. Judged over every route, by any number of hops, following the traversal table of the path analysis; one finding per restricted store, naming one entry and one such hop (the first the search meets).',
  remediation:
    'Put a control on the boundary hop: human approval or a policy check on the relation (approval: true, policy_check: true), on-behalf-of propagation so that the far side acts with the caller’s rights (on_behalf_of: true), or write validation on a shared store; or remove the hop. `steward paths --to <store>` ranks every route to the store.',
  *check({ graph }) {
    const c = pathFactsFor(graph);
    const accountability = teamsOf(c);
    const { index } = c;
    const side = (e: number) => {
      const list = teamsAt(accountability, e).map((t) => accountability.names[t]!).sort();
      return list.length ? `team ${list.join(' and ')}` : 'no accountable team';
    };
    for (const route of uncontrolledRoutes(c)) {
      const data = graph.nodes[route.data]!;
      const entry = graph.nodes[route.entry]!;
      const k = route.crossing;
      const from = graph.nodes[index.entity[index.edgeFrom[k]!]!]!;
      const to = graph.nodes[index.entity[index.edgeTo[k]!]!]!;
      const step = STEPS[index.edgeStep[k]!]!;
      yield {
        subject: data,
        related: [entry.id, from.id, to.id],
        message: `restricted data "${data.id}" is reachable from entry point "${entry.id}" through the hop "${from.id}" → "${to.id}" (${step}), which passes from ${side(from.index)} to ${side(to.index)} with no approval, policy check, on-behalf-of or write validation`,
      };
    }
  },
});

