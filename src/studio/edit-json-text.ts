import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type JSONPath } from 'jsonc-parser';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The smallest set of (path, new value) changes that turn `before` into `after`; undefined deletes. */
export function jsonChanges(before: unknown, after: unknown, at: JSONPath = []): { path: JSONPath; value: unknown }[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((k) => jsonChanges(before[k], after[k], [...at, k]));
  }
  // Same-length arrays change item by item (an edited label keeps its neighbours' formatting); others as a whole.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => jsonChanges(b, after[i], [...at, i]));
  }
  return [{ path: at, value: after }];
}

function indentOf(text: string): { insertSpaces: boolean; tabSize: number } {
  const m = /\n([ \t]+)"/.exec(text);
  if (m?.[1]?.startsWith('\t')) return { insertSpaces: false, tabSize: 1 };
  return { insertSpaces: true, tabSize: m?.[1]?.length ?? 2 };
}

/**
 * `text` (a JSON file) changed to hold `after`, touching only the values that differ: every other byte (key order,
 * indentation, line breaks, the final newline) stays as it was written. `before` is what `after` was edited from
 * (default: the file's value; a spec with its defaults filled in, so a default left alone is not written out).
 */
export function editJsonText(text: string, after: unknown, before: unknown = JSON.parse(text)): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formattingOptions = { ...indentOf(text), eol };
  let out = text;
  for (const change of jsonChanges(before, after)) {
    // A default that was filled in and then dropped is not in the file: nothing to remove.
    if (change.value === undefined && findNodeAtLocation(parseTree(out)!, change.path) === undefined) continue;
    const edits: Edit[] = modify(out, change.path, change.value, { formattingOptions });
    out = applyEdits(out, edits);
  }
  return out;
}
