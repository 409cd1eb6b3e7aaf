import { pathFactsFor } from '../src/analysis/paths/analyze.js';
import { describeAuthority, EXPOSURE_WORDS, exposureLevel, extraAuthority, hasExtraAuthority, NAMED_AUTHORITY, reachesTopJewel } from '../src/analysis/paths/findings.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import { RELATION_CODE } from '../src/graph/graph.js';
import { LIVE_AGENT, nodeFacts } from '../src/graph/facts.js';

const DELEGATES = RELATION_CODE.delegates_to;

export default defineRule({
  id: 'confused-deputy-delegation',
  title: 'Delegation into a more privileged agent without the caller’s identity',
  category: 'paths',
  severity: 'high',
  escalation: 'Raised when the caller is reachable from an entry point and the extra privilege includes a crown jewel of the highest impact (restricted data, an admin credential, a marked target).',
  layers: [3, 6, 7],
  references: ['owasp-asi:ASI03', 'owasp-ttm:T14', 'owasp-llm:LLM06', 'maestro:L7'],
  rationale:
    'When an agent delegates to another that can do more than it can, and the delegation does not carry the caller’s principal (on-behalf-of), the callee acts with its own authority on the caller’s request: a confused deputy. A hijacked caller then borrows privileges it was never given. Privilege is judged by the crown jewels each agent reaches on its own authority (its tools, its credentials and what they grant, its own reads and writes); the finding is raised when the callee reaches one the caller does not. One finding per delegation, on the callee (the deputy), keyed by the caller.',
  remediation:
    'Propagate the caller’s principal on the delegation (on_behalf_of: true, e.g. OAuth token exchange with an actor claim) so that the callee acts with the caller’s rights, or check each delegated request against the caller’s rights (policy_check: true), or narrow the callee.',
  *check({ graph }) {
    const c = pathFactsFor(graph);
    const { index } = c;
    const facts = nodeFacts(graph);
    // The columns first: a million relations are scanned without reading their objects.
    for (let k = 0; k < graph.size; k++) {
      if (graph.edgeKind[k] !== DELEGATES) continue;
      const from = graph.edgeSource[k]!;
      const to = graph.edgeTarget[k]!;
      if (!(facts[from]! & facts[to]! & LIVE_AGENT) || graph.edges[k]!.attrs.on_behalf_of || !hasExtraAuthority(c, from, to)) continue;
      const caller = graph.nodes[from]!;
      const deputy = graph.nodes[to]!;
      const extra = extraAuthority(c, from, to);
      const level = exposureLevel(c, from);
      const raised = level < 2 && reachesTopJewel(c, extra);
      yield {
        subject: deputy,
        key: caller.id,
        // The caller and the entities the message names.
        related: [caller.id, ...new Set(extra.slice(0, NAMED_AUTHORITY).map((x) => graph.nodes[index.entity[x]!]!.id))],
        message:
          `"${caller.id}" (${EXPOSURE_WORDS[level]}) delegates to "${deputy.id}" without on-behalf-of, and "${deputy.id}" can reach ` +
          `${describeAuthority(c, extra)} that "${caller.id}" cannot on its own`,
        severity: raised ? raiseSeverity('high') : 'high',
        reasons: raised ? ['the caller is reachable from an entry point', 'the deputy reaches a crown jewel of the highest impact'] : [],
      };
    }
  },
});
