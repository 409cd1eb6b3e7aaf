import type { AnyGraphNode } from '../graph/graph.js';
import type { LayerNumber } from '../graph/layers.js';
import type { NodeKind } from '../model/schema.js';
import { compareText } from '../util/compare.js';
import { findingId, type Finding, type FindingAcceptance, type FindingLocation } from './finding.js';
import type { Reference, Rule, RuleCategory } from './rule.js';
import type { Severity } from './severity.js';

/**
 * A finding as the engine builds it. A large estate yields hundreds of thousands of findings:
 * what all findings of a rule share (title, references, remediation, layers) is read from the rule
 * instead of being copied into each, what follows from the subject is read from its node, and the
 * id is written when first asked for.
 */
export class RuleFinding implements Finding {
  status: 'open' | 'accepted' = 'open';
  acceptance?: FindingAcceptance;
  readonly #rule: Rule;
  readonly #node: AnyGraphNode | undefined;
  #id: string | undefined;

  constructor(
    rule: Rule,
    /** The subject's node; undefined when the subject is an acceptance's pattern. */
    node: AnyGraphNode | undefined,
    readonly subject: string,
    /** Tells apart several findings of one rule on one subject (empty when there is one). */
    readonly key: string,
    id: string | undefined,
    readonly severity: Severity,
    readonly reasons: readonly string[],
    readonly related: readonly string[],
    readonly message: string,
    readonly location: FindingLocation,
  ) {
    this.#rule = rule;
    this.#node = node;
    this.#id = id;
  }

  get id(): string {
    return (this.#id ??= findingId(this.#rule.id, this.subject, this.key));
  }

  get ruleId(): string {
    return this.#rule.id;
  }

  get title(): string {
    return this.#rule.title;
  }

  get category(): RuleCategory {
    return this.#rule.category;
  }

  get baseSeverity(): Severity {
    return this.#rule.severity;
  }

  get subjectKind(): NodeKind | 'acceptance' {
    return this.#node?.kind ?? 'acceptance';
  }

  get layer(): LayerNumber {
    return this.#rule.layers[0] ?? this.#node?.layer ?? 6;
  }

  get layers(): readonly LayerNumber[] {
    return this.#rule.layers;
  }

  get subjectLayer(): LayerNumber {
    return this.#node?.layer ?? this.#rule.layers[0] ?? 6;
  }

  get references(): readonly Reference[] {
    return this.#rule.references;
  }

  get remediation(): string {
    return this.#rule.remediation;
  }

  /** The subject's position in id order, or -1 when the subject is not a node. */
  get subjectIndex(): number {
    return this.#node?.index ?? -1;
  }
}

/**
 * The order of `compareFindings` between two findings of the same rule and severity: subject
 * (by node position, which is id order, when both are nodes), then key, which orders the ids
 * (`rule@subject` before `rule@subject/key`), then message.
 */
export function compareWithinRule(a: RuleFinding, b: RuleFinding): number {
  const ia = a.subjectIndex;
  const ib = b.subjectIndex;
  if (ia !== ib && ia >= 0 && ib >= 0) return ia - ib;
  return compareText(a.subject, b.subject) || compareText(a.key, b.key) || compareText(a.message, b.message);
}
