import { compareText } from '../util/compare.js';
import type { NodeKind } from '../model/schema.js';
import type { LayerNumber } from '../graph/layers.js';
import type { Reference, RuleCategory } from './rule.js';
import { severityRank, type Severity } from './severity.js';

export interface FindingLocation {
  file: string;
  line: number;
  column: number;
}

export interface FindingAcceptance {
  pattern: string;
  justification: string;
  approver: string;
  expires: string;
  location: FindingLocation;
}

/** A finding as every renderer receives it. */
export interface Finding {
  /** Stable and readable: `rule@subject`, or `rule@subject/key`. */
  id: string;
  ruleId: string;
  title: string;
  category: RuleCategory;
  severity: Severity;
  baseSeverity: Severity;
  /** Why the severity is what it is. */
  reasons: readonly string[];
  subject: string;
  subjectKind: NodeKind | 'acceptance';
  related: readonly string[];
  /** The MAESTRO layer the finding is reported on: the rule's primary layer. */
  layer: LayerNumber;
  /** Every layer the rule concerns. */
  layers: readonly LayerNumber[];
  /** The layer of the subject node itself. */
  subjectLayer: LayerNumber;
  references: readonly Reference[];
  message: string;
  remediation: string;
  location: FindingLocation;
  status: 'open' | 'accepted';
  acceptance?: FindingAcceptance;
}

export function findingId(ruleId: string, subject: string, key?: string): string {
  return key ? `${ruleId}@${subject}/${key}` : `${ruleId}@${subject}`;
}

/** The one order of findings: most severe first, then rule, subject, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.subject, b.subject) ||
    compareText(a.id, b.id) ||
    compareText(a.message, b.message)
  );
}

