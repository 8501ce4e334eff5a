import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BatchResult, RowStatus } from './run-batch';

export type StatusCounts = Record<RowStatus, number>;

const zero = (): StatusCounts => ({ rendered: 0, skipped: 0, failed: 0, invalid: 0 });

/** How many videos were rendered, skipped, failed or invalid, per language (rows made without locales count under their own "source"). */
export function countsByLocale(rows: BatchResult['rows']): Record<string, StatusCounts> {
  const out: Record<string, StatusCounts> = {};
  for (const r of rows) (out[r.locale ?? 'source'] ??= zero())[r.status]++;
  return out;
}

/** summary.json beside the videos: every outcome of this run and the counts per language, for scripts and CI. */
export async function writeBatchSummary(result: BatchResult): Promise<string> {
  const file = path.join(result.outDir, 'summary.json');
  const total = zero();
  for (const r of result.rows) total[r.status]++;
  const summary = { total, perLocale: countsByLocale(result.rows), totalMs: result.totalMs, rows: result.rows };
  await writeFile(`${file}.tmp`, `${JSON.stringify(summary, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return file;
}
