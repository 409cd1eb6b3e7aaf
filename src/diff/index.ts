/**
 * Comparing two versions of a model: `diffModels` gives a `ModelDiff` (format `steward-diff/v1`,
 * schema in `schema.ts`), which the renderers in `src/render/diff/` print.
 */
export { diffModels, isEmptyDiff, type DiffInput } from './diff.js';
export { failingAt } from './findings.js';
export { rankedPaths } from './paths.js';
export * from './schema.js';
