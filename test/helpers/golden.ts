import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** With UPDATE_EXAMPLES=1 the golden-file tests write what they generate instead of comparing. */
export const UPDATE_EXAMPLES = process.env.UPDATE_EXAMPLES === '1';

/** Writes generated files (paths relative to `root`) when UPDATE_EXAMPLES is set. */
export function updateGolden(root: string, files: ReadonlyMap<string, string>): void {
  if (!UPDATE_EXAMPLES) return;
  for (const [path, content] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}
