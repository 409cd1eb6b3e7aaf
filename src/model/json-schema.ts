import { z } from 'zod';
import { ModelFile } from './schema.js';

export const SCHEMA_ID = 'urn:steward:schema:model:v1';

/** The JSON Schema of a model file, generated from the zod schema, for editors. */
export function modelJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ModelFile, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...generated, $id: SCHEMA_ID, title: 'Steward model (version 1)' };
}
