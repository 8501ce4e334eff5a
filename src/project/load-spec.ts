import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { videoSpecSchema, type VideoSpec } from '../spec/video-spec';
import { SpecError, parseWithSchema } from './spec-error';

export interface LoadedSpec {
  file: string;
  spec: VideoSpec;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

function failsOnlyAtEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    const msg = (e as Error).message;
    const at = /position (\d+)/.exec(msg);
    return /end of (JSON )?input/i.test(msg) || (!!at && Number(at[1]) >= prefix.length);
  }
}

/** Where JSON.parse gave up, for engines whose message has no position: the longest prefix that is only unfinished. */
function syntaxErrorOffset(text: string): number | null {
  let lo = 0;
  let hi = text.length;
  if (failsOnlyAtEnd(text)) return null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (failsOnlyAtEnd(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export async function loadSpec(file: string, root: string = process.cwd()): Promise<LoadedSpec> {
  const shown = path.relative(root, path.resolve(root, file)) || file;
  let text: string;
  try {
    text = await readFile(path.resolve(root, file), 'utf8');
  } catch (err) {
    throw new SpecError(shown, [{ path: '$', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path` }]);
  }
  let json: unknown;
  try {
    // A byte-order mark (Windows editors write one) is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const pos = /position (\d+)/.exec((err as Error).message);
    const offset = pos ? Number(pos[1]) : syntaxErrorOffset(text);
    const where = offset === null ? '' : ` at ${lineAndColumn(text, offset)}`;
    throw new SpecError(shown, [{ path: '$', message: `not valid JSON${where}: ${(err as Error).message}` }]);
  }
  return { file: shown, spec: parseWithSchema(videoSpecSchema, shown, json) };
}
