import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { analyze, type Report } from '../../src/analysis/engine.js';
import { CATALOGUE } from '../../src/analysis/catalogue.js';
import { buildGraph } from '../../src/graph/graph.js';
import type { ConfigFile, Draft } from '../../src/import/draft.js';
import { loadModel } from '../../src/model/load.js';
import type { Model } from '../../src/model/types.js';

/**
 * Shared by the n8n and CrewAI importer tests: read fixtures, turn a draft into a model file,
 * and check it loads with no diagnostics before analysing it.
 */

export const FIXTURES = join(import.meta.dirname, '../fixtures/import');

export function fixture(dir: string, name: string): ConfigFile {
  return { path: `${dir}/${name}`, text: readFileSync(join(FIXTURES, dir, name), 'utf8') };
}

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

export function entity<S = Record<string, unknown>>(draft: Draft, collection: string, id: string): S {
  const found = draft.entities.find((e) => e.collection === collection && e.spec.id === id);
  if (!found) throw new Error(`no ${collection} entity "${id}" in the draft: ${draft.entities.map((e) => e.spec.id).join(', ')}`);
  return found.spec as S;
}

export function ids(draft: Draft, collection: string): string[] {
  return draft.entities.filter((e) => e.collection === collection).map((e) => e.spec.id);
}
