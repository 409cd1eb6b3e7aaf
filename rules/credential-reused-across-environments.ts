import { CREDENTIAL_ESCALATION, escalateForCredential } from '../src/analysis/context.js';
import { defineRule } from '../src/analysis/rule.js';
import type { AnyGraphNode, GraphNode, ModelGraph } from '../src/graph/graph.js';
import { AGENT, LIVE_AGENT, nodeFacts } from '../src/graph/facts.js';
import { holdersOf, isCredentialActive } from '../src/graph/query.js';

type EnvironmentName = NonNullable<GraphNode<'boundary'>['spec']['environment']>;


/** The environments as bits of a set. */
const ENVIRONMENT_BIT: Readonly<Record<EnvironmentName, number>> = { production: 1, staging: 2, development: 4, test: 8 };
const PRODUCTION = ENVIRONMENT_BIT.production;
/** Marks a slot of a table of sets as filled: a node placed nowhere still has a nonzero slot. */
const KNOWN = 16;

/**
 * The environment a boundary belongs to: its own, else its nearest ancestor's. Memoized across
 * the whole check so that every boundary chain is walked once.
 */
function environmentResolver(g: ModelGraph): (boundary: number) => EnvironmentName | undefined {
  const memo: (EnvironmentName | null | undefined)[] = new Array(g.order);
  const resolve = (index: number, visiting: Set<number>): EnvironmentName | undefined => {
    const known = memo[index];
    if (known !== undefined) return known ?? undefined;
    const node = g.nodes[index]!;
    if (node.kind !== 'boundary' || visiting.has(index)) return undefined;
    visiting.add(index);
    const parent = g.firstTarget(node, 'in_boundary')?.index ?? -1;
    const env = node.spec.environment ?? (parent >= 0 ? resolve(parent, visiting) : undefined);
    memo[index] = env ?? null;
    return env;
  };
  return (index) => {
    const known = memo[index];
    return known !== undefined ? (known ?? undefined) : resolve(index, new Set());
  };
}

function bitCount(bits: number): number {
  let n = 0;
  for (; bits; bits &= bits - 1) n++;
  return n;
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
    const facts = nodeFacts(graph);
    const environmentOf = environmentResolver(graph);
    // Where each node is placed, resolved once: holders are shared by many credentials. First as
    // a set of environments, which rules out nearly every credential; then, for those reported,
    // place by place.
    const environmentSets = new Uint8Array(graph.order);
    const environmentSetOf = (index: number): number => {
      let bits = environmentSets[index]!;
      if (!bits) {
        bits = KNOWN;
        const row = graph.outIndex(index, 'in_boundary');
        for (let k = 0; k < row.length; k++) {
          const environment = environmentOf(graph.edgeTarget[row[k]!]!);
          if (environment !== undefined) bits |= ENVIRONMENT_BIT[environment];
        }
        environmentSets[index] = bits;
      }
      return bits & ~KNOWN;
    };
    const places: (Place[] | undefined)[] = new Array(graph.order);
    const placesOf = (node: AnyGraphNode): Place[] =>
      (places[node.index] ??= graph.outEdgesOf(node, 'in_boundary').flatMap((e) => {
        const environment = environmentOf(e.target);
        return environment === undefined ? [] : [{ environment, boundary: e.to }];
      }));
    for (const credential of graph.nodesOf('credential')) {
      if (!isCredentialActive(credential)) continue;
      const spanned = environmentSetOf(credential.index) | holderEnvironments(graph, facts, credential.index, environmentSetOf);
      if (!(spanned & PRODUCTION) || bitCount(spanned) < 2) continue;
      const holders = holdersOf(graph, credential).filter((h) => isLiveHolder(facts, h.index));
      const seen = new Set<EnvironmentName>(placesOf(credential).map((p) => p.environment));
      for (const holder of holders) for (const p of placesOf(holder)) seen.add(p.environment);
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

/** Retired agents do not count as holders. */
function isLiveHolder(facts: Uint8Array, holder: number): boolean {
  return (facts[holder]! & (AGENT | LIVE_AGENT)) !== AGENT;
}

/** The environments of a credential's live holders, as a set. */
function holderEnvironments(g: ModelGraph, facts: Uint8Array, credential: number, environmentSetOf: (index: number) => number): number {
  let bits = 0;
  const row = g.inIndex(credential, 'authenticates_with');
  for (let k = 0; k < row.length; k++) {
    const holder = g.edgeSource[row[k]!]!;
    if (isLiveHolder(facts, holder)) bits |= environmentSetOf(holder);
  }
  return bits;
}
