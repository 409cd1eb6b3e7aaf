import type { z } from 'zod';
import { didYouMean as suggest } from './suggest.js';

/** A validation problem, phrased for the person who wrote the model. */
export interface Problem {
  path: PropertyKey[];
  code: string;
  message: string;
  hint?: string;
  /** Point at the key rather than its value (an unknown key). */
  atKey?: boolean;
}

type Issue = z.core.$ZodIssue;

/**
 * The same misspelling tends to recur in every entity of a big file: remember the answers (the
 * cache is emptied when it grows large, so memory stays bounded).
 */
const suggestions = new Map<string, string | undefined>();
function didYouMean(input: string, allowed: readonly string[]): string | undefined {
  const key = `${input}\u0000${allowed.join('\u0000')}`;
  if (suggestions.has(key)) return suggestions.get(key);
  if (suggestions.size > 10_000) suggestions.clear();
  const answer = suggest(input, allowed);
  suggestions.set(key, answer);
  return answer;
}
type Schema = z.core.$ZodType;

/** Turns zod issues for `input` (validated by `schema`) into problems with hints. */
export function describeIssues(issues: readonly Issue[], schema: Schema, input: unknown): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) describeIssue(issue, schema, input, out);
  return out;
}

function describeIssue(issue: Issue, schema: Schema, input: unknown, out: Problem[]): void {
  const path = [...issue.path];
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = objectKeys(schemaAt(schema, path));
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, allowed);
        out.push({
          path: [...path, key],
          code: 'unknown-key',
          message: `unknown key "${key}"`,
          hint: suggestion ?? (allowed.length ? `allowed keys: ${allowed.join(', ')}` : 'remove it'),
          atKey: true,
        });
      }
      return;
    }
    case 'invalid_type': {
      if (value === undefined) {
        const field = path[path.length - 1];
        out.push({
          path,
          code: 'missing-field',
          message: `missing required field "${String(field)}"`,
          hint: `expected ${article(issue.expected)}`,
        });
        return;
      }
      out.push({
        path,
        code: 'wrong-type',
        message: `expected ${article(issue.expected)}, got ${article(typeOf(value))}`,
        ...(issue.expected === 'array' && value !== null && typeof value !== 'object'
          ? { hint: `write a list, e.g. [${JSON.stringify(value)}]` }
          : {}),
      });
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (value === undefined) {
        out.push({
          path,
          code: 'missing-field',
          message: `missing required field "${String(path[path.length - 1])}"`,
          hint: allowed.length === 1 ? `expected ${JSON.stringify(issue.values[0])}` : `allowed: ${allowed.join(', ')}`,
        });
        return;
      }
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      const shown = value === undefined ? 'nothing' : JSON.stringify(value);
      out.push({
        path,
        code: 'invalid-value',
        message:
          allowed.length === 1 ? `${shown} is not allowed: expected ${JSON.stringify(issue.values[0])}` : `${shown} is not one of the allowed values`,
        hint: suggestion ? `${suggestion} (allowed: ${allowed.join(', ')})` : `allowed: ${allowed.join(', ')}`,
      });
      return;
    }
    case 'invalid_union': {
      // Prefer the branch whose problems lie deepest: it is the one the author meant.
      const branches = issue.errors.filter((b) => b.length > 0);
      const deepest = branches.sort((a, b) => maxDepth(b) - maxDepth(a))[0];
      if (deepest && maxDepth(deepest) > 0) {
        for (const sub of deepest) describeIssue({ ...sub, path: [...path, ...sub.path] } as Issue, schema, input, out);
        return;
      }
      const expected = [...new Set(branches.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? i.expected : 'value'))))];
      out.push({
        path,
        code: 'wrong-type',
        message: `expected ${expected.map(article).join(' or ')}, got ${article(typeOf(value))}`,
      });
      return;
    }
    case 'too_small':
    case 'too_big':
      out.push({ path, code: issue.code === 'too_small' ? 'too-small' : 'too-big', message: tidy(issue.message) });
      return;
    case 'invalid_format':
      out.push({
        path,
        code: 'invalid-format',
        message: issue.message.includes(JSON.stringify(value)) ? tidy(issue.message) : `${JSON.stringify(value)}: ${tidy(issue.message)}`,
      });
      return;
    default:
      out.push({ path, code: 'invalid', message: tidy(issue.message) });
  }
}

function maxDepth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function tidy(message: string): string {
  return message.replace(/^Invalid input: /, '').replace(/^Too (small|big): /, '');
}

function article(type: string): string {
  const plain: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping (key: value)',
    array: 'a list',
    null: 'nothing (null)',
    undefined: 'nothing',
  };
  return plain[type] ?? type;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/** The schema that validates the value at `path`, looking through optional, array, union and object. */
export function schemaAt(schema: Schema, path: readonly PropertyKey[]): Schema | undefined {
  let cur: Schema | undefined = schema;
  for (const seg of path) {
    cur = cur && unwrap(cur);
    if (!cur) return undefined;
    const def = cur._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object') cur = (def.shape as Record<string, Schema>)[String(seg)];
    else if (def.type === 'array') cur = def.element as Schema;
    else return undefined;
  }
  return cur && unwrap(cur);
}

function unwrap(schema: Schema): Schema | undefined {
  let cur: Schema = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def = cur._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') cur = def.innerType as Schema;
    else if (def.type === 'pipe') cur = def.in as Schema;
    else if (def.type === 'union') {
      const options = def.options as Schema[];
      const object = options.find((o) => unwrap(o)?._zod.def.type === 'object');
      if (!object) return cur;
      cur = object;
    } else return cur;
  }
  return cur;
}

function objectKeys(schema: Schema | undefined): string[] {
  if (!schema || schema._zod.def.type !== 'object') return [];
  return Object.keys((schema._zod.def as unknown as { shape: Record<string, unknown> }).shape);
}
