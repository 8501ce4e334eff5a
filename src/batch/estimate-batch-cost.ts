import path from 'node:path';
import type { PrebuildResult } from '../jobs/run-prebuild';

export interface RowCost {
  name: string;
  clips: number;
  seconds: number;
  usd: number;
  /** Of `clips`, how many other rows need too (counted once in the total). */
  shared: number;
}

export interface BatchEstimate {
  rows: RowCost[];
  clips: number;
  seconds: number;
  usd: number;
  /** Clips already in the store (free). */
  stored: number;
  /** With --locales: clips to generate, their seconds and cost per language (a clip languages share counts once). */
  perLocale?: PrebuildResult['perLocale'];
}

/** Per row and in total, what a batch's clips not yet in the store would cost; a clip several rows share counts once in the total. */
export function estimateBatchCost(planned: PrebuildResult, rows: { name: string; specFile: string }[], root: string, opts: { perLocale?: boolean } = {}): BatchEstimate {
  const toGenerate = planned.plan.clips.filter((c) => !c.cached && !c.refetch);
  const usdPerSec = planned.estimatedSec > 0 ? planned.estimatedUsd / planned.estimatedSec : 0;
  const rowOf = new Map(rows.map((r) => [path.resolve(r.specFile), r.name]));
  const costs = new Map(rows.map((r) => [r.name, { name: r.name, clips: 0, seconds: 0, usd: 0, shared: 0 }]));
  for (const clip of toGenerate) {
    const names = new Set(clip.usedBy.map((u) => rowOf.get(path.resolve(root, u.file))).filter((n): n is string => !!n));
    for (const name of names) {
      const row = costs.get(name)!;
      row.clips++;
      row.seconds += clip.estimatedSec;
      row.usd += clip.estimatedSec * usdPerSec;
      if (names.size > 1) row.shared++;
    }
  }
  return {
    rows: [...costs.values()],
    clips: toGenerate.length,
    seconds: planned.estimatedSec,
    usd: planned.estimatedUsd,
    stored: planned.plan.clips.length - toGenerate.length,
    ...(opts.perLocale ? { perLocale: planned.perLocale } : {}),
  };
}

const money = (usd: number) => `$${usd.toFixed(2)}`;

/** The dry run's table: one line per row, then the total. */
export function formatBatchEstimate(e: BatchEstimate): string {
  const line = (label: string, clips: number, seconds: number, usd: number) => `  ${label.padEnd(24)} ${String(clips).padStart(4)} clip(s) ${`${Math.round(seconds)} s`.padStart(7)} ${money(usd).padStart(10)}`;
  const byLocale = Object.entries(e.perLocale ?? {}).map(([locale, c]) => line(`locale ${locale}`, c.clips, c.seconds, c.usd));
  const lines = e.rows.map((r) => `  ${r.name.padEnd(24)} ${String(r.clips).padStart(4)} clip(s) ${`${Math.round(r.seconds)} s`.padStart(7)} ${money(r.usd).padStart(10)}${r.shared ? `  (${r.shared} clip(s) shared with other rows, counted once in the total)` : ''}`);
  return [
    `Estimated cost (only clips not already in the store; ${e.stored} stored clip(s) are free${e.usd > 0 ? '' : '; nothing to pay (the emulator, or all stored)'}):`,
    ...lines,
    ...(byLocale.length ? ['  per locale:', ...byLocale] : []),
    line('total', e.clips, e.seconds, e.usd),
  ].join('\n');
}
