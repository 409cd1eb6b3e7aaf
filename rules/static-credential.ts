import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import { RELATION_CODE, type GraphNode, type ModelGraph } from '../src/graph/graph.js';
import { isCredentialActive, isLongLived } from '../src/graph/query.js';
import { durationSeconds } from '../src/util/dates.js';
import { memoByString } from '../src/util/memo.js';

const AUTHENTICATES_WITH = RELATION_CODE.authenticates_with;

/** How a long-lived credential lives, in words, or undefined when it is not long-lived. */
function longLivedText(c: GraphNode<'credential'>, ttlSeconds: (ttl: string) => number): string | undefined {
  if (!isLongLived(c, ttlSeconds)) return undefined;
  const ttl = c.spec.ttl;
  // Long-lived with no ttl: only a stored secret type is (a workload identity defaults to 1 h).
  if (ttl === undefined) return `is a stored secret (type: ${c.spec.type}) with no ttl, so it is treated as never expiring`;
  return ttl === 'never' ? 'never expires (ttl: never)' : `lives ${ttl}, longer than 24h`;
}

/**
 * The ids of the holders of each `wanted` credential, by credential index, in relation order (the
 * order of its in-row). Gathered in one pass over the relation columns, which are read in order,
 * where thousands of in-rows would each be a scatter of lookups across the graph.
 */
function holderIds(g: ModelGraph, wanted: Uint8Array): Map<number, string[]> {
  const holders = new Map<number, string[]>();
  const kinds = g.edgeKind;
  for (let k = 0; k < kinds.length; k++) {
    if (kinds[k] !== AUTHENTICATES_WITH) continue;
    const credential = g.edgeTarget[k]!;
    if (!wanted[credential]) continue;
    const id = g.nodes[g.edgeSource[k]!]!.id;
    const ids = holders.get(credential);
    if (ids) ids.push(id);
    else holders.set(credential, [id]);
  }
  return holders;
}

/** ", held by" and the holders, as the message gives them. */
function heldBy(ids: readonly string[] | undefined): string {
  if (!ids) return '';
  let text = `; held by "${ids[0]}"`;
  for (let i = 1; i < ids.length; i++) text += `, "${ids[i]}"`;
  return text;
}

export default defineRule({
  id: 'static-credential',
  title: 'Static or long-lived credential where a short-lived identity should be',
  category: 'credentials',
  severity: 'medium',
  escalation: CREDENTIAL_ESCALATION,
  layers: [6, 4],
  references: ['owasp-nhi:NHI7', 'owasp-nhi:NHI2', 'owasp-asi:ASI03', 'owasp-ttm:T9', 'spiffe:SVID', 'maestro:L6'],
  rationale:
    'A secret that never expires, or lives longer than a day, stays useful to whoever copies it for as long as nobody notices: leaked keys are replayed months later (OWASP NHI7, Long-Lived Secrets). A workload identity (a SPIFFE SVID from the Workload API, or an OIDC federation exchange) is issued at run time and expires within the hour, and a just-in-time credential revoked at task end lives only as long as its task. A credential counts as long-lived when its ttl is "never" or above 24h, or when it is a stored secret type (api-key, password, service-account-key, ssh-key, oauth-client, certificate) with no ttl. SPIFFE and OIDC federation credentials with no ttl take the 1h platform default. Credentials issued just in time and revoked at task end are not reported, nor are revoked, expired or disabled ones. Rotation is checked separately by rotation-overdue.',
  remediation:
    'Replace the secret with a workload identity (SPIFFE ID or OIDC federation) or a just-in-time credential revoked at task end; where the vendor offers only static keys, set the shortest ttl it allows, rotate automatically and accept the finding with that justification.',
  *check({ graph }) {
    const ttlSeconds = memoByString(durationSeconds);
    const reported: { credential: GraphNode<'credential'>; lifetime: string }[] = [];
    const wanted = new Uint8Array(graph.order);
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential)) continue;
      const lifetime = longLivedText(credential, ttlSeconds);
      if (lifetime === undefined) continue;
      reported.push({ credential, lifetime });
      wanted[credential.index] = 1;
    }
    const holders = holderIds(graph, wanted);
    for (const { credential, lifetime } of reported) {
      const ids = holders.get(credential.index);
      const { severity, reasons } = escalateForCredential(graph, credential, 'medium');
      yield {
        subject: credential,
        related: ids ?? [],
        message: `credential "${credential.id}" ${lifetime}${heldBy(ids)}`,
        severity,
        reasons,
      };
    }
  },
});
