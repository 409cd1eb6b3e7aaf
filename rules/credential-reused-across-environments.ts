import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { AnyGraphNode, GraphNode, ModelGraph } from '../src/graph/graph.js';
import { holdersOf, isCredentialActive, lifecycleOf } from '../src/graph/query.js';

type EnvironmentName = NonNullable<GraphNode<'boundary'>['spec']['environment']>;

/**
 * The environment a boundary belongs to: its own, else its nearest ancestor's. Memoized across
 * the whole check so that every boundary chain is walked once.
 */
function environmentResolver(g: ModelGraph): (boundaryId: string) => EnvironmentName | undefined {
  const memo = new Map<string, EnvironmentName | null>();
  const resolve = (id: string, visiting: Set<string>): EnvironmentName | undefined => {
    const known = memo.get(id);
    if (known !== undefined) return known ?? undefined;
    const node = g.node(id);
    if (node?.kind !== 'boundary' || visiting.has(id)) return undefined;
    visiting.add(id);
    const parent = g.outEdgesOf(id, 'in_boundary')[0];
    const env = node.spec.environment ?? (parent ? resolve(parent.to, visiting) : undefined);
    memo.set(id, env ?? null);
    return env;
  };
  return (id) => resolve(id, new Set());
}

interface Place {
  environment: EnvironmentName;
  boundary: string;
}

interface Use extends Place {
  /** The holder placed in that boundary, or undefined when the credential itself is. */
  holder?: string;
}

export default defineRule({
  id: 'credential-reused-across-environments',
  title: 'Credential is used in production and in another environment',
  category: 'credentials',
  severity: 'high',
  escalation: CREDENTIAL_ESCALATION,
  layers: [4, 6],
  references: ['owasp-nhi:NHI8', 'owasp-asi:ASI03', 'maestro:L4'],
  rationale:
    'Test and staging environments are run with looser controls, more people and less monitoring than production. A credential that also works in production turns any leak from those environments into production access (OWASP NHI8, Environment Isolation). The environments of a credential are the boundaries it is placed in (boundary, environments) and those of its holders, each resolved to the environment of the boundary or of its nearest parent; the rule reports a credential that spans two or more environments, one of them production. Two production boundaries (two regions) are not reported. Retired holders and revoked, expired or disabled credentials are ignored.',
  remediation:
    'Issue a separate credential per environment, so that the production credential is held only by production workloads; list each under environments.',
  *check({ graph }) {
    const environmentOf = environmentResolver(graph);
    // Where each node is placed, resolved once: holders are shared by many credentials.
    const places: (Place[] | undefined)[] = new Array(graph.order);
    const placesOf = (node: AnyGraphNode): Place[] =>
      (places[node.index] ??= graph.outEdgesOf(node, 'in_boundary').flatMap((e) => {
        const environment = environmentOf(e.to);
        return environment === undefined ? [] : [{ environment, boundary: e.to }];
      }));
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential)) continue;
      const holders = holdersOf(graph, credential).filter((h) => !(h.kind === 'agent' && lifecycleOf(h) === 'retired'));
      const seen = new Set<EnvironmentName>(placesOf(credential).map((p) => p.environment));
      for (const holder of holders) for (const p of placesOf(holder)) seen.add(p.environment);
      if (seen.size < 2 || !seen.has('production')) continue;
      const environments = [...seen].sort();
      const uses: Use[] = [...placesOf(credential), ...holders.flatMap((h) => placesOf(h).map((p) => ({ ...p, holder: h.id })))];
      const describe = (env: EnvironmentName) => {
        const where = uses
          .filter((u) => u.environment === env)
          .map((u) => (u.holder === undefined ? `"${u.boundary}"` : `"${u.boundary}" via holder "${u.holder}"`));
        return `${env} (${[...new Set(where)].join(', ')})`;
      };
      const { severity, reasons } = escalateForCredential(graph, credential, 'high');
      yield {
        subject: credential,
        related: uses.map((u) => u.boundary),
        message: `credential "${credential.id}" is used in ${environments.length} environments: ${environments.map(describe).join('; ')}`,
        severity,
        reasons,
      };
    }
  },
});
