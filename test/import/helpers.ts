import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ConfigFile, Draft, DraftEntity } from '../../src/import/draft.js';
import { loadModel } from '../../src/model/load.js';
import type { CollectionName } from '../../src/model/schema.js';

export const ROOT = join(import.meta.dirname, '../..');
export const FIXTURES = 'test/fixtures/import';

/** A fixture as an importer receives it: path relative to the repository, POSIX. */
export function fixture(path: string): ConfigFile {
  const full = join(ROOT, FIXTURES, path);
  return { path: relative(ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') };
}

export function entity<C extends CollectionName>(draft: Draft, collection: C, id: string): DraftEntity<C> {
  const found = draft.entities.find((e) => e.collection === collection && e.spec.id === id);
  if (!found) throw new Error(`no ${collection} "${id}" in the draft: ${draft.entities.map((e) => `${e.collection}:${e.spec.id}`).join(', ')}`);
  return found as DraftEntity<C>;
}

export function ids(draft: Draft, collection: CollectionName): string[] {
  return draft.entities.filter((e) => e.collection === collection).map((e) => e.spec.id).sort();
}

/** Loads YAML text as a model and fails with every diagnostic when it is not valid. */
export function expectValidModel(text: string): void {
  const loaded = loadModel([{ file: 'drafted.yaml', content: text }]);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message} (at ${d.path})`).join('\n'));
}
