import type { z } from 'zod';

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

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `add the required field (${issue.expected})` : `use a ${issue.expected} here`;
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
