import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigFile } from './draft.js';
import type { ParsedConfig } from './parse.js';

/**
 * Where the items of a CrewAI YAML file's lists are (a tool name, a context task), so that a
 * warning can point at the very line; keys are left to the config's own locator. The files are small; the document
 * is read without expanding aliases. JSON files and unreadable paths fall back to the config's
 * own locator.
 */
/** Past this size the config's own locator answers alone: CrewAI files are a few kilobytes. */
const MAX_CHARS = 1024 * 1024;

export function yamlLocator(file: ConfigFile, parsed: ParsedConfig): ParsedConfig['locate'] {
  if (parsed.format !== 'yaml' || file.text.length > MAX_CHARS) return parsed.locate;
  const lines = new LineCounter();
  let doc: Document | undefined;
  return (path) => {
    // Keys (an agent, a task) are placed well by the config's locator; list items are not.
    if (typeof path[path.length - 1] !== 'number') return parsed.locate(path);
    // Parsed again only when a warning needs a list item's place.
    doc ??= parseDocument(file.text, { lineCounter: lines });
    const node = doc.getIn(path as (string | number)[], true);
    if (!isNode(node) || !node.range) return parsed.locate(path);
    const { line, col } = lines.linePos(node.range[0]);
    return { line, column: col };
  };
}
