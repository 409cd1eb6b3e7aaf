import type { AnyGraphNode, ModelGraph } from '../graph/graph.js';
import type { LayerNumber } from '../graph/layers.js';
import type { Severity } from './severity.js';
import type { Finding } from './finding.js';

export const RULE_CATEGORIES = [
  'ownership',
  'lifecycle',
  'credentials',
  'privilege',
  'observability',
  'supply-chain',
  'paths',
  'acceptance',
] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/** Framework namespaces a reference may use, e.g. `owasp-asi:ASI03`. */
export const REFERENCE_NAMESPACES = {
  'owasp-asi': 'OWASP Top 10 for Agentic Applications (2026)',
  'owasp-ttm': 'OWASP Agentic AI Threats and Mitigations',
  'owasp-nhi': 'OWASP Non-Human Identities Top 10 (2025)',
  'owasp-llm': 'OWASP Top 10 for LLM Applications (2025)',
  'nist-ai-rmf': 'NIST AI Risk Management Framework 1.0',
  maestro: 'CSA MAESTRO',
  atlas: 'MITRE ATLAS',
  spiffe: 'SPIFFE',
} as const;
export type ReferenceNamespace = keyof typeof REFERENCE_NAMESPACES;
export type Reference = `${ReferenceNamespace}:${string}`;

/** What a rule says about itself: the catalogue and every output are generated from it. */
export interface RuleMeta {
  /** kebab-case noun phrase naming the risk; equals the file name. */
  id: string;
  title: string;
  category: RuleCategory;
  /** The base severity, before context raises it. */
  severity: Severity;
  /** When and why the severity is raised above the base (documented in the catalogue). */
  escalation?: string;
  layers: readonly LayerNumber[];
  references: readonly Reference[];
  rationale: string;
  remediation: string;
}

/** What a rule's check receives. */
export interface RuleContext {
  graph: ModelGraph;
  /** The date the analysis is as of (YYYY-MM-DD); rules never read the clock. */
  asOf: string;
  /** Findings of the ordinary rules; only given to rules of the acceptance phase. */
  findings: readonly Finding[];
  /** Ids of catalogue rules the user chose not to run (--rule, --skip-rule). */
  deselected: ReadonlySet<string>;
}

/** One problem a rule found. The engine adds the id, metadata and location. */
export interface RuleResult {
  /**
   * The node the finding is about, or its id. Rules pass the node they hold, which spares the
   * engine a lookup per finding; an acceptance finding names its pattern.
   */
  subject: AnyGraphNode | string;
  /** Other nodes involved (the credential that is shared, the agents that share it). */
  related?: readonly string[];
  /** Distinguishes several findings of one rule on one subject; becomes part of the id. */
  key?: string;
  /** What is wrong with this node, precisely. */
  message: string;
  /** The severity, when context raised it above the rule's base. */
  severity?: Severity;
  /** Why the severity is what it is (shown with the finding). */
  reasons?: readonly string[];
}

export interface Rule extends RuleMeta {
  /** Acceptance-phase rules run after the others and see their findings. */
  phase?: 'acceptance';
  check(ctx: RuleContext): Iterable<RuleResult>;
}

/** Declares a rule; a typed identity, so that a rule file reads as metadata beside its check. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
