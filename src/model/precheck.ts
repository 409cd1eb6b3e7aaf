import type { z } from 'zod';

/**
 * A fast yes/no validator compiled from a zod schema's own definition, for the loader's hot loop:
 * a model of 100k entities spends seconds in zod building result objects and issue lists for data
 * that is almost always valid. `precheck(schema)(value)` returns true only if the schema accepts
 * `value` unchanged (the schemas have no transforms or defaults, so the input is then the output);
 * the loader asks zod itself whenever it returns false, so zod stays the only judge of what is
 * wrong and how to say it. Anything the compiler does not understand is handed to zod for that
 * part of the value, so an unknown construct costs speed, never correctness.
 */
export type Precheck = (value: unknown) => boolean;

type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: { _zod: { def: Record<string, unknown> } }[] };

const compiled = new WeakMap<Schema, Precheck>();

export function precheck(schema: Schema): Precheck {
  let check = compiled.get(schema);
  if (!check) {
    // Registered before compiling so that a recursive schema refers to itself lazily.
    let inner: Precheck | undefined;
    compiled.set(schema, (v) => inner!(v));
    inner = compile(schema);
    compiled.set(schema, inner);
    check = inner;
  }
  return check;
}

const viaZod = (schema: Schema): Precheck => {
  const s = schema as unknown as { safeParse?: (v: unknown) => { success: boolean } };
  if (typeof s.safeParse === 'function') return (v) => s.safeParse!(v).success;
  return () => false;
};

function compile(schema: Schema): Precheck {
  const def = schema._zod.def as unknown as Def;
  const base = compileType(def);
  if (!base) return viaZod(schema);
  const checks = def.checks ?? [];
  if (checks.length === 0) return base;
  const extra: Precheck[] = [];
  for (const c of checks) {
    const cd = c._zod.def;
    const one = compileCheck(cd, def.type);
    if (!one) return viaZod(schema);
    extra.push(one);
  }
  if (extra.length === 1) {
    const [a] = extra as [Precheck];
    return (v) => base(v) && a(v);
  }
  return (v) => {
    if (!base(v)) return false;
    for (const c of extra) if (!c(v)) return false;
    return true;
  };
}

function compileType(def: Def): Precheck | undefined {
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'number': {
      const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
      if (def.format === undefined) return finite;
      if (def.format === 'safeint') return (v) => finite(v) && Number.isSafeInteger(v);
      return undefined;
    }
    case 'unknown':
    case 'any':
      return () => true;
    case 'literal': {
      const values = def.values as unknown[];
      return (v) => values.includes(v);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = precheck(def.innerType as Schema);
      return (v) => v === undefined || inner(v);
    }
    case 'array': {
      const element = precheck(def.element as Schema);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'union': {
      if (def.inclusive === false) return undefined;
      const options = (def.options as Schema[]).map(precheck);
      return (v) => {
        for (const o of options) if (o(v)) return true;
        return false;
      };
    }
    case 'object':
      return compileObject(def);
    default:
      return undefined;
  }
}

function compileObject(def: Def): Precheck | undefined {
  const catchall = (def.catchall as Schema | undefined)?._zod.def.type;
  if (catchall !== undefined && catchall !== 'never') return undefined;
  const strict = catchall === 'never';
  const shape = def.shape as Record<string, Schema>;
  const fields = new Map<string, { check: Precheck; required: boolean }>();
  let required = 0;
  for (const key of Object.keys(shape)) {
    if (key === '__proto__') return undefined;
    const field = shape[key]!;
    const isRequired = (field._zod as { optin?: string }).optin === undefined;
    if (isRequired) required++;
    fields.set(key, { check: precheck(field), required: isRequired });
  }
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    let seen = 0;
    for (const key in o) {
      const field = fields.get(key);
      if (field === undefined) {
        if (strict) return false;
        continue;
      }
      if (!field.check(o[key])) return false;
      if (field.required) seen++;
    }
    // Every required key was there (`for...in` over plain data yields each own key once).
    return seen === required;
  };
}

function compileCheck(cd: Record<string, unknown>, type: string): Precheck | undefined {
  switch (cd.check) {
    case 'string_format': {
      if (type !== 'string' || cd.format !== 'regex' || !(cd.pattern instanceof RegExp)) return undefined;
      const pattern = cd.pattern;
      if (pattern.global || pattern.sticky) return undefined;
      return (v) => pattern.test(v as string);
    }
    case 'max_length': {
      const max = cd.maximum as number;
      return (v) => (v as { length: number }).length <= max;
    }
    case 'min_length': {
      const min = cd.minimum as number;
      return (v) => (v as { length: number }).length >= min;
    }
    case 'greater_than': {
      if (type !== 'number' || typeof cd.value !== 'number') return undefined;
      const min = cd.value;
      return cd.inclusive ? (v) => (v as number) >= min : (v) => (v as number) > min;
    }
    case 'less_than': {
      if (type !== 'number' || typeof cd.value !== 'number') return undefined;
      const max = cd.value;
      return cd.inclusive ? (v) => (v as number) <= max : (v) => (v as number) < max;
    }
    case 'custom': {
      // A `.refine(fn)`: it passes when fn returns true. Anything else (false, a promise, a
      // superRefine that reports through its context) counts as a failure, and zod decides.
      const fn = cd.fn;
      if (typeof fn !== 'function') return undefined;
      return (v) => {
        try {
          return (fn as (v: unknown) => unknown)(v) === true;
        } catch {
          return false;
        }
      };
    }
    default:
      return undefined;
  }
}
