import { own, stringAt } from './parse.js';

/** Reading n8n node parameters: resource locators, sub-workflow references, plain text versus expressions. */

/** The value of a plain parameter or of an n8n resource locator (`{ __rl: true, value, cachedResultName }`); undefined for expressions. */
export function resourceName(v: unknown, prefer: 'name' | 'value' = 'name'): string | undefined {
  const text =
    typeof v === 'string'
      ? v
      : prefer === 'name'
        ? (stringAt(v, 'cachedResultName') ?? stringAt(v, 'value'))
        : (stringAt(v, 'value') ?? stringAt(v, 'cachedResultName'));
  if (!text || text.startsWith('=') || text.includes('{{')) return undefined;
  return text.trim().slice(0, 200) || undefined;
}

/** Which workflow a Call n8n Workflow Tool or Execute Workflow node runs. */
export function subWorkflowRef(parameters: unknown): { id?: string; name?: string } | undefined {
  if (stringAt(parameters, 'source') === 'parameter') return undefined;
  const w = own(parameters, 'workflowId');
  const id = typeof w === 'string' ? w : stringAt(w, 'value');
  const name = stringAt(w, 'cachedResultName');
  const out: { id?: string; name?: string } = {};
  if (id && !id.startsWith('=')) out.id = id;
  if (name) out.name = name;
  return out.id || out.name ? out : undefined;
}

/** The first sentence of a system message or description, when it is plain text (not an expression). */
export function plainSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = (text.startsWith('=') ? text.slice(1) : text).trim();
  if (!t || t.includes('{{')) return undefined;
  const first = /^[\s\S]*?[.!?](?=\s|$)/.exec(t)?.[0] ?? t.split('\n')[0]!;
  const line = first.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
