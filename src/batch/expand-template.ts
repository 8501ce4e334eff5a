import type { z } from 'zod';
import { jsonPath, specErrorFromZod } from '../project/spec-error';
import { videoSpecSchema, type VideoSpecInput } from '../spec/video-spec';
import type { DataRow } from './read-rows';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const EXACT = /^\{\{\s*([^{}\s]+)\s*\}\}$/;

type Key = string | number;

/** A tag: "<" then a name, "/", "!" or "?" and a closing ">" ("a < b" and "<3" are text). */
const MARKUP = /<\s*[/!?]?\s*[a-z][^<>]*>/i;

/** Where a template takes a value from a column; `exact` when the whole JSON string is the placeholder. */
export interface FieldUse {
  path: Key[];
  column: string;
  exact: boolean;
}

export interface RowProblem {
  column?: string;
  /** JSON path in the expanded spec. */
  path?: string;
  message: string;
}

/** Every {{field}} in a template, with the JSON path of the string that holds it. */
export function templateFields(template: unknown, at: Key[] = []): FieldUse[] {
  if (typeof template === 'string') {
    const exact = EXACT.exec(template);
    if (exact) return [{ path: at, column: exact[1]!, exact: true }];
    return [...template.matchAll(PLACEHOLDER)].map((m) => ({ path: at, column: m[1]!, exact: false }));
  }
  if (Array.isArray(template)) return template.flatMap((v, i) => templateFields(v, [...at, i]));
  if (template && typeof template === 'object') return Object.entries(template).flatMap(([k, v]) => templateFields(v, [...at, k]));
  return [];
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function fill(template: unknown, values: Record<string, unknown>): unknown {
  if (typeof template === 'string') {
    const exact = EXACT.exec(template);
    if (exact) return values[exact[1]!];
    return template.replace(PLACEHOLDER, (_m, name: string) => String(values[name]));
  }
  if (Array.isArray(template)) return template.map((v) => fill(v, values));
  if (template && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, values)]));
  return template;
}

function getAt(obj: unknown, at: Key[]): unknown {
  return at.reduce<unknown>((o, k) => (o as Record<Key, unknown> | undefined)?.[k], obj);
}

function setAt(obj: unknown, at: Key[], value: unknown): void {
  const parent = getAt(obj, at.slice(0, -1)) as Record<Key, unknown>;
  parent[at[at.length - 1]!] = value;
}

const sameKey = (a: Key[], b: readonly PropertyKey[]) => a.length === b.length && a.every((k, i) => k === b[i]);
const isPrefix = (a: Key[], b: readonly PropertyKey[]) => a.length <= b.length && a.every((k, i) => k === b[i]);

/** "1,200" and " 12.5 " are numbers; "1,2" (a decimal comma) is not guessed at. */
export function parseNumberCell(v: string): number | null {
  const s = v.trim();
  const plain = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? s : /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : null;
  return plain === null ? null : Number(plain);
}

/**
 * Typing by position: a cell that fills a whole string where the schema wants a number (or a boolean) becomes
 * one, and a number that fills a string position becomes text. The schema says which positions are which.
 */
function coerce(expanded: unknown, uses: FieldUse[], issues: z.core.$ZodIssue[], problems: RowProblem[]): boolean {
  let changed = false;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type') continue;
    const use = uses.find((u) => u.exact && sameKey(u.path, issue.path));
    if (!use) continue;
    const value = getAt(expanded, use.path);
    const where = jsonPath(use.path);
    if (issue.expected === 'number' && typeof value === 'string') {
      const n = parseNumberCell(value);
      if (n === null) problems.push({ column: use.column, path: where, message: `${JSON.stringify(value)} is not a number (it fills ${where}); write a plain number such as 1200 or 12.5` });
      else setAt(expanded, use.path, n);
      changed = true;
    } else if (issue.expected === 'boolean' && typeof value === 'string' && /^(true|false|yes|no)$/i.test(value.trim())) {
      setAt(expanded, use.path, /^(true|yes)$/i.test(value.trim()));
      changed = true;
    } else if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      setAt(expanded, use.path, String(value));
      changed = true;
    }
  }
  return changed;
}

export interface ExpandedRow {
  spec: VideoSpecInput | null;
  problems: RowProblem[];
}

/**
 * Fills a template's {{fields}} from one data row and checks the result against the spec schema. Problems name the
 * column whose cell caused them (and the JSON path it fills); a problem with no column is the template's own.
 */
export function expandTemplate(template: unknown, row: DataRow, id: string): ExpandedRow {
  const uses = templateFields(template);
  const problems: RowProblem[] = [];
  const reported = new Set<string>();
  for (const use of uses) {
    if (!isMissing(row.values[use.column]) || reported.has(use.column)) continue;
    reported.add(use.column);
    const fix = use.column in row.values ? 'fill in the cell' : `add a "${use.column}" column to the data`;
    problems.push({ column: use.column, path: jsonPath(use.path), message: `${use.column in row.values ? 'is empty' : 'is missing'} (the template uses {{${use.column}}} at ${jsonPath(use.path)}); ${fix}` });
  }
  // Cells are plain text: markup such as <break time="60s"/> would reach HeyGen as a (billed) pause.
  for (const use of uses) {
    const cell = row.values[use.column];
    if (typeof cell !== 'string' || reported.has(use.column)) continue;
    const markup = MARKUP.exec(cell);
    if (!markup) continue;
    reported.add(use.column);
    problems.push({ column: use.column, path: jsonPath(use.path), message: `holds markup ${JSON.stringify(markup[0])}; data cells are plain text (pauses and tags belong in the template), so remove the "<…>"` });
  }
  if (problems.length) return { spec: null, problems };

  const expanded = fill(template, row.values) as Record<string, unknown>;
  delete expanded.$schema;
  expanded.id = id;
  let parsed = videoSpecSchema.safeParse(expanded);
  if (!parsed.success && coerce(expanded, uses, parsed.error.issues, problems)) parsed = videoSpecSchema.safeParse(expanded);
  if (problems.length) return { spec: null, problems };
  if (!parsed.success) {
    const explained = specErrorFromZod('', parsed.error).issues;
    parsed.error.issues.forEach((issue, i) => {
      const message = explained[i]?.message ?? issue.message;
      const use = uses.find((u) => isPrefix(u.path, issue.path)) ?? uses.find((u) => isPrefix([...issue.path] as Key[], u.path));
      const where = jsonPath(issue.path);
      problems.push(use ? { column: use.column, path: where, message: `${JSON.stringify(row.values[use.column])} does not fit ${where}: ${message}` } : { path: where, message: `${message} (in the template itself, not a cell)` });
    });
    return { spec: null, problems };
  }
  return { spec: expanded as VideoSpecInput, problems };
}
