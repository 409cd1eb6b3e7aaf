import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cli } from '../helpers/cli.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'export');
export const HOSTILE = 'test/fixtures/export/hostile.json';
export const AS_OF = '2026-11-29';

/** Every folder under models/. */
export function referenceModels(): string[] {
  return readdirSync(join(ROOT, 'models'))
    .filter((name) => statSync(join(ROOT, 'models', name)).isDirectory())
    .sort();
}

/** What `steward export` prints for `paths` in `format`. */
export async function exported(format: string, paths: string[], extra: string[] = [], cwd = ROOT): Promise<string> {
  const r = await cli(['export', ...paths, '--format', format, '--as-of', AS_OF, ...extra], cwd);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

export interface OpenGraphNode {
  id: string;
  kinds: string[];
  properties: Record<string, unknown>;
}

export interface OpenGraphEdge {
  kind: string;
  start: { match_by: string; value: string };
  end: { match_by: string; value: string };
  properties: Record<string, unknown>;
}

export interface OpenGraphDocument {
  metadata: { source_kind: string };
  graph: { nodes: OpenGraphNode[]; edges: OpenGraphEdge[] };
}
