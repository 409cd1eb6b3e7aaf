import { plural } from '../plural.js';
import { SEVERITIES } from '../../analysis/severity.js';
import { sameValue } from '../../diff/values.js';
import type { ControlSetT, FieldChangeT, ModelDiff, PathRefT, RelationRefT } from '../../diff/schema.js';

/** A model value in one short line: JSON, cut at `max` characters. */
export function compactValue(value: unknown, max = 60): string {
  if (value === undefined) return '(unset)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A changed field in one line. Two lists show only the items that differ (`+` added, `-` gone),
 * so that a long list with one edit reads as that edit.
 */
export function fieldText(f: FieldChangeT, max = 60): string {
  if (Array.isArray(f.old) && Array.isArray(f.new)) {
    const before = f.old as unknown[];
    const after = f.new as unknown[];
    const gone = before.filter((x) => !after.some((y) => sameValue(x, y)));
    const added = after.filter((x) => !before.some((y) => sameValue(x, y)));
    const parts = [...gone.map((x) => `-${compactValue(x, max)}`), ...added.map((x) => `+${compactValue(x, max)}`)];
    return `${f.field}: ${parts.length ? parts.join(' ') : 'reordered'}`;
  }
  return `${f.field}: ${compactValue(f.old, max)} -> ${compactValue(f.new, max)}`;
}

export function controlsText(c: ControlSetT): string {
  const parts: string[] = [];
  if (c.approval) parts.push('approval');
  if (c.policy_check) parts.push('policy check');
  if (c.on_behalf_of) parts.push('on-behalf-of');
  if (c.auth) parts.push(`auth ${c.auth}`);
  if (c.scopes?.length) parts.push(`scopes ${c.scopes.join(' ')}`);
  return parts.length ? parts.join(', ') : 'no controls';
}

export function relationText(r: Pick<RelationRefT, 'from' | 'kind' | 'to' | 'role' | 'access'>): string {
  const extra = [r.role, r.access].filter(Boolean).join(', ');
  return `${r.from} ${r.kind} ${r.to}${extra ? ` (${extra})` : ''}`;
}

export function pathText(p: PathRefT, arrow = '->'): string {
  return p.nodes.join(` ${arrow} `);
}

export function pct(x: number): string {
  return `${(x * 100).toFixed(x >= 0.1 || x === 0 ? 0 : 1)}%`;
}

/** "2 high, 1 medium" over the opened findings; empty when none. */
export function openedCounts(d: ModelDiff): string {
  return [...SEVERITIES]
    .reverse()
    .filter((s) => d.summary.openedBySeverity[s] > 0)
    .map((s) => `${d.summary.openedBySeverity[s]} ${s}`)
    .join(', ');
}


/** The one-line verdict every format starts or ends with. */
export function headline(d: ModelDiff): string {
  const s = d.summary;
  const opened = s.findings.opened ? `${plural(s.findings.opened, 'finding')} opened (${openedCounts(d)})` : 'no finding opened';
  const paths = `${plural(s.paths.added, 'new path')} to crown jewels${s.paths.lostControl ? `, ${plural(s.paths.lostControl, 'path')} lost a control` : ''}`;
  return `${opened}, ${s.findings.resolved} resolved; ${paths}, ${plural(s.paths.removed, 'path')} removed`;
}
