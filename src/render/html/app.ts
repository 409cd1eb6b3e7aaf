/**
 * The report's own script, run in the browser after the Mermaid bundle. It reads the diagrams'
 * text with `textContent` (never as markup), renders them one at a time with Mermaid in strict
 * mode, and draws the findings table from the page's data, a page of rows at a time, sortable and
 * filterable; every value goes in as text, never as markup. It sets
 * `document.documentElement.dataset.diagrams` to "done" or "failed" when every diagram has been
 * tried, so that a test (or a person) knows the page is complete.
 */
export const APP_SCRIPT = `(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);

  const table = $('findings-table');
  const data = $('findings-data');
  if (table && data) {
    const { rules, titles, files, layers, rows } = JSON.parse(data.textContent);
    const tbody = table.tBodies[0];
    const rank = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
    for (const r of rows) {
      r[0] = rules[r[1]] + '@' + r[5] + r[0];
      r[10] = files[r[10][0]] + ':' + r[10][1] + ':' + r[10][2];
    }
    const items = rows.map((r, i) => ({ r, i, text: [r[0], titles[r[1]], r[5], r[7], r[8], r[9].join(' ')].join(' ').toLowerCase() }));
    const text = $('f-text'), severity = $('f-severity'), layer = $('f-layer'), status = $('f-status'), count = $('f-count');
    const more = table.parentElement.querySelector('.more-rows');
    const PAGE = 200;
    let view = items, shown = PAGE, sortKey = 'severity', direction = 1;

    const el = (tag, className, content) => {
      const e = document.createElement(tag);
      if (className) e.className = className;
      if (content !== undefined) e.textContent = String(content);
      return e;
    };
    const rowOf = ({ r }) => {
      const [id, rule, sev, lay, stat, subject, kind, message, raised, related, where, accepted] = r;
      const tr = document.createElement('tr');
      Object.assign(tr.dataset, { severity: sev, layer: String(lay), status: stat, rule: rules[rule], subject });
      tr.insertCell().append(el('span', 'sev ' + sev, sev));
      const details = el('details', 'more');
      details.dataset.rule = rules[rule];
      const dl = el('dl');
      const term = (name, value, code) => {
        const dd = el('dd');
        if (code) dd.append(el('code', '', value));
        else dd.textContent = value;
        dl.append(el('dt', '', name), dd);
      };
      term('Finding', id, true);
      if (raised) term('Severity', raised);
      if (related.length) term('Related', related.join(', '));
      if (accepted) term('Accepted', accepted[0] + ' (approved by ' + accepted[1] + ', until ' + accepted[2] + '; ' + accepted[3] + ')');
      term('Where', where, true);
      const slot = el('div', 'rule-slot');
      const link = el('a', '', 'Why it matters, how to fix it, references');
      link.href = '#rule-' + rules[rule];
      slot.append(link);
      details.append(el('summary', '', 'Why, fix, references'), dl, slot);
      tr.insertCell().append(el('div', 'finding-title', titles[rule]), el('div', 'finding-msg', message), details);
      tr.insertCell().append(el('code', '', subject), el('div', 'kind', kind));
      tr.insertCell().textContent = layers[lay];
      const last = tr.insertCell();
      if (stat === 'accepted') last.append(el('span', 'status-accepted', 'accepted'), el('div', 'kind', accepted ? 'until ' + accepted[2] : ''));
      else last.textContent = stat;
      return tr;
    };
    const draw = () => {
      const fragment = document.createDocumentFragment();
      for (const item of view.slice(0, shown)) fragment.append(rowOf(item));
      tbody.replaceChildren(fragment);
      count.textContent = view.length === items.length ? items.length + ' findings' : view.length + ' of ' + items.length + ' findings';
      more.hidden = shown >= view.length;
      $('f-more').textContent = 'Show ' + Math.min(PAGE, view.length - shown) + ' more';
      $('f-all').textContent = 'Show all ' + view.length;
    };
    const keys = {
      severity: (x) => -rank[x.r[2]],
      rule: (x) => rules[x.r[1]],
      subject: (x) => x.r[5],
      layer: (x) => x.r[3],
      status: (x) => x.r[4],
    };
    const sort = () => {
      const of = keys[sortKey];
      view.sort((a, b) => {
        const x = of(a), y = of(b);
        return (x < y ? -1 : x > y ? 1 : 0) * direction || a.i - b.i;
      });
    };
    const apply = () => {
      const needle = text.value.trim().toLowerCase();
      view = items.filter((x) => (!severity.value || x.r[2] === severity.value)
        && (!layer.value || String(x.r[3]) === layer.value)
        && (!status.value || x.r[4] === status.value)
        && (!needle || x.text.includes(needle)));
      sort();
      shown = PAGE;
      draw();
    };
    for (const control of [text, severity, layer, status]) control.addEventListener('input', apply);
    for (const button of table.querySelectorAll('th button[data-sort]')) {
      button.addEventListener('click', () => {
        const key = button.dataset.sort;
        direction = key === sortKey ? -direction : 1;
        sortKey = key;
        sort();
        draw();
        for (const th of table.tHead.rows[0].cells) th.setAttribute('aria-sort', 'none');
        button.parentElement.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
      });
    }
    $('f-more').addEventListener('click', () => { shown += PAGE; draw(); });
    $('f-all').addEventListener('click', () => { shown = view.length; draw(); });
    addEventListener('beforeprint', () => {
      if (shown < view.length) { shown = view.length; draw(); }
    });
    apply();
  }

  // What every finding of a rule shares is written once, under Rules; a row gets a copy when opened.
  const fill = (details) => {
    const slot = details.querySelector('.rule-slot');
    const doc = document.getElementById('rule-' + details.dataset.rule);
    if (!slot || slot.dataset.filled || !doc) return;
    slot.replaceChildren(doc.querySelector('.rule-doc').cloneNode(true));
    slot.dataset.filled = 'true';
  };
  document.addEventListener('toggle', (event) => {
    if (event.target.matches && event.target.matches('details.more') && event.target.open) fill(event.target);
  }, true);

  let opened = [];
  addEventListener('beforeprint', () => {
    opened = Array.from(document.querySelectorAll('details.more:not([open])'));
    for (const d of opened) {
      fill(d);
      d.open = true;
    }
  });
  addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });

  const figures = Array.from(document.querySelectorAll('figure.diagram'));
  window.mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'default',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    maxEdges: 5000,
    maxTextSize: 2000000,
    flowchart: { useMaxWidth: false, htmlLabels: true },
  });
  (async () => {
    let failed = 0;
    for (let i = 0; i < figures.length; i++) {
      const figure = figures[i];
      const slot = figure.querySelector('.diagram-slot');
      const source = figure.querySelector('pre.mermaid-src').textContent;
      try {
        const { svg } = await window.mermaid.render('steward-diagram-' + i, source);
        slot.innerHTML = svg;
        figure.dataset.rendered = 'true';
      } catch (err) {
        failed++;
        slot.textContent = 'This diagram could not be drawn: ' + (err && err.message ? err.message : String(err));
        slot.className = 'diagram-slot diagram-error';
        figure.dataset.rendered = 'false';
        console.error(err);
      }
    }
    document.documentElement.dataset.diagrams = failed ? 'failed' : 'done';
  })();
})();
`;
