import { STEPS, STEP_RULE } from '../analysis/paths/traversal.js';
import { RELATION_ENDS } from '../model/relations.js';
import { NODE_KINDS, RELATION_KINDS, type NodeKind } from '../model/schema.js';
import {
  OG_NAMESPACE,
  OG_NODE_KIND,
  OG_RELATION_KIND,
  OG_STEP_KIND,
  OG_SUBKIND,
  OG_TAINTED_KIND,
  OG_TAINTED_RELATION_KIND,
} from './vocabulary.js';

/**
 * The BloodHound OpenGraph extension definition for Steward's kinds. Generic OpenGraph data is
 * searchable but not walked: pathfinding follows only relationship kinds an installed extension
 * marks traversable. Exactly the compromise steps of Steward's traversal table are traversable,
 * in their direction of control; the model's relations are evidence, not steps (a relation alone
 * does not decide a step: its direction, the states of its ends, retired agents and revoked
 * credentials do), so BloodHound walks the same routes as `steward paths`.
 */
export const EXTENSION_VERSION = 'v1.0.0';

const NODE_LOOK: Readonly<Record<NodeKind, { icon: string; color: string; description: string }>> = {
  system: { icon: 'sitemap', color: '#7C3AED', description: 'A multi-agent system, with its own accountable owners.' },
  owner: { icon: 'users', color: '#64748B', description: 'A team or a person accountable for agents, tools, credentials or data.' },
  agent: { icon: 'robot', color: '#4F46E5', description: 'An autonomous or supervised AI agent.' },
  tool: { icon: 'screwdriver-wrench', color: '#16A34A', description: 'An API, MCP server, function, browser or code runner an agent can call.' },
  credential: { icon: 'key', color: '#A16207', description: 'A non-human identity: API key, token, certificate or workload identity.' },
  data: { icon: 'database', color: '#0369A1', description: 'A database, vector store, agent memory, file store or SaaS dataset.' },
  model: { icon: 'brain', color: '#DB2777', description: 'A foundation model endpoint the agents reason with.' },
  boundary: { icon: 'shield-halved', color: '#0F766E', description: 'A trust zone or environment.' },
};

export interface ExtensionNodeKind {
  name: string;
  display_name: string;
  description: string;
  is_display_kind: boolean;
  icon?: string;
  color?: string;
}

export interface ExtensionRelationshipKind {
  name: string;
  description: string;
  is_traversable: boolean;
}

export interface OpenGraphExtension {
  schema: { name: string; display_name: string; version: string; namespace: string };
  node_kinds: ExtensionNodeKind[];
  relationship_kinds: ExtensionRelationshipKind[];
}

export function openGraphExtension(): OpenGraphExtension {
  const display = (kind: NodeKind) => `Steward ${kind === 'data' ? 'Data Store' : kind.charAt(0).toUpperCase() + kind.slice(1)}`;
  const node_kinds: ExtensionNodeKind[] = NODE_KINDS.map((k) => ({
    name: OG_NODE_KIND[k],
    display_name: display(k),
    description: NODE_LOOK[k].description,
    is_display_kind: true,
    icon: NODE_LOOK[k].icon,
    color: NODE_LOOK[k].color,
  }));
  node_kinds.push(
    { name: OG_TAINTED_KIND, display_name: 'Steward Tainted State', description: 'Content an attacker planted in a store or a tool, which steers whoever reads or calls it.', is_display_kind: true, icon: 'biohazard', color: '#DC2626' },
    { name: OG_SUBKIND.subAgent, display_name: 'Steward Sub-agent', description: 'An agent with a parent agent.', is_display_kind: false },
    { name: OG_SUBKIND.workloadIdentity, display_name: 'Steward Workload Identity', description: 'A credential issued to the workload at run time: SPIFFE, OIDC federation, a managed cloud role.', is_display_kind: false },
    { name: OG_SUBKIND.person, display_name: 'Steward Person', description: 'An owner who is a person rather than a team.', is_display_kind: false },
  );
  const relationship_kinds: ExtensionRelationshipKind[] = [
    ...RELATION_KINDS.map((r) => ({
      name: OG_RELATION_KIND[r],
      description: `Model relation "${RELATION_ENDS[r].label}" (${RELATION_ENDS[r].from.join(', ')} to ${RELATION_ENDS[r].to.join(', ')}). Evidence only: compromise travels on the Stwd_Step edges.`,
      is_traversable: false,
    })),
    ...STEPS.map((s) => {
      const rule = STEP_RULE[s];
      return {
        name: OG_STEP_KIND[s],
        description: `Compromise step "${s}" (${rule.from} to ${rule.to}, on ${rule.relation}${rule.reversed ? ', against its written direction' : ''}): ${rule.meaning}`,
        is_traversable: true,
      };
    }),
    { name: OG_TAINTED_RELATION_KIND, description: 'Links a tainted state to its entity. Not a step: planting content does not give control.', is_traversable: false },
  ];
  return {
    schema: { name: 'Steward', display_name: 'Steward: agents and their non-human identities', version: EXTENSION_VERSION, namespace: OG_NAMESPACE },
    node_kinds,
    relationship_kinds,
  };
}

export function renderOpenGraphExtension(): string {
  return `${JSON.stringify(openGraphExtension(), null, 2)}\n`;
}
