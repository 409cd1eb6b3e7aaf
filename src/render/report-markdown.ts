import type { Finding } from '../analysis/finding.js';
import { plural } from './plural.js';
import { LAYERS } from '../graph/layers.js';
import { referenceText } from './html/report.js';
import { escapeMarkdown, escapeMarkdownCell } from './markdown-escape.js';
import { CONTROL_WORDS } from './mermaid/chains.js';
import { describe } from './mermaid/entities.js';
import { STATE_TEXT } from './mermaid/ownership.js';
import { countOf, reportContent, SEVERITIES_DOWN, type ReportContent, type ReportInput } from './report-content.js';

/**
 * The Markdown report: the HTML report's content for docs sites and pull requests, with the
 * diagrams as fenced Mermaid blocks (GitHub draws them). Diagram text never holds a backtick, so
 * no fence can be closed from inside; every other text from the model is Markdown-escaped.
 */
export function renderMarkdownReport(input: ReportInput): string {
  const c = reportContent(input);
  const out: string[] = [];
  out.push(`# Steward report: ${escapeMarkdown(c.title)}`, '');
  out.push(
    `As of ${c.asOf}. ${c.nodeCounts.map((k) => countOf(k.count, k.kind)).join(', ')}; ${c.relations} relations; ` +
      `${c.files.length} model file${c.files.length === 1 ? '' : 's'}: ${c.files.map((f) => `\`${code(f)}\``).join(', ')}. Steward ${c.version}.`,
    '',
  );
  summary(c, out);
  findings(c, out);
  paths(c, out);
  fence(out, '## Ownership', 'Who answers for each agent, tool, credential, data store, model and system; nodes nobody answers for stand out.', c.diagrams.ownership);
  gaps(c, out);
  fence(out, '## MAESTRO layers', 'Every node on its CSA MAESTRO layer, L7 at the top to L1 at the bottom.', c.diagrams.layers);
  fence(out, '## System', 'Agents, sub-agents, tools, credentials, data stores and models, grouped by trust boundary and system.', c.diagrams.system);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function summary(c: ReportContent, out: string[]): void {
  const s = c.summary;
  out.push('## Summary', '');
  out.push(
    `${s.open} open finding${s.open === 1 ? '' : 's'} and ${s.accepted} accepted, from ${plural(c.rules.size, 'rule')}. ` +
      `${c.gaps.length} node${c.gaps.length === 1 ? ' has' : 's have'} no clear accountable owner.`,
    '',
  );
  out.push(`| Layer | ${SEVERITIES_DOWN.join(' | ')} | total |`, `| --- | ${SEVERITIES_DOWN.map(() => '---:').join(' | ')} | ---: |`);
  for (const row of c.byLayer) {
    out.push(`| ${LAYERS[row.layer].id} ${LAYERS[row.layer].name} | ${SEVERITIES_DOWN.map((sev) => row.counts[sev]).join(' | ')} | ${row.total} |`);
  }
  out.push(`| **open** | ${SEVERITIES_DOWN.map((sev) => `**${s.bySeverity[sev]}**`).join(' | ')} | **${s.open}** |`, '');
  if (c.gaps.length) {
    const counts = (['unowned', 'departed', 'platform-only', 'ambiguous'] as const)
      .map((state) => ({ state, n: c.gaps.filter((g) => g.ownership.state === state).length }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.n} ${STATE_TEXT[x.state]}`);
    out.push(`Accountability gaps: ${counts.join(', ')} (listed under [Ownership](#ownership)).`, '');
  }
}

function findings(c: ReportContent, out: string[]): void {
  out.push('## Findings', '');
  if (!c.findings.length) {
    out.push('No findings: every rule that ran passed.', '');
    return;
  }
  out.push('Most severe first. Why each rule matters, how to fix it and its references follow the table.', '');
  out.push('| Severity | Finding | Subject | Layer | Status |', '| --- | --- | --- | --- | --- |');
  for (const f of c.findings) out.push(findingRow(f));
  out.push('');
  const seen = [...new Set(c.findings.map((f) => f.ruleId))].sort();
  out.push('### Rules with findings', '');
  for (const id of seen) {
    const rule = c.rules.get(id);
    const sample = c.findings.find((f) => f.ruleId === id)!;
    out.push(`#### ${id}`, '', `**${escapeMarkdown(sample.title)}**`, '');
    if (rule) out.push(`Why it matters: ${escapeMarkdown(rule.rationale)}`, '');
    out.push(`How to fix: ${escapeMarkdown(sample.remediation)}`, '');
    out.push(`References: ${sample.references.map((r) => escapeMarkdown(referenceText(r))).join('; ')}`, '');
  }
}

function paths(c: ReportContent, out: string[]): void {
  if (!c.paths) return;
  const { analysis, chains } = c.paths;
  const s = analysis.summary;
  out.push('## Attack paths', '');
  out.push(
    `${s.entries} entry point${s.entries === 1 ? '' : 's'} and ${s.jewels} crown jewel${s.jewels === 1 ? '' : 's'}; ${s.exposedJewels} of the jewels can be reached. ` +
      `The ${analysis.paths.length} most risky paths, each hop with the control it has or lacks.`,
    '',
  );
  for (const t of analysis.truncated) out.push(`- Limit: ${escapeMarkdown(t.message)}`);
  if (analysis.truncated.length) out.push('');
  if (!chains.length) out.push(`No path from an entry point reaches a crown jewel within ${analysis.settings.maxHops} hops.`, '');
  for (const { path, diagram } of chains) {
    out.push(`### Path ${path.rank}: ${escapeMarkdown(path.entry)} to ${escapeMarkdown(path.jewel)} (${path.severity})`, '');
    out.push(
      `Risk ${path.risk.toFixed(3)} (likelihood ${path.likelihood.toFixed(3)}, impact ${path.impact.toFixed(2)}); ${plural(path.hops.length, 'hop')}, ` +
        `${path.uncontrolledHops} without a gating control, ${plural(path.ownershipCrossings, 'owner change')}, ${plural(path.trustCrossings, 'trust boundary', 'trust boundaries')} crossed. ` +
        `Id: \`${code(path.id)}\`${path.folded.count ? `; ${plural(path.folded.count, 'similar path')} folded in` : ''}.`,
      '',
    );
    path.hops.forEach((hop) => {
      const notes: string[] = [];
      if (hop.controls.length) notes.push(`with ${hop.controls.map((m) => CONTROL_WORDS[m]).join(', ')}`);
      if (hop.uncontrolled) notes.push(`**no gating control**${hop.missingControls.length ? `: add ${hop.missingControls.map((m) => CONTROL_WORDS[m]).join(' or ')}` : ''}`);
      else if (hop.missingControls.length) notes.push(`missing ${hop.missingControls.map((m) => CONTROL_WORDS[m]).join(', ')}`);
      if (hop.crossesOwnership) {
        const from = path.nodes[hop.index]!.teams.join(', ') || 'nobody';
        const to = path.nodes[hop.index + 1]!.teams.join(', ') || 'nobody';
        notes.push(`owner change: ${escapeMarkdown(from)} to ${escapeMarkdown(to)}`);
      }
      if (hop.crossesTrustBoundary) notes.push('crosses a trust boundary');
      const where = hop.relations.map((r) => `\`${code(`${r.file}:${r.line}`)}\``).join(', ');
      out.push(`${hop.index + 1}. ${escapeMarkdown(hop.text)}${notes.length ? `; ${notes.join('; ')}` : ''} (${where})`);
    });
    out.push('', '```mermaid', diagram.trimEnd(), '```', '');
  }
  const a = analysis.chokepoints;
  if (a.nodes.length) {
    out.push('### Chokepoints', '', '| Node | Kind | Paths | Share of risk |', '| --- | --- | ---: | ---: |');
    for (const n of a.nodes) out.push(`| \`${code(n.id)}\` | ${n.kind} | ${n.paths} | ${(n.share * 100).toFixed(1)}% |`);
    out.push('');
  }
  if (a.cut.hops.length) {
    out.push('### Smallest set of hops to control', '', `Controlling these ${a.cut.size} hops cuts every entry point off from every crown jewel${a.cut.minimal ? '' : ' (not proven smallest)'}:`, '');
    for (const h of a.cut.hops) out.push(`- ${escapeMarkdown(h.text)} (${h.relations.map((r) => `\`${code(`${r.file}:${r.line}`)}\``).join(', ')})`);
    out.push('');
  }
  if (analysis.blastRadius.length) {
    out.push('### Blast radius', '', '| Agent or credential | Crown jewels reached | Entities reached | Most important jewels |', '| --- | ---: | ---: | --- |');
    for (const b of analysis.blastRadius) out.push(`| \`${code(b.id)}\` ${b.kind} | ${b.jewels} | ${b.reaches} | ${escapeMarkdownCell(b.topJewels.join(', '))} |`);
    out.push('');
  }
}

function findingRow(f: Finding): string {
  const raised = f.severity !== f.baseSeverity ? ` (raised from ${f.baseSeverity}: ${f.reasons.join('; ')})` : '';
  const status =
    f.status === 'accepted' && f.acceptance
      ? `accepted until ${f.acceptance.expires} by ${escapeMarkdownCell(f.acceptance.approver)}: ${escapeMarkdownCell(f.acceptance.justification)}`
      : f.status;
  return (
    `| ${f.severity} | [${escapeMarkdownCell(f.title)}](#${f.ruleId})<br>${escapeMarkdownCell(f.message + raised)}<br>\`${code(f.id)}\` ` +
    `| \`${code(f.subject)}\` ${f.subjectKind} | ${LAYERS[f.layer].id} | ${status} |`
  );
}

function gaps(c: ReportContent, out: string[]): void {
  out.push(`### Accountability gaps (${c.gaps.length})`, '');
  if (!c.gaps.length) {
    out.push('None: every agent, tool, credential, data store, model and system has an accountable owner.', '');
    return;
  }
  out.push('| Node | Kind | Ownership | Why |', '| --- | --- | --- | --- |');
  for (const { node, ownership } of c.gaps) {
    out.push(`| \`${code(node.id)}\` | ${escapeMarkdownCell(describe(node))} | ${STATE_TEXT[ownership.state]} | ${escapeMarkdownCell(ownership.detail)} |`);
  }
  out.push('');
}

function fence(out: string[], heading: string, lead: string, diagram: string): void {
  out.push(heading, '', lead, '', '```mermaid', diagram.trimEnd(), '```', '');
}

/** Text inside a code span in a table: a backtick or a pipe cannot end it. Ids hold neither. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '\\|');
}
