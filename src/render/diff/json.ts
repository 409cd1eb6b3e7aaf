import type { ModelDiff } from '../../diff/schema.js';

/** `steward diff --format json`: the diff document as is (format `steward-diff/v1`). */
export function renderDiffJson(diff: ModelDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
