import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/analysis/catalogue.js';
import { REFERENCE_NAMESPACES, RULE_CATEGORIES } from '../src/analysis/rule.js';
import { SEVERITIES } from '../src/analysis/severity.js';

const root = join(import.meta.dirname, '..');

describe('the rule catalogue as a whole', () => {
  it('lists every rule file once, sorted by id', () => {
    const files = readdirSync(join(root, 'rules'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(CATALOGUE.map((r) => r.id)).toEqual(files);
  });

  it.each(CATALOGUE.map((r) => [r.id, r] as const))('%s is well formed', (id, rule) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(SEVERITIES).toContain(rule.severity);
    expect(RULE_CATEGORIES).toContain(rule.category);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(40);
    expect(rule.remediation.length).toBeGreaterThan(20);
    expect(rule.layers.length).toBeGreaterThan(0);
    for (const l of rule.layers) expect(l).toBeGreaterThanOrEqual(1);
    const frameworks = rule.references.filter((ref) => !ref.startsWith('maestro:'));
    expect(frameworks.length, 'at least one framework reference besides MAESTRO').toBeGreaterThan(0);
    for (const ref of rule.references) {
      const [ns, value] = ref.split(':');
      expect(Object.keys(REFERENCE_NAMESPACES)).toContain(ns);
      expect(value).toMatch(/^[A-Za-z0-9.-]+$/);
    }
    expect(existsSync(join(root, 'rules', `${id}.test.ts`)), 'a case table beside the rule').toBe(true);
  });

  it('has unique titles', () => {
    const titles = CATALOGUE.map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
