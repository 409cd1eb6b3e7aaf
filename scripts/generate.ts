/**
 * Regenerates the files derived from code: the rule registry, the rule catalogue page and the
 * model's JSON Schema. `test/generated.test.ts` fails when any of them drifts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSource, generatedFiles } from './generated-files.js';

const root = join(import.meta.dirname, '..');
writeFileSync(join(root, 'src/analysis/catalogue.ts'), catalogueSource(root));
for (const [path, content] of Object.entries(await generatedFiles())) writeFileSync(join(root, path), content);
console.log('generated: src/analysis/catalogue.ts,', Object.keys(await generatedFiles()).join(', '));
