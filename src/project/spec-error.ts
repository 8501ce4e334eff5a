import type { z } from 'zod';
import { describeUnknownField, unknownFields } from '../spec/unknown-fields';

/** Bad input: names the file, the JSON path and what to do about it. */
export class SpecError extends Error {
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${file}: ${issues.length === 1 ? 'invalid spec' : `${issues.length} problems`}\n${issues.map((i) => `  at ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'SpecError';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** A value as the user wrote it, cut short: "fast", 12, null, [3 items], {…}. */
function shownValue(v: unknown): string {
  if (Array.isArray(v)) return `a list (${v.length} item${v.length === 1 ? '' : 's'})`;
  if (v !== null && typeof v === 'object') return 'an object';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `add the required field (${issue.expected})` : `expected ${article(issue.expected)} ${issue.expected}, got ${shownValue(issue.input)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_value':
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (not a spec field; check the spelling)`;
    default:
      return issue.message;
  }
}

export function specErrorFromZod(file: string, error: z.ZodError): SpecError {
  return new SpecError(
    file,
    error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      message: issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'too_big' || issue.code === 'invalid_value' || issue.code === 'unrecognized_keys' ? fixFor(issue) : issue.message,
    })),
  );
}

/**
 * Parses JSON as a spec of this schema, or throws every problem at once: wrong values with what was given, missing
 * fields, and fields the schema does not know (with the nearest known name), each at its JSON path.
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, file: string, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json, { reportInput: true });
  const unknown = unknownFields(schema, json).map((f) => ({ path: f.path, message: describeUnknownField(f) }));
  if (parsed.success && !unknown.length) return parsed.data;
  const issues = parsed.success ? [] : specErrorFromZod(file, parsed.error).issues;
  throw new SpecError(file, [...unknown, ...issues]);
}
