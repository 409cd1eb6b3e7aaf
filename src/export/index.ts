/**
 * Export of the model graph to graph engines: BloodHound OpenGraph JSON (with its extension
 * definition), Cypher for Neo4j, and GraphML. Pure: each renderer is a generator of string chunks,
 * so that the CLI writes a large model as it goes.
 */
import type { ExportInput } from './elements.js';
import { renderCypher } from './cypher.js';
import { renderGraphML } from './graphml.js';
import { renderOpenGraph } from './opengraph.js';

export const EXPORT_FORMATS = ['opengraph', 'cypher', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function renderExport(format: ExportFormat, input: ExportInput): Generator<string> {
  switch (format) {
    case 'opengraph':
      return renderOpenGraph(input);
    case 'cypher':
      return renderCypher(input);
    case 'graphml':
      return renderGraphML(input);
  }
}

export { exportGraph, type ExportGraph, type ExportInput } from './elements.js';
export { decodeOpenGraphId, encodeOpenGraphId } from './ids.js';
export { openGraphExtension, renderOpenGraphExtension, type OpenGraphExtension } from './opengraph-schema.js';
export { cypherString } from './cypher-literal.js';
export { renderCypher, renderGraphML, renderOpenGraph };
