/**
 * Lateral-movement path analysis: how a compromised entry point reaches crown jewels, ranked and
 * explained hop by hop, with blast radius, exposure and chokepoints. See `README.md` here for the
 * traversal table and the algorithms; `types.ts` for the result every renderer receives.
 */
export * from './types.js';
export {
  analyzePaths,
  computePaths,
  pathComputationFor,
  pathFactsFor,
  pathIndexFor,
  queryPaths,
  settingsOf,
  BUDGETS,
  PATH_DEFAULTS,
  type PathComputation,
  type PathFacts,
  type PathOptions,
  type PathQuery,
  type PathQueryResult,
} from './analyze.js';
export { deriveEndpoints, UnknownNodeError, type Endpoints, type EndpointSelection } from './endpoints.js';
export { buildPathIndex, type PathIndex } from './projection.js';
export {
  CONTROL_FACTORS,
  CONTROL_TEXT,
  GATING_CONTROLS,
  STEP_RULE,
  TRAVERSAL,
  evaluateStep,
  traversalTableMarkdown,
  type StepRule,
} from './traversal.js';
