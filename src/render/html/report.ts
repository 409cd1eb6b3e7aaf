import { createHash } from 'node:crypto';
import { plural } from '../plural.js';
import { REFERENCE_NAMESPACES } from '../../analysis/rule.js';
import { LAYER_NUMBERS, LAYERS } from '../../graph/layers.js';
import type { RankedPath } from '../../analysis/paths/types.js';
import { CONTROL_WORDS } from '../mermaid/chains.js';
import { describe } from '../mermaid/entities.js';
import { STATE_TEXT } from '../mermaid/ownership.js';
import { countOf, reportContent, SEVERITIES_DOWN, type ReportContent, type ReportInput } from '../report-content.js';
import { APP_SCRIPT } from './app.js';
import { escapeHtml, html, Html, join } from './escape.js';
import { STYLE } from './style.js';

export interface HtmlOptions {
  /** The Mermaid browser bundle (mermaid.min.js), inlined so the page needs no network. */
  mermaidScript: string;
}

/**
 * The HTML report: one self-contained page. Every text from the model is escaped; diagram text sits
 * escaped in a `<pre>` and is read back with `textContent`; the Content-Security-Policy allows only
 * the page's two scripts (by hash), inline styles and data: images, so the page can make no request
 * and run no other script even if something slipped through.
 */
export function renderHtmlReport(input: ReportInput, options: HtmlOptions): string {
  if (/<\/?script/i.test(options.mermaidScript)) throw new Error('the Mermaid bundle contains a script tag and cannot be inlined safely');
  const content = reportContent(input);
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(options.mermaidScript)} ${sha256(APP_SCRIPT)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const body = join([header(content), nav(content), html`<main>${join([summary(content), findings(content), paths(content), ownership(content), layers(content), system(content), rules(content)])}</main>`, footer(content)]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Steward ${escapeAttr(content.version)}">
<title>${html`Steward report: ${content.title}`.value}</title>
<style>${STYLE}</style>
</head>
<body>
${body.value}
<script>${options.mermaidScript}</script>
<script>${APP_SCRIPT}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function escapeAttr(text: string): string {
  return html`${text}`.value;
}

function header(c: ReportContent): Html {
  const kinds = c.nodeCounts.map((k) => countOf(k.count, k.kind)).join(', ');
  return html`<header class="top">
<p class="eyebrow">Steward threat model report</p>
<h1>${c.title}</h1>
<p class="meta">As of ${c.asOf} · ${kinds} · ${c.relations} relations · Steward ${c.version}</p>
<details class="source"><summary>${c.files.length} model file${c.files.length === 1 ? '' : 's'}</summary><ul>${join(c.files.map((f) => html`<li><code>${f}</code></li>`))}</ul></details>
</header>`;
}

function nav(c: ReportContent): Html {
  return html`<nav class="toc" aria-label="Sections">
<a href="#summary">Summary</a><a href="#findings">Findings (${c.findings.length})</a>${c.paths ? html`<a href="#paths">Attack paths (${c.paths.analysis.paths.length})</a>` : html``}<a href="#ownership">Ownership (${c.gaps.length} gaps)</a><a href="#layers">MAESTRO layers</a><a href="#system">System</a>${c.findings.length ? html`<a href="#rules">Rules</a>` : html``}
</nav>`;
}

function summary(c: ReportContent): Html {
  const s = c.summary;
  const cards = join([
    ...SEVERITIES_DOWN.map((sev) => html`<div class="card ${sev}"><span class="n">${s.bySeverity[sev]}</span><span class="l">${sev} open</span></div>`),
    html`<div class="card accepted"><span class="n">${s.accepted}</span><span class="l">accepted</span></div>`,
  ]);
  const layerRows = join(
    c.byLayer.map(
      (row) => html`<tr><td>${LAYERS[row.layer].id} ${LAYERS[row.layer].name}</td>${join(
        SEVERITIES_DOWN.map((sev) => html`<td class="num${row.counts[sev] ? '' : ' zero'}">${row.counts[sev]}</td>`),
      )}<td class="num"><strong>${row.total}</strong></td></tr>`,
    ),
  );
  const states = (['unowned', 'departed', 'platform-only', 'ambiguous'] as const).map((state) => ({ state, count: c.gaps.filter((g) => g.ownership.state === state).length }));
  const top = c.gaps.slice(0, 12);
  return html`<section id="summary">
<h2>Summary</h2>
<p class="lead">${s.open} open finding${s.open === 1 ? '' : 's'} and ${s.accepted} accepted, from ${plural(c.rules.size, 'rule')}, as of ${c.asOf}. ${c.gaps.length} node${c.gaps.length === 1 ? ' has' : 's have'} no clear accountable owner.</p>
<div class="cards">${cards}</div>
<div class="grid">
<div>
<h3>Open findings by MAESTRO layer</h3>
<table class="by-layer"><thead><tr><th>Layer</th>${join(SEVERITIES_DOWN.map((sev) => html`<th class="num">${sev}</th>`))}<th class="num">total</th></tr></thead><tbody>${layerRows}</tbody></table>
</div>
<div>
<h3>Accountability gaps</h3>
<table class="gap-counts"><tbody>${join(states.map((x) => html`<tr><td><span class="state ${x.state}">${STATE_TEXT[x.state]}</span></td><td class="num">${x.count}</td></tr>`))}</tbody></table>
${top.length ? gapTable(top) : html`<p class="empty-note">Every agent, tool, credential, data store, model and system has an accountable owner.</p>`}
${c.gaps.length > top.length ? html`<p><a href="#ownership">All ${c.gaps.length} gaps</a></p>` : html``}
</div>
</div>
</section>`;
}

function gapTable(rows: ReportContent['gaps']): Html {
  let body = '';
  for (const { node, ownership } of rows) {
    body +=
      `<tr><td><code>${escapeHtml(node.id)}</code></td><td>${escapeHtml(describe(node))}</td>` +
      `<td><span class="state ${ownership.state}">${STATE_TEXT[ownership.state]}</span></td><td>${escapeHtml(ownership.detail)}</td></tr>\n`;
  }
  return new Html(`<table class="gaps"><thead><tr><th>Node</th><th>Kind</th><th>Ownership</th><th>Why</th></tr></thead><tbody>\n${body}</tbody></table>`);
}

function findings(c: ReportContent): Html {
  if (!c.findings.length) {
    return html`<section id="findings"><h2>Findings</h2><p class="empty-note">No findings: every rule that ran passed.</p></section>`;
  }
  const layerOptions = join(LAYER_NUMBERS.map((l) => html`<option value="${l}">${LAYERS[l].id} ${LAYERS[l].name}</option>`));
  return html`<section id="findings">
<h2>Findings</h2>
<p class="lead">Most severe first. Click a column to sort; open a finding for why it matters, how to fix it and its references.</p>
<div class="controls" role="search">
<label>Search<input type="search" id="f-text" placeholder="rule, node, text" autocomplete="off"></label>
<label>Severity<select id="f-severity"><option value="">all</option>${join(SEVERITIES_DOWN.map((s) => html`<option value="${s}">${s}</option>`))}</select></label>
<label>Layer<select id="f-layer"><option value="">all</option>${layerOptions}</select></label>
<label>Status<select id="f-status"><option value="">all</option><option value="open">open</option><option value="accepted">accepted</option></select></label>
<output id="f-count">${c.findings.length} findings</output>
</div>
<table id="findings-table">
<thead><tr><th aria-sort="descending"><button type="button" data-sort="severity">Severity</button></th><th aria-sort="none"><button type="button" data-sort="rule">Finding</button></th><th aria-sort="none"><button type="button" data-sort="subject">Subject</button></th><th aria-sort="none"><button type="button" data-sort="layer">Layer</button></th><th aria-sort="none"><button type="button" data-sort="status">Status</button></th></tr></thead>
<tbody></tbody>
</table>
<p class="more-rows" hidden><button type="button" id="f-more">Show more</button> <button type="button" id="f-all">Show all</button></p>
<noscript><p class="empty-note">The findings table is drawn by the page's script; with scripts off, the Markdown report (steward report --md) lists every finding.</p></noscript>
<script type="application/json" id="findings-data">${new Html(findingsJson(c))}</script>
</section>`;
}

/**
 * The findings as data for the page's script, which draws the table a page of rows at a time: a
 * report can hold tens of thousands of findings. Titles, explanations, fixes and references are
 * per rule (under "Rules"), so each finding carries only its own fields. Inside the script element
 * "<" is written as \u003c, so no text can end it; the script puts every value in with textContent.
 */
function findingsJson(c: ReportContent): string {
  const rules: string[] = [];
  const titles: string[] = [];
  const ruleIndex = new Map<string, number>();
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], key: string) => {
    let i = map.get(key);
    if (i === undefined) {
      map.set(key, (i = list.length));
      list.push(key);
    }
    return i;
  };
  const rows = c.findings.map((f) => {
    const rule = ruleIndex.get(f.ruleId) ?? indexOf(ruleIndex, rules, f.ruleId);
    if (titles.length < rules.length) titles.push(f.title);
    // The id is rule@subject, with a /key when a rule reports one subject more than once.
    const prefix = `${f.ruleId}@${f.subject}`;
    const row: unknown[] = [
      f.id.startsWith(prefix) ? f.id.slice(prefix.length) : f.id,
      rule,
      f.severity,
      f.layer,
      f.status,
      f.subject,
      f.subjectKind,
      f.message,
      f.severity === f.baseSeverity ? '' : `${f.severity}, raised from ${f.baseSeverity}: ${f.reasons.join('; ')}`,
      f.related,
      [indexOf(fileIndex, files, f.location.file), f.location.line, f.location.column],
    ];
    const a = f.acceptance;
    if (a) row.push([a.justification, a.approver, a.expires, `${a.location.file}:${a.location.line}`]);
    return row;
  });
  const json = JSON.stringify({ rules, titles, files, layers: Object.fromEntries(LAYER_NUMBERS.map((l) => [l, LAYERS[l].id])), rows });
  const risky = json.includes('<') || json.includes('\u2028') || json.includes('\u2029');
  return risky ? json.replace(/[<\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Each rule with findings, once: why it matters, how to fix it, its references. */
function rules(c: ReportContent): Html {
  const byRule = new Map<string, { sample: ReportContent['findings'][number]; count: number }>();
  for (const f of c.findings) {
    const seen = byRule.get(f.ruleId);
    if (seen) seen.count++;
    else byRule.set(f.ruleId, { sample: f, count: 1 });
  }
  if (!byRule.size) return html``;
  const docs = [...byRule.keys()].sort().map((id) => {
    const { sample, count } = byRule.get(id)!;
    const rule = c.rules.get(id);
    return html`<article class="rule" id="rule-${id}">
<h3>${sample.title} <code>${id}</code> <span class="kind">${plural(count, 'finding')}</span></h3>
<dl class="rule-doc">
<dt>Why it matters</dt><dd>${rule?.rationale ?? ''}</dd>
<dt>How to fix</dt><dd>${sample.remediation}</dd>
<dt>References</dt><dd><ul>${join(sample.references.map((r) => html`<li>${referenceText(r)}</li>`))}</ul></dd>
</dl>
</article>`;
  });
  return html`<section id="rules">
<h2>Rules with findings</h2>
${join(docs)}
</section>`;
}

export function referenceText(ref: string): string {
  const colon = ref.indexOf(':');
  const ns = ref.slice(0, colon) as keyof typeof REFERENCE_NAMESPACES;
  const name = Object.hasOwn(REFERENCE_NAMESPACES, ns) ? REFERENCE_NAMESPACES[ns] : ns;
  return `${name}: ${ref.slice(colon + 1)}`;
}

function diagram(name: string, caption: string, text: string): Html {
  return html`<figure class="diagram" data-diagram="${name}">
<figcaption>${caption}</figcaption>
<div class="diagram-slot"><p class="diagram-pending">Drawing the diagram…</p></div>
<details class="source"><summary>Mermaid source</summary><pre class="mermaid-src">${text}</pre></details>
</figure>`;
}

function paths(c: ReportContent): Html {
  if (!c.paths) return html``;
  const { analysis, chains } = c.paths;
  const s = analysis.summary;
  const lead = html`<p class="lead">${s.entries} entry point${s.entries === 1 ? '' : 's'} (exposed, or reading untrusted input) and ${s.jewels} crown jewel${s.jewels === 1 ? '' : 's'}; ${s.exposedJewels} of the jewels can be reached. The ${analysis.paths.length} most risky paths follow, each hop with the control it has or lacks; red hops have no gating control.</p>`;
  const truncated = analysis.truncated.length
    ? html`<details class="source"><summary>${analysis.truncated.length} limit${analysis.truncated.length === 1 ? '' : 's'} cut answers short</summary><ul>${join(analysis.truncated.map((t) => html`<li>${t.message}</li>`))}</ul></details>`
    : html``;
  const cards = chains.length
    ? join(chains.map(({ path, diagram: text }) => pathCard(path, text)))
    : html`<p class="empty-note">No path from an entry point reaches a crown jewel within ${analysis.settings.maxHops} hops.</p>`;
  return html`<section id="paths">
<h2>Attack paths</h2>
${lead}${truncated}${cards}
${chokepoints(c)}
</section>`;
}

function pathCard(path: RankedPath, text: string): Html {
  const variants = path.folded.count
    ? html`<p class="kind">${path.folded.count} similar path${path.folded.count === 1 ? '' : 's'} folded in: ${path.folded.variants.map((v) => `hop ${v.position} may also be ${v.ids.join(', ')}`).join('; ')}</p>`
    : html``;
  const hops = join(
    path.hops.map((hop) => {
      const missing = hop.uncontrolled
        ? html` <span class="missing">no gating control${hop.missingControls.length ? `: add ${hop.missingControls.map((m) => CONTROL_WORDS[m]).join(' or ')}` : ''}</span>`
        : hop.missingControls.length
          ? html` <span class="kind">missing ${hop.missingControls.map((m) => CONTROL_WORDS[m]).join(', ')}</span>`
          : html``;
      const has = hop.controls.length ? html` <span class="kind">with ${hop.controls.map((m) => CONTROL_WORDS[m]).join(', ')}</span>` : html``;
      const from = path.nodes[hop.index]!.teams;
      const to = path.nodes[hop.index + 1]!.teams;
      const owner = hop.crossesOwnership ? html` <span class="handover">owner change: ${from.join(', ') || 'nobody'} to ${to.join(', ') || 'nobody'}</span>` : html``;
      const trust = hop.crossesTrustBoundary ? html` <span class="handover">crosses a trust boundary</span>` : html``;
      const where = join(hop.relations.map((r) => html`<code>${r.file}:${r.line}</code>`), ', ');
      return html`<li>${hop.text}.${has}${missing}${owner}${trust} <span class="kind">(${where})</span></li>`;
    }),
  );
  return html`<article class="path" id="path-${path.rank}">
<h3><span class="sev ${path.severity}">${path.severity}</span> #${path.rank}: <code>${path.entry}</code> to <code>${path.jewel}</code></h3>
<p class="kind">Risk ${path.risk.toFixed(3)} (likelihood ${path.likelihood.toFixed(3)}, impact ${path.impact.toFixed(2)}) · ${path.hops.length} hop${path.hops.length === 1 ? '' : 's'}, ${path.uncontrolledHops} without a gating control · ${path.ownershipCrossings} owner change${path.ownershipCrossings === 1 ? '' : 's'} · ${path.trustCrossings} trust boundar${path.trustCrossings === 1 ? 'y' : 'ies'} crossed · <code>${path.id}</code></p>
${variants}<ol>${hops}</ol>
${diagram(`chain-${path.rank}`, `Path #${path.rank}, hop by hop`, text)}
</article>`;
}

function chokepoints(c: ReportContent): Html {
  const a = c.paths!.analysis;
  const nodes = a.chokepoints.nodes.length
    ? html`<table class="chokepoints"><thead><tr><th>Node</th><th>Kind</th><th class="num">Paths</th><th class="num">Share of risk</th></tr></thead><tbody>${join(
        a.chokepoints.nodes.map((n) => html`<tr><td><code>${n.id}</code></td><td>${n.kind}</td><td class="num">${n.paths}</td><td class="num">${(n.share * 100).toFixed(1)}%</td></tr>`),
      )}</tbody></table>`
    : html`<p class="empty-note">No intermediate node lies on the ranked paths.</p>`;
  const cut = a.chokepoints.cut;
  const cutTable = cut.hops.length
    ? html`<p>Controlling these ${cut.size} hop${cut.size === 1 ? '' : 's'} cuts every entry point off from every crown jewel${cut.minimal ? '' : ' (a valid cut; the search budget ran out before proving it the smallest)'}:</p><table class="cut"><thead><tr><th>Hop</th><th>Where</th></tr></thead><tbody>${join(
        cut.hops.map((h) => html`<tr><td>${h.text}</td><td>${join(h.relations.map((r) => html`<code>${r.file}:${r.line}</code>`), ', ')}</td></tr>`),
      )}</tbody></table>`
    : html``;
  const uncuttable = cut.uncuttable.length ? html`<p>Entry points that are crown jewels themselves: ${join(cut.uncuttable.map((id) => html`<code>${id}</code>`), ', ')}.</p>` : html``;
  const blast = a.blastRadius.length
    ? html`<table class="blast"><thead><tr><th>Agent or credential</th><th class="num">Crown jewels reached</th><th class="num">Entities reached</th><th>Most important jewels</th></tr></thead><tbody>${join(
        a.blastRadius.map((b) => html`<tr><td><code>${b.id}</code> <span class="kind">${b.kind}</span></td><td class="num">${b.jewels}</td><td class="num">${b.reaches}</td><td>${b.topJewels.join(', ')}</td></tr>`),
      )}</tbody></table>`
    : html`<p class="empty-note">No agent or credential reaches a crown jewel.</p>`;
  return html`<div class="grid">
<div><h3>Chokepoints</h3><p class="lead">Nodes that most ranked paths pass through: one control there removes many paths.</p>${nodes}</div>
<div><h3>Smallest set of hops to control</h3>${cutTable}${uncuttable}${cut.hops.length || cut.uncuttable.length ? html`` : html`<p class="empty-note">Nothing to cut.</p>`}</div>
</div>
<h3>Blast radius</h3>
<p class="lead">What each agent or credential reaches if it is compromised, by any number of hops.</p>
${blast}`;
}

function ownership(c: ReportContent): Html {
  return html`<section id="ownership">
<h2>Ownership</h2>
<p class="lead">Who answers for each agent, tool, credential, data store, model and system. Red: nobody; orange: the owner has left; amber: only the platform team that issued its credential; purple: several teams hold one role.</p>
${diagram('ownership', 'Ownership map', c.diagrams.ownership)}
<h3>Accountability gaps (${c.gaps.length})</h3>
${c.gaps.length ? gapTable(c.gaps) : html`<p class="empty-note">None.</p>`}
</section>`;
}

function layers(c: ReportContent): Html {
  return html`<section id="layers">
<h2>MAESTRO layers</h2>
<p class="lead">Every node on its CSA MAESTRO layer, from the agent ecosystem (L7) down to the foundation models (L1). Relations that cross layers are how a compromise moves between them.</p>
${diagram('layers', 'The seven MAESTRO layers', c.diagrams.layers)}
</section>`;
}

function system(c: ReportContent): Html {
  return html`<section id="system">
<h2>System</h2>
<p class="lead">Agents, sub-agents, tools, credentials, data stores and models, grouped by trust boundary and system; where untrusted input enters.</p>
${diagram('system', 'System view', c.diagrams.system)}
</section>`;
}

function footer(c: ReportContent): Html {
  return html`<footer>Generated by Steward ${c.version} as of ${c.asOf}. This page makes no network requests; its diagrams are drawn in the browser by the Mermaid library embedded in it.</footer>`;
}

