import path from 'node:path';
import { createPrebuildReporter } from '../jobs/prebuild-reporter';
import { createRenderReporter } from '../render/render-reporter';
import { countsByLocale } from './batch-summary';
import { DEFAULT_PARALLEL, type BatchEvent, type BatchResult, type RowOutcome } from './run-batch';

const where = (o: RowOutcome) => `row ${o.row}${o.line ? ` (line ${o.line})` : ''}${o.locale ? ` ${o.locale}` : ''}`;

/** Progress of a batch on stderr: bad rows as they are found, the prebuild's clips, then each render with fps and ETA. */
export function createBatchReporter(stream: NodeJS.WriteStream = process.stderr, opts: { parallel?: number } = {}) {
  const prebuild = createPrebuildReporter({ stream });
  // Videos whose frames render side by side cannot share one line redrawn in place.
  const inPlace = !!stream.isTTY && (opts.parallel ?? DEFAULT_PARALLEL) === 1;
  const renders = new Map<number, ReturnType<typeof createRenderReporter>>();
  return {
    onEvent(e: BatchEvent) {
      switch (e.type) {
        case 'row-invalid':
          stream.write(`  ✗ ${where(e.outcome)} ${e.outcome.name}: ${e.outcome.error}\n`);
          break;
        case 'fallback':
          stream.write(`  warning: ${e.name} ${e.locale}: ${e.paths.length} text(s) have no translation and keep the source text (--fallback source): ${e.paths.join(', ')}\n`);
          break;
        case 'rows':
          stream.write(`Batch: ${e.selected} of ${e.total} row(s) of ${e.dataFile}${e.invalid ? `, ${e.invalid} with problems (skipped, listed above)` : ''}\n`);
          break;
        case 'prebuild':
          prebuild.onEvent(e.event);
          break;
        case 'estimate':
          stream.write(`Cost: ${e.estimate.clips} clip(s) to generate, about ${Math.round(e.estimate.seconds)} s, $${e.estimate.usd.toFixed(2)}\n`);
          break;
        case 'prebuild-done':
          prebuild.done();
          if (e.error) stream.write(`  prebuild failed: ${e.error}\n  rows whose clips are already built still render\n`);
          break;
        case 'plan':
          stream.write(`Render: ${e.toRender} to render${e.finished ? `, ${e.finished} finished already (skipped; --force renders them again)` : ''}\n`);
          break;
        case 'ready':
          stream.write(`Bundled and browser ready in ${(e.ms / 1000).toFixed(1)}s\n`);
          break;
        case 'row-start':
          renders.set(e.index, createRenderReporter(`[${e.index}/${e.of}] ${e.name}`, stream, { inPlace }));
          break;
        case 'row-progress':
          renders.get(e.index)?.onProgress(e.progress);
          break;
        case 'row-done':
          if (e.outcome.status === 'rendered' && e.outcome.file) renders.get(e.index)?.done(e.outcome.file);
          else stream.write(`${inPlace ? '\r\x1b[2K' : ''}  ✗ [${e.index}/${e.of}] ${e.outcome.name} failed: ${e.outcome.error}\n`);
          renders.delete(e.index);
          break;
      }
    },
  };
}

function table(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

const countsLine = (c: Record<string, number>) => `${c.rendered ?? 0} rendered, ${c.skipped ?? 0} skipped (finished), ${c.failed ?? 0} failed, ${c.invalid ?? 0} invalid`;

/** The table printed at the end: one line per row with what happened to it. */
export function formatBatchSummary(result: BatchResult, cwd: string = process.cwd()): string {
  const withLocales = result.rows.some((r) => r.locale);
  const header = ['row', 'name', ...(withLocales ? ['locale'] : []), 'status', 'length', 'frames', 'render', 'fps', 'size', 'note'];
  const lines = result.rows.map((r) => [
    String(r.row),
    r.name,
    ...(withLocales ? [r.locale ?? ''] : []),
    r.status,
    r.durationSec !== undefined ? `${r.durationSec.toFixed(1)}s` : '',
    r.frames !== undefined ? String(r.frames) : '',
    r.renderMs !== undefined && r.status === 'rendered' ? `${(r.renderMs / 1000).toFixed(1)}s` : '',
    r.renderMs && r.frames && r.status === 'rendered' ? (r.frames / (r.renderMs / 1000)).toFixed(1) : '',
    r.sizeBytes !== undefined ? `${(r.sizeBytes / 1e6).toFixed(2)} MB` : '',
    r.status === 'rendered' || r.status === 'skipped' ? (r.file ?? '') : (r.error ?? ''),
  ]);
  const count = (s: string) => result.rows.filter((r) => r.status === s).length;
  const first = withLocales ? 4 : 3;
  const perLocale = withLocales ? Object.entries(countsByLocale(result.rows)).map(([locale, c]) => `  ${locale}: ${countsLine(c)}`) : [];
  return [
    table([header, ...lines], new Set([first, first + 1, first + 2, first + 3, first + 4])),
    '',
    ...perLocale,
    `${countsLine({ rendered: count('rendered'), skipped: count('skipped'), failed: count('failed'), invalid: count('invalid') })} · ${(result.totalMs / 1000).toFixed(1)}s · ${path.relative(cwd, result.indexFile)}`,
  ].join('\n');
}
