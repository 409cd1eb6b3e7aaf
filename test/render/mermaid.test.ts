// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/diagnostics.js';
import { allPaths, chainsView } from '../../src/render/mermaid/chains.js';
import { mermaidText } from '../../src/render/mermaid/escape.js';
import { renderFlowchart } from '../../src/render/mermaid/flowchart.js';
import { renderDiagram, VIEWS } from '../../src/render/mermaid/index.js';
import { ownershipOf } from '../../src/render/mermaid/ownership.js';
import { analyzeFixture, analyzeSpec, bigModel, HOSTILE_NAMES, hostileModel, parseMermaid } from './helpers.js';

type Analyzed = ReturnType<typeof analyzeSpec>;

const draw = (a: Analyzed, view: (typeof VIEWS)[number], options = {}) =>
  renderDiagram(view, { graph: a.graph, findings: a.report.findings, paths: a.paths }, options);

/** The statements of a diagram outside its quoted labels: what Mermaid reads as syntax. */
function syntaxOf(text: string): string {
  return text.replace(/"[^"\n]*"/g, '""');
}

/** The synthetic id of the node drawn for entity `id` (its name line, or its second line ending in the id). */
function nodeOf(text: string, id: string): string {
  for (const m of text.matchAll(/^\s*(n\d+)\W+"([^"]*)"/gm)) {
    const lines = decode(m[2]!).split('\n');
    if (lines[0] === id || lines[1]?.endsWith(` · ${id}`)) return m[1]!;
  }
  throw new Error(`no node for ${id}`);
}

function decode(label: string): string {
  return label.replace(/<br\/>/g, '\n').replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

const flat = (label: string) => label.replace(/\n/g, ' ');

/** Every label's text as Mermaid will show it (its entities decoded). */
function labelsOf(text: string): string[] {
  return [...text.matchAll(/"([^"\n]*)"/g)].map((m) => decode(m[1]!));
}

describe('mermaid text escaping', () => {
  it('writes everything but plain characters as numeric entities', () => {
    expect(mermaidText('a-b_c.d')).toBe('a-b_c.d');
    expect(mermaidText('"<x>"')).toBe('#34;#60;x#62;#34;');
    expect(mermaidText('#35;')).toBe('#35;35#59;');
    expect(mermaidText('`%%;:|')).toBe('#96;#37;#37;#59;#58;#124;');
    expect(mermaidText('🤖')).toBe('#129302;');
    expect(mermaidText('ﬂ°°60¶ß')).toBe('#64258;#8288;#176;#176;60#182;#8288;#223;');
  });

  it('keeps any string intact through a label, and the label parses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        const chart = renderFlowchart({
          direction: 'LR',
          groups: [{ key: 'g', label: text }],
          nodes: [
            { key: 'a', lines: [text], shape: 'round', group: 'g' },
            { key: 'b', lines: [text, text], shape: 'cylinder' },
          ],
          edges: [{ from: 'a', to: 'b', label: text, style: 'solid' }],
          classDefs: {},
        });
        expect(syntaxOf(chart)).not.toMatch(/[`%]|click|href/);
        await expect(parseMermaid(chart)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
      }),
      { numRuns: 60 },
    );
  });
});

describe('views of a model with hostile ids and names', () => {
  const a = analyzeSpec(hostileModel());

  for (const view of VIEWS) {
    it(`${view}: parses, uses only synthetic ids, and shows names as written`, async () => {
      const text = draw(a, view);
      await expect(parseMermaid(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
      const syntax = syntaxOf(text);
      for (const keyword of ['click', 'href', 'javascript', 'call', '%%', '`', '<']) expect(syntax).not.toContain(keyword);
      const allowed = [
        /^\s*(n|note|legend)\d+[[({>/]+""[\])}/]+$/,
        /^\s*subgraph (g\d+|legend)\[""\]$/,
        /^\s*(end|direction (LR|TB))$/,
        /^\s*(n|g|legend)\d+ (-->|==>|-\.->|~~~)(\|""\|)? (n|g|legend)\d+$/,
        /^\s*classDef [a-z]+ [\w#:,. -]+$/,
        /^\s*class [\w,]+ [a-z]+$/,
        /^\s*linkStyle [\d,]+ [\w#:,. -]+$/,
      ];
      for (const line of syntax.trimEnd().split('\n').slice(1)) {
        expect(allowed.some((re) => re.test(line)), line).toBe(true);
      }
    });
  }

  it('shows the names in labels as the text the author wrote (cut to a line)', () => {
    const labels = labelsOf(draw(a, 'system')).join('\n');
    expect(labels).toContain('<script>window.__pwned = 1</script>');
    expect(labels).toContain('click n0 href "javascript:alert(1)"');
    expect(labels).toContain('%%{init: {"securityLevel": "loose"}}%%');
    expect(labels).toContain('emoji 🤖 accents éàü 中文');
    expect(labels).toContain('subgraph x end line break');
    expect(labels).not.toMatch(/[\u0000-\u0008\u001b]/);
    expect(HOSTILE_NAMES.length).toBeGreaterThan(10);
  });

  it('is byte-identical when drawn again from a fresh load', () => {
    const again = analyzeSpec(hostileModel());
    for (const view of VIEWS) expect(draw(again, view)).toBe(draw(a, view));
  });
});

describe('system view', () => {
  const a = analyzeFixture('support-desk.yaml');
  const text = draw(a, 'system');

  it('draws every agent, tool, credential, data store and model, grouped by boundary and system', async () => {
    await parseMermaid(text);
    const labels = labelsOf(text);
    for (const id of ['triage', 'refunds', 'kb-search', 'ticket-api', 'payments-api', 'triage-svid', 'zendesk-token', 'stripe-key', 'kb', 'tickets', 'payments', 'gpt']) {
      expect(nodeOf(text, id)).toMatch(/^n\d+$/);
    }
    expect(labels).toContain('boundary: production');
    expect(labels).toContain('system: Support desk');
    expect(labels.filter((l) => l.includes('support-ops'))).toEqual([]);
    expect(text).toMatch(/subgraph g0\["boundary#58; production"\]\n {4}subgraph g1\["system#58; Support desk"\]/);
  });

  it('labels relations by kind and controls, and draws where untrusted input enters', () => {
    const labels = labelsOf(text);
    for (const l of ['may invoke', 'authenticates with', 'grants admin', 'grants write', 'reads', 'runs on', 'delegates to: on behalf of', 'input to']) {
      expect(labels, l).toContain(l);
    }
    expect(labels).toContain('The internet\nuntrusted input');
    expect(labels).toContain('customer message\nuntrusted input');
  });

  for (const view of ['system', 'ownership'] as const) {
    it(`${view}: counts what it leaves out; the note totals what the whole view draws`, () => {
      const arrows = (t: string) => t.match(/^ {2}n\d+ (-->|==>|-\.->)/gm)?.length ?? 0;
      const whole = draw(a, view);
      const small = draw(a, view, { budget: { maxNodes: 5 } });
      const note = flat(labelsOf(small)[0]!).match(/^Focused view: 5 of (\d+) nodes and (\d+) of (\d+) relations shown/);
      expect(note).not.toBeNull();
      expect(Number(note![1])).toBe(whole.match(/^\s+n\d+[[({>]/gm)!.length);
      expect(Number(note![3])).toBe(arrows(whole));
      expect(Number(note![2])).toBe(arrows(small));
      expect(arrows(whole)).toBeGreaterThan(arrows(small));
    });
  }

  it('borders nodes by their worst open finding, with a legend', () => {
    expect(text).toMatch(/class [\w,]*n\d+[\w,]* sevcritical/);
    expect(labelsOf(text)).toContain('Border: worst open finding');
  });
});

describe('ownership view', () => {
  const a = analyzeFixture('support-desk.yaml');
  const text = draw(a, 'ownership');

  it('makes unowned, departed-owner, platform-only and ambiguous nodes stand out, with a legend', async () => {
    await parseMermaid(text);
    const classOf = (id: string) => {
      const nodeId = nodeOf(text, id);
      return text.match(new RegExp(`\\n  class [\\w,]*\\b${nodeId}\\b[\\w,]* (\\w+)`))?.[1];
    };
    expect(classOf('payments')).toBe('unowned');
    expect(classOf('payments-api')).toBe('departed');
    expect(classOf('refunds')).toBe('platformonly');
    expect(classOf('stripe-key')).toBe('platformonly');
    expect(classOf('triage')).toBe('owned');
    for (const item of ['accountable owner', 'no accountable owner', 'owner departed', 'platform team only', 'ambiguous ownership', 'owner who has left']) {
      expect(labelsOf(text)).toContain(item);
    }
    expect(labelsOf(text)).toContain('operator, shutdown');
  });

  it('classifies ownership by the documented rules', () => {
    const h = analyzeSpec(hostileModel());
    const state = (id: string) => ownershipOf(h.graph, h.graph.node(id)!).state;
    expect(state('LR-key')).toBe('ambiguous');
    expect(state('classDef')).toBe('departed');
    expect(state('end')).toBe('platform-only');
    expect(state('TB')).toBe('platform-only');
    expect(state('call')).toBe('unowned');
    expect(state('href')).toBe('owned');
  });
});

describe('layers view', () => {
  it('always shows all seven layers, top to bottom, each node on its layer', async () => {
    const a = analyzeSpec({ version: 1, data: [{ id: 'lonely', classification: 'internal' }] });
    const text = draw(a, 'layers');
    await parseMermaid(text);
    const titles = [...text.matchAll(/subgraph g\d+\["(L\d)/g)].map((m) => m[1]);
    expect(titles).toEqual(['L7', 'L6', 'L5', 'L4', 'L3', 'L2', 'L1']);
    expect(text.match(/nothing on this layer/g)).toHaveLength(6);
    expect(text).toMatch(/subgraph g5\["L2 Data operations[^"]*"\]\n\s+direction TB\n\s+n\d+\[\("lonely/);
    expect(text).toContain('g0 ~~~ g1');
  });

  it('counts the open findings of each layer in its title', () => {
    const a = analyzeFixture('support-desk.yaml');
    const text = draw(a, 'layers');
    const l6 = a.report.findings.filter((f) => f.status === 'open' && f.layer === 6).length;
    expect(l6).toBeGreaterThan(0);
    expect(labelsOf(text)).toContainEqual(expect.stringMatching(new RegExp(`^L6 Security and compliance · ${l6} open findings, worst`)));
  });
});

describe('chains view', () => {
  const a = analyzeFixture('support-desk.yaml');

  it('draws the top paths from entry to crown jewel, each hop labelled', async () => {
    expect(a.paths.paths.length).toBeGreaterThan(2);
    const text = draw(a, 'chains', { top: 3 });
    await parseMermaid(text);
    const labels = labelsOf(text);
    expect(labels.filter((l) => l.startsWith('#'))).toHaveLength(3);
    const first = a.paths.paths[0]!;
    expect(labels).toContainEqual(expect.stringMatching(new RegExp(`^#1 ${first.severity}, risk ${first.risk.toFixed(3)}: ${first.entry} to ${first.jewel}`)));
    expect(labels.filter((l) => l.startsWith('entry point'))).toHaveLength(3);
    expect(labels.some((l) => l.includes('crown jewel:'))).toBe(true);
  });

  it('marks missing controls in red and the ownership changes', () => {
    const text = draw(a, 'chains', { top: 10 });
    const hops = a.paths.paths.slice(0, 10).flatMap((p) => p.hops);
    const uncontrolled = hops.filter((h) => h.uncontrolled).length;
    const labels = labelsOf(text);
    expect(uncontrolled).toBeGreaterThan(0);
    expect(labels.filter((l) => l.includes('NO CONTROL'))).toHaveLength(uncontrolled);
    expect(labels.filter((l) => l.includes('owner change:'))).toHaveLength(hops.filter((h) => h.crossesOwnership).length);
    const red = text.match(/linkStyle ([\d,]+) stroke:#dc2626/)?.[1]?.split(',') ?? [];
    expect(red).toHaveLength(uncontrolled);
  });

  it('draws one path chosen by id, and refuses an unknown one with a hint', async () => {
    const path = allPaths(a.paths)[1]!;
    const text = draw(a, 'chains', { path: path.id });
    await parseMermaid(text);
    expect(labelsOf(text).filter((l) => l.startsWith('#'))).toEqual([expect.stringContaining(`${path.entry} to ${path.jewel}`)]);
    expect(() => draw(a, 'chains', { path: `${path.id}x` })).toThrow(UsageError);
    expect(() => draw(a, 'chains', { path: `${path.id}x` })).toThrow(/did you mean/);
  });

  it('says so when nothing reaches a crown jewel', async () => {
    const quiet = analyzeSpec({ version: 1, agents: [{ id: 'solo', exposure: 'internal' }] });
    const text = chainsView(quiet.graph, quiet.paths);
    await parseMermaid(text);
    expect(labelsOf(text)[0]).toMatch(/^No entry point/);
  });
});

describe('large models', () => {
  const big = bigModel(900);
  const a = analyzeSpec(big);

  for (const view of VIEWS) {
    it(`${view}: stays within Mermaid's default limits and says what was left out`, async () => {
      const text = draw(a, view);
      expect(text.length).toBeLessThanOrEqual(45_000);
      await expect(parseMermaid(text)).resolves.toBeTruthy();
      if (view !== 'chains') {
        expect(flat(labelsOf(text)[0]!)).toMatch(view === 'layers' ? /^Focused view: 120 of \d+ nodes shown/ : /^Focused view: \d+ of \d+ nodes and \d+ of \d+ relations shown/);
        expect(labelsOf(text).some((l) => /^\+ \d+ more\n/.test(l))).toBe(true);
      }
    });
  }

  it('keeps the riskiest part: the exposed agents with admin keys and irreversible tools', () => {
    const risky = Array.from({ length: 18 }, (_, i) => `agent-${i * 50}`);
    for (const id of risky) expect(a.report.findings.some((f) => f.subject === id && f.severity === 'critical'), id).toBe(true);
    const text = draw(a, 'system');
    for (const id of risky) expect(nodeOf(text, id)).toMatch(/^n\d+$/);
    expect(() => nodeOf(text, 'agent-1')).toThrow();
  });

  it('focuses on one system, or on the neighbourhood of one node', async () => {
    const system = draw(a, 'system', { system: 'sys-3' });
    await parseMermaid(system);
    expect(flat(labelsOf(system)[0]!)).toMatch(/the system sys-3 and what is within 1 step of it/);
    expect(labelsOf(system)).toContain('system: sys-3');
    expect(labelsOf(system).filter((l) => l.startsWith('system: '))).toEqual(['system: sys-3']);

    const around = draw(a, 'ownership', { focus: 'agent-5', depth: 1 });
    await parseMermaid(around);
    expect(flat(labelsOf(around)[0]!)).toMatch(/the node agent-5 and what is within 1 step of it/);
    expect(labelsOf(around).filter((l) => /^(agent-5|team-5)\n/.test(l))).toHaveLength(2);
    expect(() => draw(a, 'system', { system: 'sys-33x' })).toThrow(/no system "sys-33x" in the model; did you mean "sys-3/);
  });
});
