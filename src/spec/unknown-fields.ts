import type { z } from 'zod';

export interface UnknownField {
  /** JSON path of the field itself, e.g. $.scenes[0].captons */
  path: string;
  key: string;
  /** The nearest known field name at that place, when one is close enough to be a typo. */
  suggestion?: string;
  known: string[];
}

/** Zod's internal definition: enough of it to walk objects, arrays, unions and wrappers. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  values?: unknown[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): Def {
  let def = defOf(schema);
  for (let i = 0; i < 20; i++) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in) def = defOf(def.in);
    else if (def.type === 'lazy' && def.getter) def = defOf(def.getter());
    else break;
  }
  return def;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** The known name a typo most likely meant: within a third of its length (at least 2 edits), or a case/prefix match. */
export function nearestName(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(key, name);
    if (!best || d < best.d) best = { name, d };
  }
  if (!best) return undefined;
  return best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.name : undefined;
}

/** The option of a union this value is meant as: by its discriminator, else the object option that knows most of its keys. */
function pickOption(def: Def, value: Record<string, unknown>): Def | undefined {
  const options = (def.options ?? []).map(unwrap).filter((o) => o.type === 'object');
  if (def.discriminator) {
    const tag = value[def.discriminator];
    const match = options.find((o) => {
      const d = o.shape?.[def.discriminator!];
      return d ? unwrap(d).values?.includes(tag) : false;
    });
    if (match) return match;
  }
  const score = (o: Def) => Object.keys(value).filter((k) => o.shape && k in o.shape).length;
  return options.sort((a, b) => score(b) - score(a))[0];
}

function walk(def: Def, value: unknown, path: string, out: UnknownField[]): void {
  if (def.type === 'object' && isPlainObject(value) && def.shape) {
    const known = Object.keys(def.shape);
    for (const [key, v] of Object.entries(value)) {
      const child = `${path}.${key}`;
      if (key in def.shape) walk(unwrap(def.shape[key]!), v, child, out);
      else if (!def.catchall || unwrap(def.catchall).type === 'never') out.push({ path: child, key, suggestion: nearestName(key, known), known });
    }
  } else if (def.type === 'array' && Array.isArray(value) && def.element) {
    const element = unwrap(def.element);
    value.forEach((v, i) => walk(element, v, `${path}[${i}]`, out));
  } else if (def.type === 'union' && isPlainObject(value)) {
    const option = pickOption(def, value);
    if (option) walk(option, value, path, out);
  } else if (def.type === 'record' && isPlainObject(value) && def.valueType) {
    const inner = unwrap(def.valueType);
    for (const [k, v] of Object.entries(value)) walk(inner, v, `${path}.${k}`, out);
  }
}

/**
 * Fields the schema does not know, anywhere in the input. Zod objects drop unknown keys silently, so a typo such
 * as "captons" would be ignored; every object schema (also ones added later) is covered without marking it strict.
 */
export function unknownFields(schema: z.ZodType, input: unknown): UnknownField[] {
  const out: UnknownField[] = [];
  walk(unwrap(schema), input, '$', out);
  return out;
}

export function describeUnknownField(f: UnknownField): string {
  return f.suggestion
    ? `unknown field "${f.key}"; did you mean "${f.suggestion}"?`
    : `unknown field "${f.key}" (not a spec field here; known: ${f.known.join(', ')}); remove it or fix the spelling`;
}
