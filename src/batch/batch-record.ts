import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from '../spec/content-hash';

/** Written after a video and its still are in place; a video without a matching record is rendered again. */
export interface BatchRecord {
  inputHash: string;
  /** The template that made it (path from the project root), so a batch never takes another's video for its own. */
  template?: string;
  /** The data row it came from in its last run. */
  row?: number;
  /** The row's name and the video's language (a batch with --locales makes <name>.<locale>.mp4 per row). */
  name?: string;
  locale?: string;
  file: string;
  thumb: string;
  sizeBytes: number;
  durationInFrames: number;
  fps: number;
  width: number;
  height: number;
  renderMs: number;
  renderedAt: string;
}

/** Bump when the output of the same inputs changes (a new still frame, a new codec default). */
const RECORD_VERSION = 1;

/** What decides a video's bytes: the expanded spec with the exact clips it uses, and the output settings. */
export function renderInputHash(input: { compositionId: string; inputProps: Record<string, unknown>; settings: Record<string, unknown> }): string {
  return contentHash({ v: RECORD_VERSION, ...input });
}

export function recordPath(outDir: string, name: string): string {
  return path.join(outDir, '.records', `${name}.json`);
}

export async function readRecord(outDir: string, name: string): Promise<BatchRecord | null> {
  try {
    return JSON.parse(await readFile(recordPath(outDir, name), 'utf8')) as BatchRecord;
  } catch {
    return null;
  }
}

/** Finished: the record matches these inputs and the video (same size) and still it names are on disk. */
export async function finishedRecord(outDir: string, name: string, inputHash: string): Promise<BatchRecord | null> {
  const record = await readRecord(outDir, name);
  if (!record || record.inputHash !== inputHash) return null;
  const video = path.join(outDir, record.file);
  if (!existsSync(video) || !existsSync(path.join(outDir, record.thumb))) return null;
  return (await stat(video)).size === record.sizeBytes ? record : null;
}

export async function writeRecord(outDir: string, name: string, record: BatchRecord): Promise<void> {
  const file = recordPath(outDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/** Every video of the folder that a batch recorded and that is still on disk, by output name. */
export async function recordedVideos(outDir: string): Promise<Map<string, BatchRecord>> {
  const names = (await readdir(path.join(outDir, '.records')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const out = new Map<string, BatchRecord>();
  for (const n of names.sort()) {
    const name = n.slice(0, -'.json'.length);
    const record = await readRecord(outDir, name);
    if (record && existsSync(path.join(outDir, record.file))) out.set(name, record);
  }
  return out;
}

/**
 * Why the video this row would write must not be replaced, or null when it may: a file there that no batch
 * recorded (the user's own, another tool's) or that another template made.
 */
export async function notOurVideo(outDir: string, name: string, file: string, template: string): Promise<string | null> {
  const target = path.join(outDir, file);
  if (!existsSync(target)) return null;
  const record = await readRecord(outDir, name);
  const shown = path.relative(process.cwd(), target) || target;
  if (!record || record.file !== file) return `${shown} is already there and this batch did not make it; move it away or pass --out <another folder> (it is left as it is)`;
  if (record.template && record.template !== template) return `${shown} was made by the template ${record.template}; pass --out <another folder> for ${template} (it is left as it is)`;
  return null;
}
