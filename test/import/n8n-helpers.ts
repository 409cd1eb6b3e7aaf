import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { analyze, type Report } from '../../src/analysis/engine.js';
import { CATALOGUE } from '../../src/analysis/catalogue.js';
import { buildGraph } from '../../src/graph/graph.js';
import type { Draft } from '../../src/import/draft.js';
import { loadModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/types.js';
import { cli } from '../helpers/cli.js';
import { expectValidModel, ROOT } from './helpers.js';

/**
 * Shared by the n8n and CrewAI importer tests: turn a draft into a model file, check it loads with
 * no diagnostics before analysing it, and keep the drafted examples golden.
 */

export function modelFileOf(draft: Draft): Record<string, unknown> {
  const model: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
  for (const e of draft.entities) (model[e.collection] ??= []).push(e.spec);
  return { version: 1, ...model };
}

/** Loads the draft as a model; fails the test with the loader's diagnostics if it does not load cleanly. */
export function loadDraft(draft: Draft): Model {
  const result = loadModel([{ file: 'draft.json', content: JSON.stringify(modelFileOf(draft)) }]);
  if (!result.ok) expect(result.diagnostics).toEqual([]);
  return (result as { ok: true; model: Model }).model;
}

export function analyzeDraft(draft: Draft): Report {
  return analyze(buildGraph(loadDraft(draft)), { asOf: '2026-11-29', rules: CATALOGUE });
}

/** The spec of a drafted entity (helpers.ts `entity` gives the whole entity). */
export function specOf<S = Record<string, unknown>>(draft: Draft, collection: string, id: string): S {
  const found = draft.entities.find((e) => e.collection === collection && e.spec.id === id);
  if (!found) throw new Error(`no ${collection} entity "${id}" in the draft: ${draft.entities.map((e) => e.spec.id).join(', ')}`);
  return found.spec as S;
}

/**
 * The golden check of examples/import/ (as test/import/examples.test.ts does for MCP and A2A): the
 * model `steward import` drafts today must equal the file; with UPDATE_EXAMPLES=1 it is rewritten.
 */
export async function expectGoldenImport(path: string, argv: string[]): Promise<void> {
  const r = await cli(['import', ...argv]);
  expect(r.code, r.stderr).toBe(0);
  expectValidModel(r.stdout);
  if (process.env.UPDATE_EXAMPLES === '1') {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), r.stdout);
  }
  expect(readFileSync(join(ROOT, path), 'utf8')).toBe(r.stdout);
}
