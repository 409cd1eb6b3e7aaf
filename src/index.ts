/**
 * Steward's library API: the same core the CLI runs.
 */
export { loadModel, loadModelOrThrow, DEFAULT_MAX_FILE_BYTES } from './model/load.js';
export type { ModelSource, LoadOptions, LoadResult } from './model/load.js';
export { readModelSources } from './io/read.js';
export { ModelError, UsageError, formatDiagnostic, formatPath } from './model/diagnostics.js';
export type { Diagnostic } from './model/diagnostics.js';
export { modelJsonSchema } from './model/json-schema.js';
export * as schema from './model/schema.js';
export type {
  AgentSpec,
  ToolSpec,
  CredentialSpec,
  DataSpec,
  ModelSpec,
  OwnerSpec,
  BoundarySpec,
  SystemSpec,
  LinkSpec,
  AcceptanceSpec,
  NodeKind,
  RelationKindName,
  OwnerRoleName,
  AccessLevel,
} from './model/schema.js';
export type { Model, Entity, AnyEntity, Relation, RelationAttrs, SourceRef, Acceptance } from './model/types.js';
export { RELATION_ENDS } from './model/relations.js';
export { buildGraph, ModelGraph } from './graph/graph.js';
export type { GraphNode, GraphEdge, AnyGraphNode } from './graph/graph.js';
export { LAYERS, LAYER_NUMBERS, DEFAULT_LAYER, layerOf } from './graph/layers.js';
export type { LayerNumber } from './graph/layers.js';
export { toGraphology } from './graph/graphology.js';
export { run } from './cli/main.js';
export { VERSION } from './version.js';
export { analyze, RuleError } from './analysis/engine.js';
export type { Report, ReportSummary, AnalyzeOptions } from './analysis/engine.js';
export { CATALOGUE } from './analysis/catalogue.js';
export { defineRule, REFERENCE_NAMESPACES, RULE_CATEGORIES } from './analysis/rule.js';
export type { Rule, RuleMeta, RuleContext, RuleResult, Reference } from './analysis/rule.js';
export { compareFindings, findingId } from './analysis/finding.js';
export type { Finding, FindingLocation } from './analysis/finding.js';
export { SEVERITIES } from './analysis/severity.js';
export type { Severity } from './analysis/severity.js';
export { selectRules } from './analysis/select.js';
// Each output also in chunks, for reports too large to hold as one string.
export { renderTable, tableChunks } from './render/table.js';
export { renderJson, findingsJsonChunks, toFindingsDocument, findingsJsonSchema, FINDINGS_FORMAT } from './render/findings-json.js';
export { renderSarif, sarifChunks } from './render/sarif.js';
export { renderFindingsMarkdown, findingsMarkdownChunks } from './render/findings-markdown.js';
export * from './analysis/paths/index.js';
export { diffModels, isEmptyDiff, failingAt, diffJsonSchema, DIFF_FORMAT } from './diff/index.js';
export type { DiffInput, ModelDiff } from './diff/index.js';
export { renderDiffTable } from './render/diff/table.js';
export { renderDiffJson } from './render/diff/json.js';
export { renderDiffMarkdown } from './render/diff/markdown.js';
export { renderDiffMermaid } from './render/diff/mermaid.js';
export {
  EXPORT_FORMATS,
  renderExport,
  renderOpenGraph,
  renderCypher,
  renderGraphML,
  openGraphExtension,
  renderOpenGraphExtension,
  encodeOpenGraphId,
  decodeOpenGraphId,
} from './export/index.js';
export type { ExportFormat, ExportInput, OpenGraphExtension } from './export/index.js';
export { draftFromFiles, detectFormat as detectImportFormat, IMPORTERS, IMPORT_FORMATS } from './import/formats.js';
export { emitModel, combineDrafts } from './import/emit.js';
export { mergeIntoModel } from './import/merge.js';
export type { MergeResult } from './import/merge.js';
export { ImportError } from './import/draft.js';
export type { ConfigFile, Draft, DraftEntity, Importer, ImportFormat, ImportWarning } from './import/draft.js';
