import { escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { GraphEdge, GraphNode, ModelGraph } from '../src/graph/graph.js';
import {
  accessAtLeast,
  credentialLifetime,
  highestGrant,
  isCredentialActive,
  isLongLived,
  isWorkloadIdentity,
  WORKLOAD_IDENTITY_DEFAULT_TTL_SECONDS,
} from '../src/graph/query.js';

/** The first write or admin grant of the highest access a credential gives, or undefined when it gives neither. */
function topPrivilegedGrant(g: ModelGraph, credential: GraphNode<'credential'>): GraphEdge | undefined {
  const top = highestGrant(g, credential);
  return top && accessAtLeast(top.attrs.access ?? 'read', 'write') ? top : undefined;
}

/** A SPIFFE or OIDC-federated identity whose tokens live an hour or less. */
function isShortLivedWorkloadIdentity(c: GraphNode<'credential'>): boolean {
  const lifetime = credentialLifetime(c);
  return isWorkloadIdentity(c) && lifetime !== undefined && lifetime.seconds <= WORKLOAD_IDENTITY_DEFAULT_TTL_SECONDS;
}

export default defineRule({
  id: 'privileged-credential-not-just-in-time',
  title: 'Write or admin credential is standing rather than issued just in time',
  category: 'credentials',
  severity: 'medium',
  escalation:
    'Raised one step when it grants admin (not only write), gives access to restricted data, or is held by an agent that takes untrusted input; two steps when all three hold.',
  layers: [6],
  references: ['owasp-asi:ASI03', 'owasp-nhi:NHI5', 'owasp-nhi:NHI7', 'owasp-ttm:T3', 'maestro:L6'],
  rationale:
    "Even a token that expires within the day is standing privilege if the agent can obtain a fresh one whenever it likes: a hijacked agent can write or administer at any moment, not only while a task that needs it runs. OWASP ASI03 asks for task-scoped, short-lived credentials and warns of orphaned and temporal privilege persistence. The rule reports an active credential that grants write or admin access and is neither issued just in time, nor revoked at task end, nor a workload identity (SPIFFE, OIDC federation) whose tokens live an hour or less (the platform default when no ttl is given). Long-lived credentials are left to static-credential, whose severity already rises with write or admin access, so that one risk is not reported twice.",
  remediation:
    'Issue the credential per task (just_in_time: true) and revoke it when the task ends (revoked_at_task_end: true), for example through a broker that mints scoped tokens on approval, or replace it with a short-lived workload identity.',
  *check({ graph }) {
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential)) continue;
      const { just_in_time, revoked_at_task_end } = credential.spec;
      if (just_in_time === true || revoked_at_task_end === true) continue;
      const top = topPrivilegedGrant(graph, credential);
      if (!top || isLongLived(credential) || isShortLivedWorkloadIdentity(credential)) continue;
      const access = top.attrs.access!;
      const target = top.to;
      const extra = access === 'admin' ? [`grants admin on "${target}"`] : [];
      const { severity, reasons } = escalateForCredential(graph, credential, 'medium', { omit: ['privilege'], extra });
      const ttl = credential.spec.ttl === undefined ? 'no stated ttl' : `ttl ${credential.spec.ttl}`;
      yield {
        subject: credential,
        related: [target],
        message: `credential "${credential.id}" (${credential.spec.type}, ${ttl}) grants ${access} on "${target}" at all times: it is neither issued just in time nor revoked at task end`,
        severity,
        reasons,
      };
    }
  },
});
