import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bigModel, HOSTILE_NAMES, hostileModel, ROOT } from '../render/helpers.js';

/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core (`.ci/run`
 * installs it). Screenshots and a PDF go to test-artifacts/ for a person to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium (as .ci/run does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Writes the report of `model` with the CLI, as a user would. */
async function writeReport(model: string, html: string): Promise<string> {
  const err: string[] = [];
  const code = await run(['report', model, '--as-of', '2026-11-01', '--html', html], {
    cwd: ROOT,
    stdout: () => {},
    stderr: (t) => err.push(t),
    writeFile: (path, content) => writeFileSync(resolve(ROOT, path), content),
  });
  expect(code, err.join('')).toBe(0);
  return resolve(ROOT, html);
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

/** Opens a report offline: every request is recorded, and any that is not the file itself is refused. */
async function open(file: string, viewport = { width: 1360, height: 900 }): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const self = pathToFileURL(file).href;
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => (route.request().url() === self ? route.continue() : route.abort()));
  await page.goto(self);
  await page.waitForFunction('document.documentElement.dataset.diagrams !== undefined', undefined, { timeout: 90_000 });
  return { page, requests, errors };
}

/** The diagrams of the page: name, whether drawn, the nodes Mermaid drew, and the source's node count. */
async function diagrams(page: Page): Promise<{ name: string; rendered: string; drawn: number; declared: number; text: string }[]> {
  return page.evaluate(`Array.from(document.querySelectorAll('figure.diagram')).map((f) => ({
    name: f.dataset.diagram,
    rendered: f.dataset.rendered,
    drawn: f.querySelectorAll('.diagram-slot svg g.node').length,
    declared: (f.querySelector('pre.mermaid-src').textContent.match(/^\\s*(n|note|legend)\\d+[\\[({>]/gm) || []).length,
    text: (f.querySelector('.diagram-slot svg') || { textContent: '' }).textContent,
  }))`);
}

describe('the HTML report in Chromium', () => {
  it('draws every diagram offline, with no request and no console error', async () => {
    const file = await writeReport('test/render/fixtures/support-desk.yaml', 'test-artifacts/report-support-desk.html');
    const { page, requests, errors } = await open(file);
    expect(await page.evaluate('document.documentElement.dataset.diagrams')).toBe('done');

    const drawn = await diagrams(page);
    expect(drawn.map((d) => d.name)).toEqual(expect.arrayContaining(['system', 'ownership', 'layers', 'chain-1']));
    for (const d of drawn) {
      expect(d.rendered, d.name).toBe('true');
      expect(d.drawn, d.name).toBe(d.declared);
      expect(d.drawn, d.name).toBeGreaterThan(1);
    }
    const text = (name: string) => drawn.find((d) => d.name === name)!.text;
    for (const label of ['Triage agent', 'Refunds sub-agent', 'stripe-key', 'payments', 'The internet', 'boundary: production', 'system: Support desk']) {
      expect(text('system')).toContain(label);
    }
    for (const label of ['NO ACCOUNTABLE OWNER', 'OWNER DEPARTED', 'PLATFORM TEAM ONLY', 'Customer support', 'ambiguous ownership']) expect(text('ownership')).toContain(label);
    for (const layer of ['L7 Agent ecosystem', 'L6 Security and compliance', 'L5 Evaluation and observability', 'L4 Deployment and infrastructure', 'L3 Agent frameworks', 'L2 Data operations', 'L1 Foundation models']) {
      expect(text('layers')).toContain(layer);
    }
    expect(text('chain-1')).toMatch(/entry point/);
    expect(text('chain-1')).toMatch(/NO CONTROL/);

    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);

    await page.screenshot({ path: join(ARTIFACTS, 'report-support-desk.png'), fullPage: true });
    await page.addStyleTag({ content: 'nav.toc{display:none!important} .diagram-slot{max-height:none!important;overflow:visible!important}' });
    for (const name of ['system', 'ownership', 'layers', 'chain-1']) {
      await page.locator(`figure[data-diagram="${name}"] .diagram-slot svg`).screenshot({ path: join(ARTIFACTS, `diagram-${name}.png`) });
    }
    await page.context().close();
  }, 120_000);

  it('sorts and filters the findings table, explains each finding, and prints', async () => {
    const file = resolve(ROOT, 'test-artifacts/report-support-desk.html');
    if (!existsSync(file)) await writeReport('test/render/fixtures/support-desk.yaml', 'test-artifacts/report-support-desk.html');
    const { page, errors } = await open(file);
    const rows = () => page.evaluate<number>(`document.querySelectorAll('#findings-table tbody tr').length`);
    const total = await rows();
    expect(total).toBeGreaterThan(10);
    expect(await page.textContent('#f-count')).toBe(`${total} findings`);

    await page.selectOption('#f-severity', 'critical');
    const critical = await rows();
    expect(critical).toBeGreaterThan(0);
    expect(critical).toBeLessThan(total);
    expect(await page.textContent('#f-count')).toBe(`${critical} of ${total} findings`);
    expect(await page.evaluate(`Array.from(document.querySelectorAll('#findings-table tbody tr')).every((r) => r.dataset.severity === 'critical')`)).toBe(true);
    await page.selectOption('#f-severity', '');
    await page.fill('#f-text', 'stripe-key');
    expect(await rows()).toBeGreaterThan(0);
    expect(await page.evaluate(`Array.from(document.querySelectorAll('#findings-table tbody tr')).every((r) => r.textContent.includes('stripe-key'))`)).toBe(true);
    await page.fill('#f-text', '');
    expect(await rows()).toBe(total);

    await page.click('th button[data-sort="subject"]');
    const subjects = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('#findings-table tbody tr')).map((r) => r.dataset.subject)`);
    expect(subjects).toEqual([...subjects].sort());
    await page.click('th button[data-sort="subject"]');
    const reversed = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('#findings-table tbody tr')).map((r) => r.dataset.subject)`);
    expect(reversed).toEqual([...subjects].sort().reverse());
    expect(await page.getAttribute('th:has(button[data-sort="subject"])', 'aria-sort')).toBe('descending');

    await page.click('#findings-table tbody tr:first-child details.more summary');
    const opened = await page.textContent('#findings-table tbody tr:first-child details.more');
    const rule = await page.getAttribute('#findings-table tbody tr:first-child', 'data-rule');
    expect(opened).toMatch(/Why it matters.{20,}How to fix.{10,}References/s);
    expect(opened).toContain(`${rule}@`);
    await page.locator('#findings').screenshot({ path: join(ARTIFACTS, 'report-findings.png') });

    await page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
    expect(await page.evaluate(`Array.from(document.querySelectorAll('details.more')).every((d) => d.open && d.querySelector('.rule-doc'))`)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.controls')).display`)).toBe('none');
    expect(await page.evaluate(`getComputedStyle(document.querySelector('nav.toc')).display`)).toBe('none');
    const pdf = await page.pdf({ path: join(ARTIFACTS, 'report-support-desk.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows script and markup from the model as text, and runs none of it', async () => {
    writeFileSync(join(ARTIFACTS, 'hostile.json'), JSON.stringify(hostileModel(), null, 2));
    const file = await writeReport('test-artifacts/hostile.json', 'test-artifacts/report-hostile.html');
    const { page, requests, errors } = await open(file);
    expect(await page.evaluate('document.documentElement.dataset.diagrams')).toBe('done');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate(`Array.from(document.scripts).map((s) => s.type || 'classic')`)).toEqual(['application/json', 'classic', 'classic']);
    expect(await page.evaluate(`document.querySelectorAll('img, iframe, object, embed, svg script, svg a, [onerror], [onmouseover], [onclick]').length`)).toBe(0);

    const body = await page.evaluate<string>('document.body.innerText');
    expect(body).toContain('<script>window.__pwned = 1</script>');
    expect(body).toContain('<img src=x onerror="window.__pwned = 2">');
    const table = await page.evaluate<string>(`document.getElementById('findings-table').textContent`);
    expect(table).toContain('</script><script>window.__pwned = 3</script> <!-- accepted -->');
    const drawn = await diagrams(page);
    for (const d of drawn) {
      expect(d.rendered, d.name).toBe('true');
      expect(d.drawn, d.name).toBe(d.declared);
    }
    const system = drawn.find((d) => d.name === 'system')!.text;
    expect(system).toContain('<script>window.__pwned = 1</script>');
    expect(system).toContain('click n0 href "javascript:alert(1)"');
    expect(system).toContain('emoji 🤖 accents éàü 中文');
    expect(HOSTILE_NAMES.filter((n) => n.length < 48 && !/[\u0000-\u001f]/.test(n)).filter((n) => !drawn.some((d) => d.text.replace(/\u2060/g, '').includes(n.replace(/[\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' '))))).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('stays usable with a few thousand findings', async () => {
    writeFileSync(join(ARTIFACTS, 'large.json'), JSON.stringify(bigModel(600)));
    const file = await writeReport('test-artifacts/large.json', 'test-artifacts/report-large.html');
    const started = Date.now();
    const { page, errors } = await open(file);
    const loaded = Date.now() - started;
    const rows = () => page.evaluate<number>(`document.querySelectorAll('#findings-table tbody tr').length`);
    const findings = Number((await page.textContent('#f-count'))!.split(' ')[0]);
    expect(findings).toBeGreaterThan(2500);
    expect(await rows()).toBe(200);
    expect(await page.evaluate('document.documentElement.dataset.diagrams')).toBe('done');
    for (const d of await diagrams(page)) expect(d.drawn, d.name).toBe(d.declared);

    const timed = async (action: () => Promise<unknown>) => {
      const t = Date.now();
      await action();
      return Date.now() - t;
    };
    const filter = await timed(() => page.fill('#f-text', 'agent-250'));
    expect(await page.textContent('#f-count')).toMatch(/^\d+ of \d+ findings$/);
    await page.fill('#f-text', '');
    const sort = await timed(() => page.click('th button[data-sort="subject"]'));
    const all = await timed(() => page.click('#f-all'));
    expect(await rows()).toBe(findings);
    for (const ms of [filter, sort, all]) expect(ms).toBeLessThan(5000);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-large.png') });
    writeFileSync(join(ARTIFACTS, 'report-large-timings.json'), `${JSON.stringify({ findings, loadAndDrawMs: loaded, filterMs: filter, sortMs: sort, showAllMs: all }, null, 2)}\n`);
    await page.context().close();
  }, 180_000);
});
