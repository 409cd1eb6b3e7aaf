/** The report's stylesheet: system fonts only, readable on screen and on paper. */
export const STYLE = `
:root {
  --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --paper: #ffffff; --wash: #f9fafb; --accent: #1d4ed8;
  --critical: #7f1d1d; --high: #dc2626; --medium: #d97706; --low: #2563eb; --info: #6b7280; --accepted: #047857;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.45; font-size: 15px;
}
* { box-sizing: border-box; }
body { margin: 0; }
header.top { padding: 28px 32px 12px; border-bottom: 1px solid var(--line); background: var(--wash); }
header.top h1 { margin: 4px 0 6px; font-size: 26px; overflow-wrap: anywhere; }
.eyebrow { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; font-size: 12px; font-weight: 600; }
.meta { margin: 0 0 8px; color: var(--muted); }
nav.toc { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); padding: 8px 32px; display: flex; gap: 18px; flex-wrap: wrap; }
nav.toc a { color: var(--accent); text-decoration: none; font-weight: 600; font-size: 14px; }
nav.toc a:hover { text-decoration: underline; }
main { padding: 8px 32px 48px; max-width: 1500px; }
section { margin-top: 28px; }
h2 { font-size: 21px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 12px; max-width: 80ch; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 13px; overflow-wrap: anywhere; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 16px; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 6px; padding: 10px 16px; min-width: 120px; background: var(--paper); }
.card .n { font-size: 26px; font-weight: 700; display: block; }
.card .l { color: var(--muted); font-size: 13px; }
.card.critical { border-left-color: var(--critical); } .card.high { border-left-color: var(--high); }
.card.medium { border-left-color: var(--medium); } .card.low { border-left-color: var(--low); }
.card.accepted { border-left-color: var(--accepted); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 20px; align-items: start; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--wash); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.zero { color: #9ca3af; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: var(--ink); }
th button::after { content: " \\2195"; color: #9ca3af; }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
.sev { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; color: #fff; background: var(--info); white-space: nowrap; }
.sev.critical { background: var(--critical); } .sev.high { background: var(--high); } .sev.medium { background: var(--medium); }
.sev.low { background: var(--low); } .sev.info { background: var(--info); }
.status-accepted { color: var(--accepted); font-weight: 600; }
.state { font-weight: 600; }
.state.unowned { color: #b91c1c; } .state.departed { color: #c2410c; } .state.platform-only { color: #b45309; } .state.ambiguous { color: #7e22ce; }
.controls { display: flex; gap: 14px; flex-wrap: wrap; align-items: end; margin: 8px 0 12px; padding: 10px 12px; background: var(--wash); border: 1px solid var(--line); border-radius: 6px; }
.controls label { display: flex; flex-direction: column; font-size: 12px; font-weight: 600; color: var(--muted); gap: 3px; }
.controls input, .controls select { font: inherit; font-size: 14px; padding: 4px 6px; border: 1px solid #d1d5db; border-radius: 4px; background: #fff; color: var(--ink); }
.controls input[type=search] { min-width: 260px; }
.controls output { margin-left: auto; font-weight: 600; }
.more-rows { margin: 10px 0; }
.more-rows button { font: inherit; font-size: 14px; padding: 4px 12px; border: 1px solid #d1d5db; border-radius: 4px; background: var(--wash); cursor: pointer; }
.finding-title { font-weight: 600; }
.finding-msg { overflow-wrap: anywhere; }
.kind { color: var(--muted); font-size: 12px; }
details.more { margin-top: 4px; }
details.more > summary { cursor: pointer; color: var(--accent); font-size: 13px; }
details.more dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0 4px; }
details.more dt { font-weight: 600; color: var(--muted); font-size: 13px; }
details.more dd, .rule-doc dd { margin: 0; overflow-wrap: anywhere; }
.rule-doc { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0 4px; }
.rule-doc dt { font-weight: 600; color: var(--muted); font-size: 13px; }
.rule-doc ul { margin: 0; padding-left: 18px; }
.rule-slot { margin-top: 6px; }
article.rule { border-top: 1px solid var(--line); padding-top: 6px; }
details.more ul { margin: 0; padding-left: 18px; }
figure.diagram { margin: 12px 0 20px; border: 1px solid var(--line); border-radius: 6px; padding: 12px; background: #fff; }
figure.diagram figcaption { color: var(--muted); font-size: 13px; margin-bottom: 8px; }
.diagram-slot { overflow: auto; max-height: 85vh; }
.diagram-slot svg { display: block; margin: 0 auto; }
.diagram-pending { color: var(--muted); font-style: italic; }
.diagram-error { color: #b91c1c; font-weight: 600; white-space: pre-wrap; }
details.source > summary { cursor: pointer; color: var(--muted); font-size: 12px; margin-top: 6px; }
details.source pre { max-height: 320px; overflow: auto; background: var(--wash); padding: 8px; font-size: 12px; }
.path { border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; margin: 14px 0; }
.path h3 { margin: 0 0 6px; }
.path ol { margin: 6px 0; padding-left: 22px; }
.missing { color: #b91c1c; font-weight: 600; }
.handover { color: #7e22ce; font-weight: 600; }
.empty-note { color: var(--muted); font-style: italic; }
footer { padding: 16px 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
@media print {
  :root { font-size: 11px; }
  nav.toc, .controls, .more-rows, details.source { display: none !important; }
  header.top { background: none; padding: 0 0 8px; }
  main { padding: 0; max-width: none; }
  section { break-before: auto; }
  h2 { break-after: avoid; }
  tr, .card, .path { break-inside: avoid; }
  figure.diagram { break-inside: avoid; border: 0; padding: 0; }
  .diagram-slot { overflow: visible; max-height: none; }
  .diagram-slot svg { max-width: 100% !important; height: auto !important; }
  .sev { color: #000; background: none !important; border: 1px solid #000; }
  a { color: inherit; text-decoration: none; }
}
`;
