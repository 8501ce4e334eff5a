import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { acquirePidLock } from '../lib/pid-lock';
import type { ConnectHeyGen } from '../heygen';
import { ClipStore } from '../project/clip-store';
import { hashReferencedFiles } from '../project/project-files';
import { runPrebuild, type PrebuildEvent, type PrebuildResult } from '../jobs/run-prebuild';
import { jsonPath, SpecError } from '../project/spec-error';
import { videoSpecSchema } from '../spec/video-spec';
import { sweepStaleTempDirs } from '../render/owned-temp-dir';
import { openRenderSession, type RenderSession } from '../render/render-session';
import { renderSettings, type RenderSettings, type RenderSettingsInput } from '../render/render-settings';
import { prepareRender, type PreparedRender } from '../render/render-spec';
import type { RenderProgress } from '../render/render-video';
import { BatchInputError } from './batch-error';
import { estimateBatchCost, type BatchEstimate } from './estimate-batch-cost';
import { finishedRecord, notOurVideo, recordedVideos, renderInputHash, writeRecord, type BatchRecord } from './batch-record';
import { writeContactSheet } from './contact-sheet';
import { expandTemplate, templateFields, type RowProblem } from './expand-template';
import { Semaphore } from '../lib/semaphore';
import { outputName } from './output-name';
import { thumbnailFromVideo } from './thumbnail-from-video';
import { readRows, type DataRow } from './read-rows';
import type { LocaleSelection } from '../project/localized-specs';
import { batchLocales, localizeRow } from './localize-row';
import { writeBatchSummary } from './batch-summary';

export interface BatchOptions {
  /** The project: public/ (clips, media) and where relative paths start. */
  root?: string;
  /** Where remotion/ lives; default `root`. */
  codeRoot?: string;
  template: string;
  data: string;
  /** Default out/batch. */
  outDir?: string;
  /** Output names (or raw cells of the name column) to render; the rest are left alone. */
  only?: string[];
  limit?: number;
  /** Render again even when a finished video matches. */
  force?: boolean;
  /** The column that names each video; default "id" (rows are named row-N when there is none). */
  nameColumn?: string;
  /** How each row is rendered (codec, preset, scale, …); defaults as for `npm run render`. */
  settings?: RenderSettingsInput;
  /** Videos whose frames render at once in the one browser; default 1. */
  parallel?: number;
  /**
   * Start the next video while the last one's audio is muxed and its thumbnail made (default true): its frames
   * wait for the browser, everything else overlaps.
   */
  overlap?: boolean;
  prebuildConcurrency?: number;
  /** Longest estimated scene the prebuild may generate (--max-seconds). */
  maxSceneSec?: number;
  /** Reuse a render session (tests, benchmarks); otherwise one is opened here, once, and closed. */
  session?: RenderSession;
  /** Opens HeyGen or the emulator (the entry point's choice) when clips must be made. */
  connect: ConnectHeyGen;
  onEvent?: (e: BatchEvent) => void;
  /** Render emulator placeholder clips even though a HeyGen credential is set. */
  allowPlaceholders?: boolean;
  /** Plan and price the rows' clips (result.estimate) and stop: nothing sent, nothing rendered. */
  dryRun?: boolean;
  /** Above this estimated spend the batch asks `confirmSpend` first, and refuses when it says no. */
  maxUsd?: number;
  confirmSpend?: (estimate: BatchEstimate) => Promise<boolean>;
  /** Languages to make each row in (`--locales de-DE,fr-FR|all`): <name>.<locale>.mp4 each; default the template's own, as <name>.mp4. */
  locales?: LocaleSelection;
  /** "source": a missing translation keeps the source text (a warning lists it) instead of making that row × locale invalid. */
  fallback?: 'source' | 'none';
}

export type RowStatus = 'rendered' | 'skipped' | 'failed' | 'invalid';

export interface RowOutcome {
  row: number;
  line: number | null;
  name: string;
  /** The language of this video, when the batch was asked for locales (one outcome per row × locale). */
  locale?: string;
  status: RowStatus;
  file?: string;
  thumb?: string;
  durationSec?: number;
  frames?: number;
  renderMs?: number;
  sizeBytes?: number;
  problems?: RowProblem[];
  error?: string;
}

export type BatchEvent =
  | { type: 'rows'; total: number; selected: number; invalid: number; dataFile: string }
  | { type: 'row-invalid'; outcome: RowOutcome }
  | { type: 'fallback'; name: string; locale: string; paths: string[] }
  | { type: 'prebuild'; event: PrebuildEvent }
  | { type: 'estimate'; estimate: BatchEstimate }
  | { type: 'prebuild-done'; result: PrebuildResult | null; error?: string }
  | { type: 'plan'; toRender: number; finished: number }
  | { type: 'ready'; ms: number }
  | { type: 'row-start'; index: number; of: number; name: string }
  | { type: 'row-progress'; index: number; of: number; name: string; progress: RenderProgress }
  | { type: 'row-done'; index: number; of: number; outcome: RowOutcome };

export interface BatchResult {
  outDir: string;
  indexFile: string;
  rows: RowOutcome[];
  totalMs: number;
  /** Set when the clips were priced first (--dry-run, or a --max-usd limit). */
  estimate?: BatchEstimate;
}

/**
 * The contact sheet's still: the first scene's last frame before the transition, where the title card is gone and
 * counters and bars have settled (earlier, a short first scene showed a KPI mid-count).
 */
const STILL_AT = 'first-scene-end';

export function stillFrame(prepared: PreparedRender): number {
  const first = prepared.timeline.scenes[0]!;
  return Math.min(prepared.timeline.durationInFrames - 1, first.from + first.durationInFrames - 1);
}

const THUMB_WIDTH = 320;
/** Two videos' frames side by side measured no faster on 2 cores (each keeps a core busy); more cores may differ. */
export const DEFAULT_PARALLEL = 1;

/** out/batch/<this>: the template's file name without ".json" and "template" ("videos/q3-template.json" -> "q3"). */
export function templateFolderName(templateFile: string): string {
  return outputName(path.basename(templateFile).replace(/\.json$/i, '').replace(/[-_. ]?template$/i, '')) || 'batch';
}

async function readTemplate(file: string, root: string): Promise<unknown> {
  const shown = path.relative(root, path.resolve(root, file)) || file;
  let text: string;
  try {
    text = await readFile(path.resolve(root, file), 'utf8');
  } catch (err) {
    throw new BatchInputError(`${shown}: cannot read the template (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path given to --template.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BatchInputError(`${shown}: the template is not valid JSON: ${(err as Error).message}`);
  }
}

/** One batch at a time per output folder: two would render the same rows over each other. */
function lockOutDir(outDir: string): Promise<() => Promise<void>> {
  return acquirePidLock(path.join(outDir, '.lock'), (pid) => new BatchInputError(`another batch (pid ${pid}) is writing to ${outDir}; wait for it to finish or pass a different --out.`));
}

/** Half-written videos, stills and records of a killed run. */
async function removePartials(outDir: string): Promise<void> {
  for (const dir of [outDir, path.join(outDir, 'thumbs'), path.join(outDir, '.records')]) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => /\.partial\.[a-z0-9]+$/.test(n) || n.endsWith('.tmp')).map((n) => rm(path.join(dir, n), { force: true })));
  }
}

async function writeIfChanged(file: string, text: string): Promise<void> {
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return;
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

function describeProblems(problems: RowProblem[]): string {
  return problems.map((p) => (p.column ? `column "${p.column}": ${p.message}` : `${p.path ?? '$'}: ${p.message}`)).join('; ');
}

/**
 * A dry-run prebuild (nothing billable sent) prices the clips not yet stored; over `maxUsd` the batch goes on only
 * when `confirmSpend` says yes, and otherwise refuses before any clip is requested.
 */
async function priceFirst(root: string, candidates: Candidate[], opts: BatchOptions, emit: (e: BatchEvent) => void): Promise<BatchEstimate> {
  const planned = await runPrebuild({ root, specFiles: candidates.map((c) => c.specFile), maxSceneSec: opts.maxSceneSec, connect: opts.connect, dryRun: true });
  const estimate = estimateBatchCost(planned, candidates.map((c) => ({ name: c.output, specFile: c.specFile })), root, { perLocale: candidates.some((c) => c.locale) });
  emit({ type: 'estimate', estimate });
  if (opts.dryRun || opts.maxUsd === undefined || estimate.usd <= opts.maxUsd) return estimate;
  if (await opts.confirmSpend?.(estimate)) return estimate;
  throw new BatchInputError(
    `refused: about $${estimate.usd.toFixed(2)} of HeyGen video (${estimate.clips} clip(s), ${Math.round(estimate.seconds)} s) is over the limit of $${opts.maxUsd.toFixed(2)}; nothing was sent. ` +
      `Pass --yes to spend it, or raise the limit with --max-usd ${Math.ceil(estimate.usd)} (or HEYGEN_BATCH_MAX_USD); --dry-run shows the cost per row.`,
  );
}

interface Candidate {
  data: DataRow;
  /** The row's name; `output` names its files and record (`<name>.<locale>` when locales were asked for). */
  name: string;
  output: string;
  locale?: string;
  specFile: string;
}

/** Outcomes by row and language. */
const outcomeKey = (row: number, locale?: string) => `${row}\t${locale ?? ''}`;

/**
 * Template + rows -> one video per row. Rows are expanded and checked first (a bad row is reported by row and
 * column and skipped; the others go on), one prebuild gets every row's clips (identical clips shared), then one
 * bundle and one browser render the rows that are not already finished, and index.html shows them all.
 */
export async function runBatch(opts: BatchOptions): Promise<BatchResult> {
  const t0 = Date.now();
  const root = path.resolve(opts.root ?? process.cwd());
  const codeRoot = opts.codeRoot ?? root;
  const templateId = path.relative(root, path.resolve(root, opts.template)).split(path.sep).join('/');
  // A folder per template: two templates' rows named alike never write over each other's videos.
  const outDir = path.resolve(root, opts.outDir ?? path.join('out', 'batch', templateFolderName(opts.template)));
  const emit = opts.onEvent ?? (() => {});
  const rs = renderSettings(opts.session?.settings, opts.settings);

  const template = await readTemplate(opts.template, root);
  const table = await readRows(opts.data, root);
  const nameColumn = opts.nameColumn ?? 'id';
  if (opts.nameColumn && !table.columns.includes(nameColumn)) {
    throw new BatchInputError(`${table.file}: no column "${nameColumn}" to name the videos by (columns: ${table.columns.join(', ')}); pass --name <column>.`);
  }
  const named = table.rows.map((data) => ({ data, name: table.columns.includes(nameColumn) ? outputName(data.values[nameColumn]) : `row-${data.row}` }));
  let selected = named;
  if (opts.only?.length) {
    const wanted = new Set(opts.only.map((o) => outputName(o)));
    const missing = opts.only.filter((o) => !named.some((n) => n.name === outputName(o)));
    if (missing.length) {
      throw new BatchInputError(`--only ${missing.join(',')}: no such row in ${table.file} (names: ${named.slice(0, 12).map((n) => n.name).join(', ')}${named.length > 12 ? ', …' : ''}).`);
    }
    selected = named.filter((n) => wanted.has(n.name));
  }
  if (opts.limit !== undefined) selected = selected.slice(0, opts.limit);

  const release = await lockOutDir(outDir);
  try {
    await removePartials(outDir);
    await sweepStaleTempDirs();
    const specDir = path.join(outDir, '.specs');
    await mkdir(specDir, { recursive: true });
    const outcomes = new Map<string, RowOutcome>();
    const candidates: Candidate[] = [];
    const seen = new Map<string, number>();
    const store = new ClipStore(root);
    const localesAsked = opts.locales && opts.locales.kind !== 'source' ? opts.locales : null;
    // A row refused before it has a spec is refused in every language the template is made in.
    const templateLocales: (string | undefined)[] = localesAsked ? batchLocales(template, localesAsked) : [undefined];

    for (const { data, name } of selected) {
      const base: RowOutcome = { row: data.row, line: data.line, name: name || `row-${data.row}`, status: 'invalid' };
      const invalid = (problems: RowProblem[], locales: (string | undefined)[] = templateLocales) => {
        for (const locale of locales) {
          const outcome = { ...base, ...(locale ? { locale } : {}), problems, error: describeProblems(problems) };
          outcomes.set(outcomeKey(data.row, locale), outcome);
          emit({ type: 'row-invalid', outcome });
        }
      };
      if (data.problems?.length) {
        invalid(data.problems);
        continue;
      }
      if (!name) {
        const raw = String(data.values[nameColumn] ?? '').trim();
        invalid([{ column: nameColumn, message: raw ? `${JSON.stringify(raw)} has no letters or digits to name the video file by; write a name such as "acme-2024"` : 'is empty, and names the output file; fill it in' }]);
        continue;
      }
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        invalid([{ column: nameColumn, message: `names the video "${name}", as row ${earlier} already does; make the names unique` }]);
        continue;
      }
      seen.set(name, data.row);
      const expanded = expandTemplate(template, data, name);
      if (!expanded.spec) {
        invalid(expanded.problems);
        continue;
      }
      const specFile = path.join(specDir, `${name}.json`);
      try {
        await hashReferencedFiles(specFile, videoSpecSchema.parse(expanded.spec), store.publicDir);
      } catch (err) {
        if (!(err instanceof SpecError)) throw err;
        const fields = templateFields(template);
        invalid(err.issues.map((i) => ({ column: fields.find((f) => i.path === jsonPath(f.path))?.column, path: i.path, message: i.message })));
        continue;
      }
      if (!localesAsked) {
        await writeIfChanged(specFile, `${JSON.stringify(expanded.spec, null, 2)}\n`);
        candidates.push({ data, name, output: name, specFile });
        continue;
      }
      // One spec file per language: the prebuild keys, prices and makes each locale's clips like any spec's.
      for (const l of localizeRow(videoSpecSchema.parse(expanded.spec), localesAsked, opts.fallback)) {
        if (l.problems.length) {
          invalid(l.problems, [l.locale]);
          continue;
        }
        if (l.fellBack.length) emit({ type: 'fallback', name, locale: l.locale, paths: l.fellBack });
        const localized = path.join(specDir, `${name}.${l.locale}.json`);
        await writeIfChanged(localized, `${JSON.stringify(l.spec, null, 2)}\n`);
        candidates.push({ data, name, output: `${name}.${l.locale}`, locale: l.locale, specFile: localized });
      }
    }
    emit({ type: 'rows', total: table.rows.length, selected: selected.length, invalid: selected.length - candidates.length, dataFile: table.file });

    const estimate = candidates.length && (opts.dryRun || opts.maxUsd !== undefined) ? await priceFirst(root, candidates, opts, emit) : undefined;
    if (opts.dryRun) return { outDir, indexFile: path.join(outDir, 'index.html'), rows: [...outcomes.values()], totalMs: Date.now() - t0, estimate };

    let prebuild: PrebuildResult | null = null;
    let prebuildError: string | undefined;
    if (candidates.length) {
      try {
        prebuild = await runPrebuild({
          root,
          specFiles: candidates.map((c) => c.specFile),
          concurrency: opts.prebuildConcurrency,
          maxSceneSec: opts.maxSceneSec,
          connect: opts.connect,
          onEvent: (event) => emit({ type: 'prebuild', event }),
        });
      } catch (err) {
        // Rows whose clips are already in the store can still render.
        prebuildError = (err as Error).message;
      }
      emit({ type: 'prebuild-done', result: prebuild, error: prebuildError });
    }
    const failedClips = new Map((prebuild?.failed ?? []).map((f) => [f.key, f.message]));
    const clipFailuresFor = (specFile: string) =>
      (prebuild?.plan.clips ?? []).filter((c) => failedClips.has(c.key) && c.usedBy.some((u) => path.resolve(root, u.file) === specFile)).map((c) => failedClips.get(c.key)!);

    const manifest = await store.readManifest();
    const settings = { codec: rs.codec.codec, audioCodec: rs.codec.audioCodec, preset: rs.preset ?? null, scale: rs.scale, crf: rs.crf ?? null, thumbWidth: THUMB_WIDTH, stillAt: STILL_AT };
    const todo: { c: Candidate; prepared: PreparedRender; inputHash: string }[] = [];
    const baseOf = (c: Candidate): RowOutcome => ({ row: c.data.row, line: c.data.line, name: c.name, ...(c.locale ? { locale: c.locale } : {}), status: 'failed' });
    const setOutcome = (c: Candidate, o: RowOutcome) => outcomes.set(outcomeKey(c.data.row, c.locale), o);
    for (const c of candidates) {
      const base = baseOf(c);
      let prepared: PreparedRender;
      try {
        const spec = videoSpecSchema.parse(JSON.parse(await readFile(c.specFile, 'utf8')));
        prepared = await prepareRender({ root, file: path.relative(root, c.specFile), spec, manifest, preset: rs.preset, allowPlaceholders: opts.allowPlaceholders });
      } catch (err) {
        const causes = clipFailuresFor(c.specFile);
        const why = causes.length ? `presenter clip failed: ${causes[0]}` : prebuildError ? `prebuild failed: ${prebuildError}` : (err as Error).message;
        setOutcome(c, { ...base, error: why });
        continue;
      }
      const inputHash = renderInputHash({ compositionId: prepared.compositionId, inputProps: prepared.inputProps, settings });
      const done = opts.force ? null : await finishedRecord(outDir, c.output, inputHash);
      const refusal = done ? null : await notOurVideo(outDir, c.output, `${c.output}.${rs.codec.extension}`, templateId);
      if (done) setOutcome(c, outcomeFromRecord(base, done, 'skipped'));
      else if (refusal) setOutcome(c, { ...base, error: refusal });
      else todo.push({ c, prepared, inputHash });
    }
    emit({ type: 'plan', toRender: todo.length, finished: [...outcomes.values()].filter((o) => o.status === 'skipped').length });

    if (todo.length) {
      const tReady = Date.now();
      const session = opts.session ?? (await openRenderSession({ codeRoot, publicDir: store.publicDir, settings: rs }));
      try {
        emit({ type: 'ready', ms: Date.now() - tReady });
        const renderOne = async (i: number) => {
          const { c, prepared, inputHash } = todo[i]!;
          const of = todo.length;
          const base = baseOf(c);
          emit({ type: 'row-start', index: i + 1, of, name: c.output });
          let outcome: RowOutcome;
          try {
            const onProgress = (progress: RenderProgress) => emit({ type: 'row-progress', index: i + 1, of, name: c.output, progress });
            const record = await renderRow({ outDir, c, template: templateId, prepared, inputHash, session, settings: rs, framesGate, onProgress });
            outcome = outcomeFromRecord(base, record, 'rendered');
          } catch (err) {
            outcome = { ...base, error: (err as Error).message.split('\n')[0] };
          }
          setOutcome(c, outcome);
          emit({ type: 'row-done', index: i + 1, of, outcome });
        };
        let next = 0;
        const parallel = opts.parallel ?? DEFAULT_PARALLEL;
        const frames = new Semaphore(parallel);
        const framesGate = <T>(task: () => Promise<T>): Promise<T> => frames.run(task);
        const workers = Math.max(1, Math.min(parallel + (opts.overlap === false ? 0 : 1), todo.length));
        await Promise.all(
          Array.from({ length: workers }, async () => {
            while (next < todo.length) await renderOne(next++);
          }),
        );
      } finally {
        if (!opts.session) await session.close();
      }
    }

    // Each row's languages together, in the order asked for.
    const order = (o: RowOutcome) => selected.findIndex((s) => s.data.row === o.row) * 1000 + templateLocales.indexOf(o.locale);
    const rows = [...outcomes.values()].sort((a, b) => order(a) - order(b));
    // Every video in the folder, not only this run's rows: `--only` and `--limit` must not drop the others.
    const thisRun = new Set(rows.map((r) => (r.locale ? `${r.name}.${r.locale}` : r.name)));
    const earlier = [...(await recordedVideos(outDir))].filter(([output]) => !thisRun.has(output));
    const indexFile = await writeContactSheet(outDir, {
      title: `${path.basename(opts.template)} × ${table.file}`,
      entries: [
        ...rows.map((r) => ({ name: r.name, locale: r.locale, row: r.row, status: r.status, video: r.file, thumb: r.thumb, durationSec: r.durationSec, message: r.error })),
        ...earlier.map(([output, r]) => ({ name: r.name ?? output, locale: r.locale, row: r.row, status: 'kept' as const, video: r.file, thumb: r.thumb, durationSec: r.durationInFrames / r.fps })),
      ],
    });
    const result = { outDir, indexFile, rows, totalMs: Date.now() - t0, estimate };
    await writeBatchSummary(result);
    return result;
  } finally {
    await release();
  }
}

function outcomeFromRecord(base: RowOutcome, r: BatchRecord, status: 'rendered' | 'skipped'): RowOutcome {
  return { ...base, status, file: r.file, thumb: r.thumb, durationSec: r.durationInFrames / r.fps, frames: r.durationInFrames, renderMs: r.renderMs, sizeBytes: r.sizeBytes };
}

async function renderRow(a: {
  outDir: string;
  c: Candidate;
  template: string;
  prepared: PreparedRender;
  inputHash: string;
  session: RenderSession;
  settings: RenderSettings;
  framesGate: <T>(frames: () => Promise<T>) => Promise<T>;
  onProgress: (p: RenderProgress) => void;
}): Promise<BatchRecord> {
  const file = `${a.c.output}.${a.settings.codec.extension}`;
  const outFile = path.join(a.outDir, file);
  const result = await a.session.render({ compositionId: a.prepared.compositionId, inputProps: a.prepared.inputProps, outFile, onProgress: a.onProgress, framesGate: a.framesGate }, a.settings);
  const thumb = path.join('thumbs', `${a.c.output}.jpg`);
  const thumbFile = path.join(a.outDir, thumb);
  await mkdir(path.dirname(thumbFile), { recursive: true });
  await thumbnailFromVideo(outFile, { frame: stillFrame(a.prepared), fps: result.fps, width: THUMB_WIDTH, output: `${thumbFile}.partial.jpg` });
  await rename(`${thumbFile}.partial.jpg`, thumbFile);
  const record: BatchRecord = {
    inputHash: a.inputHash,
    template: a.template,
    row: a.c.data.row,
    name: a.c.name,
    ...(a.c.locale ? { locale: a.c.locale } : {}),
    file,
    thumb: thumb.split(path.sep).join('/'),
    sizeBytes: (await stat(outFile)).size,
    durationInFrames: result.durationInFrames,
    fps: result.fps,
    width: result.composition.width,
    height: result.composition.height,
    renderMs: result.renderMs,
    renderedAt: new Date().toISOString(),
  };
  await writeRecord(a.outDir, a.c.output, record);
  return record;
}
