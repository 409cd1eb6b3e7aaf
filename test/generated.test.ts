import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSource, generatedFiles } from '../scripts/generated-files.js';

const root = join(import.meta.dirname, '..');

describe('generated files are in sync (run `npm run gen` to fix)', () => {
  it('src/analysis/catalogue.ts', () => {
    expect(readFileSync(join(root, 'src/analysis/catalogue.ts'), 'utf8')).toBe(catalogueSource(root));
  });
  it('rules/README.md and models/steward.schema.json', async () => {
    for (const [path, content] of Object.entries(await generatedFiles())) {
      expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
    }
  });
});
