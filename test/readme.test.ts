import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/model/diagnostics.js';
import { loadModel } from '../src/model/load.js';

const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('shows a model that validates', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const result = loadModel([{ file: 'README.md', content: example! }]);
    expect(result.ok ? [] : result.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('names the two commands that install and run the main job, and the test command', () => {
    expect(readme).toContain('npm ci && npx steward analyze models/support-desk');
    expect(readme).toContain('npm test');
  });
});
