import { escalateForAgent } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { raiseSeverity } from '../src/analysis/severity.js';
import type { GraphNode } from '../src/graph/graph.js';
import { isActiveOwner, isExternal, lifecycleOf, ownersWithRole } from '../src/graph/query.js';
import { daysBetween, durationDays } from '../src/util/dates.js';
import { memoByPair } from '../src/util/memo.js';

/** How often a shutdown must be tested when the model does not say (shutdown.every). */
export const DEFAULT_SHUTDOWN_TEST_CADENCE = '90d';

/**
 * What keeps an agent's emergency shutdown from being relied on: no mechanism, no named shutdown
 * owner, and (when asked) no test within its cadence as of `asOf`. A named shutdown owner who has
 * departed is departed-owner's finding, not a gap here. Shared with shutdown-untested. One per run,
 * so that the date arithmetic is done once per distinct (cadence, date).
 */
export class ShutdownReview {
  /** Why a shutdown tested on `tested` is late for its cadence `every`, or undefined when it is not. */
  private readonly lateTest: (every: string, tested: string) => string | undefined;

  constructor(asOf: string) {
    this.lateTest = memoByPair((every, tested) => {
      const age = daysBetween(tested, asOf);
      return age > durationDays(every) ? `shutdown last tested ${tested}, ${age} days before ${asOf}, beyond its ${every} cadence` : undefined;
    });
  }

  /** The gaps in words, joined by '; ', or undefined when there are none; `owners` are the agent's shutdown owners, active or not. */
  gaps(agent: GraphNode<'agent'>, owners: readonly GraphNode<'owner'>[], requireTest: boolean): string | undefined {
    const shutdown = agent.spec.shutdown;
    const gaps: string[] = [];
    if (!shutdown?.mechanism) gaps.push('no shutdown mechanism');
    if (!owners.length) gaps.push('no shutdown owner');
    if (requireTest) {
      const every = shutdown?.every ?? DEFAULT_SHUTDOWN_TEST_CADENCE;
      if (shutdown?.tested === undefined) gaps.push(`shutdown never tested (cadence ${every})`);
      else {
        const late = this.lateTest(every, shutdown.tested);
        if (late !== undefined) gaps.push(late);
      }
    }
    return gaps.length ? gaps.join('; ') : undefined;
  }
}

export default defineRule({
  id: 'external-agent-without-tested-shutdown',
  title: 'Externally facing agent has no owned, tested emergency shutdown',
  category: 'ownership',
  severity: 'high',
  escalation:
    'External exposure is the condition of this rule, so it does not raise it again: restricted data, a write or irreversible capability, or no active business owner (nobody to review the impact on customers) raise it to critical.',
  layers: [5, 6, 7],
  references: [
    'owasp-asi:ASI10',
    'owasp-asi:ASI08',
    'owasp-ttm:T13',
    'nist-ai-rmf:MANAGE-2.4',
    'nist-ai-rmf:MANAGE-4.1',
    'nist-ai-rmf:MAP-5',
    'maestro:L5',
    'maestro:L6',
    'maestro:L7',
  ],
  rationale:
    'An agent that faces customers, the internet or another organisation is the one most likely to be hijacked, and the one whose misbehaviour reaches people outside. Stopping it must be possible (a mechanism), somebody’s job (a shutdown owner) and known to work (a test within its cadence, 90 days unless shutdown.every says otherwise). A planned agent needs the mechanism and the owner before launch; the test is required once it is active. Suspended and retired agents are not reported.',
  remediation:
    'Give the agent shutdown.mechanism (a feature flag, a revocable credential, a gateway rule), shutdown.owner (an active team that can use it at any hour), and test it: record shutdown.tested, and shutdown.every if the cadence is not 90 days. Name a business owner who reviews the impact on customers.',
  *check({ graph, asOf }) {
    const review = new ShutdownReview(asOf);
    for (const agent of graph.nodesOf('agent')) {
      if (!isExternal(agent)) continue;
      const lifecycle = lifecycleOf(agent);
      if (lifecycle !== 'active' && lifecycle !== 'planned') continue;
      const owners = ownersWithRole(graph, agent, 'shutdown');
      const gaps = review.gaps(agent, owners, lifecycle === 'active');
      if (gaps === undefined) continue;
      // Exposure is this rule's own condition: only the other factors raise it.
      const reasons = escalateForAgent(graph, agent, 'high').reasons.filter((r) => r !== 'externally exposed');
      if (!ownersWithRole(graph, agent, 'business').some(isActiveOwner)) {
        reasons.push('no active business owner to review the impact on customers');
      }
      const severity = reasons.length ? raiseSeverity('high') : 'high';
      yield {
        subject: agent,
        related: owners.map((o) => o.id),
        message: `externally facing agent "${agent.id}" cannot be relied on to stop: ${gaps}`,
        severity,
        reasons,
      };
    }
  },
});
