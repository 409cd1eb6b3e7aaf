import type { WorkflowDrafter } from './n8n-drafter.js';

/** Joins sub-workflow calls to the workflows imported alongside: the caller reaches the agents the sub-workflow starts. */
export function linkSubWorkflows(drafters: readonly WorkflowDrafter[]): void {
  for (const d of drafters) {
    for (const call of d.calls) {
      const target = drafters.find((t) => (call.ref.id !== undefined && t.wf.id === call.ref.id) || (call.ref.name !== undefined && t.wf.name === call.ref.name));
      const note = target
        ? `Runs the workflow "${target.wf.name}", imported as system ${target.systemId}.`
        : `Runs the workflow ${call.ref.name ? `"${call.ref.name}"` : ''}${call.ref.id ? ` (id ${call.ref.id})` : ''}, which was not imported: import its export too to follow it.`;
      for (const t of d.book.tools.values()) if (t.spec.id === call.toolId) t.notes.push(note);
      if (!target) continue;
      for (const entry of target.entryAgents) {
        entry.inputs.add('agent-message');
        for (const caller of call.callers) {
          if (caller === entry) continue;
          caller.delegates.add(entry.id);
          caller.notes.push(`Reaches the agent "${entry.spec.name}" of the sub-workflow "${target.wf.name}" through the tool ${call.toolId}.`);
        }
      }
    }
  }
}
