import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentHash } from '../spec/content-hash';

/** Written after a video and its still are in place; a video without a matching record is rendered again. */
export interface BatchRecord {
  inputHash: string;
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
