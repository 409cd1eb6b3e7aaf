import type { ConfigFile, Draft, Importer, ImportWarning } from './draft.js';
import { sortWarnings } from './emit.js';
import { IdAllocator } from './ids.js';
import { N8nBook } from './n8n-book.js';
import { WorkflowDrafter } from './n8n-drafter.js';
import { linkSubWorkflows } from './n8n-subworkflows.js';
import { compareText } from '../util/compare.js';
import { looksLikeN8nExport, readWorkflows, type N8nWorkflow } from './n8n-workflow.js';
import { UNKNOWN_OWNER, unknownOwnerEntity } from './unknown-owner.js';

/**
 * n8n workflow exports: each AI Agent node becomes an agent with the tools, chat models, memories
 * and vector stores plugged into it; HTTP Request and integration nodes become tools; triggers
 * say where the agents' input comes from; each n8n credential id becomes one credential held by
 * every agent or tool that uses it. Each workflow is a system.
 */
export const n8nImporter: Importer = {
  format: 'n8n',
  describe: 'n8n workflow export (AI Agent nodes with their tools, models, memory, triggers and credentials)',
  detect: (_file, parsed) => looksLikeN8nExport(parsed),
  draft: draftN8n,
};

function draftN8n(files: readonly ConfigFile[]): Draft {
  const warnings: ImportWarning[] = [];
  const workflows = files.flatMap((f) => readWorkflows(f, warnings)).sort(compareWorkflows);
  const book = new N8nBook(new IdAllocator([UNKNOWN_OWNER]));
  const drafters = workflows.map((wf) => new WorkflowDrafter(wf, book, warnings));
  for (const d of drafters) d.draft();
  linkSubWorkflows(drafters);
  return {
    entities: [unknownOwnerEntity(), ...book.entities()],
    warnings: sortWarnings(warnings),
  };
}

/** By name, id and file: the order files are given in does not change the draft. */
function compareWorkflows(a: N8nWorkflow, b: N8nWorkflow): number {
  return compareText(a.name, b.name) || compareText(a.id ?? '', b.id ?? '') || compareText(a.where, b.where);
}
