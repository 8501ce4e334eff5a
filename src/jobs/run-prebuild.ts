import path from 'node:path';
import { SpecError } from '../project/spec-error';
import { identifyServer, startWebhookReceiver, type ConnectHeyGen, type HeyGenClient, type HeyGenConnection, type PollCadence, type ServerIdentity, type WebhookReceiver } from '../heygen';
import { ClipStore, ManifestDamagedError } from '../project/clip-store';
import type { LoadedSpec } from '../project/load-spec';
import { loadSpecs } from '../project/load-specs';
import { acquirePrebuildLock } from '../project/prebuild-lock';
import { hashReferencedFiles } from '../project/project-files';
import { prepareClip, preparedSize } from '../project/prepare-clip';
import type { ClipEntry, Manifest } from '../spec/manifest';
import type { TemplateDetail } from '../heygen/schemas/template';
import { AssetCache } from './asset-cache';
import { PhotoAvatarStore } from './photo-avatar-store';
import { planPhotoAvatars, type PlannedPhotoAvatar } from './plan-photo-avatars';
import { estimateSceneVideo, mediaSeconds } from './estimate-scene-video';
import type { Job, JobContext, JobState } from './job';
import { Journal } from './journal';
import { planClips, type Plan, type PlannedClip } from './plan';
import { runJobs } from './scheduler';
import { offlineSpeechWarning } from './offline-speech-warning';
import { localizeLoadedSpecs, type LocaleSelection, type LocalizedLoadedSpec } from '../project/localized-specs';

export { defaultSpecFiles } from '../project/spec-files';

export type ClipState = JobState;

export type PrebuildEvent =
  | { type: 'plan'; plan: Plan; backend: string; dryRun: boolean; avatars?: PlannedPhotoAvatar[] }
  | { type: 'clip'; key: string; state: ClipState; elapsedMs: number; detail?: string; clip: PlannedClip }
  | { type: 'avatar'; key: string; state: ClipState; elapsedMs: number; detail?: string; avatar: PlannedPhotoAvatar }
  | { type: 'warning'; message: string };

export interface PrebuildOptions {
  root?: string;
  /** Spec files; default: every .json in videos/. */
  specFiles?: string[];
  /** Jobs in flight at once; keep it at or under the account's concurrency cap (v3 pay-as-you-go: 10). */
  concurrency?: number;
  /** Longest estimated scene that may be generated, in seconds (default DEFAULT_MAX_SCENE_SEC). */
  maxSceneSec?: number;
  /** Plan and estimate only: one free read to learn who answers (HeyGen or the emulator), no upload, no create. */
  dryRun?: boolean;
  onEvent?: (e: PrebuildEvent) => void;
  /** Opens the connection to HeyGen or the emulator (the entry point's choice, e.g. scripts/lib/connect-heygen.ts). */
  connect: ConnectHeyGen;
  /**
   * Webhook mode: HeyGen calls back when each video is done, instead of being polled. A local receiver listens
   * on `port`; `publicUrl` is where HeyGen can reach it (a tunnel to that port), default its loopback URL.
   * Polling goes on at a slow pace as a safety net for lost deliveries.
   */
  webhook?: { secret: string; port?: number; publicUrl?: string };
  /** Languages to make clips for; default: each spec's own. */
  locales?: LocaleSelection;
  /** "source": a missing translation keeps the source text (listed in `fellBack`) instead of failing. */
  fallback?: 'source' | 'none';
}

export interface PrebuildResult {
  /** One per spec and language made. */
  specs: LocalizedLoadedSpec[];
  plan: Plan;
  ready: number;
  generated: number;
  failed: { key: string; message: string; code?: string }[];
  /** Seconds of video to generate, at 150 words/min plus pauses (audio scenes: their length). */
  estimatedSec: number;
  estimatedUsd: number;
  /** Status requests the run sent, per status source (one per tick for every video in flight). */
  statusRequests: Record<string, number>;
  /** Clips still to generate, their seconds and cost, per language (a clip several languages share counts once). */
  perLocale: Record<string, { clips: number; seconds: number; usd: number }>;
}

/** With webhooks on, a poll every few minutes only catches deliveries that never arrived. */
const SAFETY_NET_CADENCE: PollCadence = { initialDelayMs: 120_000, steps: [{ everyMs: 180_000 }] };

/** HeyGen bills API avatar video by the second; override with HEYGEN_USD_PER_SECOND for your plan. */
export function usdPerSecond(): number {
  const v = Number(process.env.HEYGEN_USD_PER_SECOND);
  return Number.isFinite(v) && v > 0 ? v : 0.1;
}

/** The plan for this server, with estimates: only clips to generate cost money (a damaged file is fetched again). */
async function planFor(specs: LoadedSpec[], store: ClipStore, manifest: Manifest, identity: ServerIdentity, hashes: Record<string, string>, client: HeyGenClient) {
  const plan = planClips(specs, manifest, store, identity.generation, identity.backend, hashes);
  const templates = new Map<string, Promise<TemplateDetail | null>>();
  for (const clip of plan.clips) {
    if (clip.request.speech.type === 'audio') clip.estimatedSec = await mediaSeconds(store.publicDir, clip.request.speech.path);
    if (clip.request.source && !clip.cached && !clip.refetch) {
      const { sec, basis } = await estimateSceneVideo(clip.request.source, client, store.publicDir, templates);
      Object.assign(clip, { estimatedSec: sec, estimateBasis: basis });
    }
  }
  const toGenerate = plan.clips.filter((c) => !c.cached && !c.refetch);
  const estimatedSec = toGenerate.reduce((n, c) => n + c.estimatedSec, 0);
  const usd = (sec: number) => (identity.backend === 'heygen' ? sec * usdPerSecond() : 0);
  for (const c of toGenerate) c.estimatedUsd = usd(c.estimatedSec);
  const perLocale: PrebuildResult['perLocale'] = {};
  for (const s of specs) perLocale[s.spec.locale] ??= { clips: 0, seconds: 0, usd: 0 };
  for (const c of toGenerate) {
    const row = (perLocale[c.usedBy[0]!.locale] ??= { clips: 0, seconds: 0, usd: 0 });
    row.clips++;
    row.seconds += c.estimatedSec;
    row.usd += usd(c.estimatedSec);
  }
  return { plan, estimatedSec, estimatedUsd: usd(estimatedSec), perLocale };
}

/** A scene estimated longer than this is refused before anything is sent (raise it with --max-seconds). */
export const DEFAULT_MAX_SCENE_SEC = 300;

/** Refuses clips to generate whose estimated length is over the ceiling, naming the spec file and the scene. */
function checkSceneCeiling(plan: Plan, maxSec: number): void {
  const over = plan.clips.filter((c) => !c.cached && !c.refetch && c.estimatedSec > maxSec);
  if (!over.length) return;
  const file = over[0]!.usedBy[0]!.file;
  throw new SpecError(
    file,
    over
      .flatMap((c) => c.usedBy.filter((u) => u.file === file).map((u) => ({ c, u })))
      .map(({ c, u }) => ({
        path: `$.scenes[${u.scene}]`,
        message: `about ${Math.round(c.estimatedSec)} s of video (150 words a minute plus pauses, or the recording's length), over the ceiling of ${maxSec} s a scene; shorten it, split it, or pass --max-seconds ${Math.ceil(c.estimatedSec / 10) * 10}`,
      })),
  );
}

/**
 * Gets every scene's presenter clip into public/clips and the manifest. Asks the server who it is first (HeyGen or
 * the emulator, and which account): keys, journal and uploads depend on it. Only clips not already stored cost a
 * request; a killed run resumes the jobs it had sent (journal) on the next run.
 */
export async function runPrebuild(opts: PrebuildOptions): Promise<PrebuildResult> {
  const root = opts.root ?? process.cwd();
  const specs = localizeLoadedSpecs(await loadSpecs(root, opts.specFiles), opts.locales ?? { kind: 'source' }, opts.fallback);
  const store = new ClipStore(root);
  const hashes: Record<string, string> = {};
  for (const { file, spec } of specs) Object.assign(hashes, await hashReferencedFiles(file, spec, store.publicDir));
  const emit = opts.onEvent ?? (() => {});
  let connection: HeyGenConnection | undefined;
  let release: (() => Promise<void>) | undefined;
  try {
    connection = await opts.connect();
    const identity = await identifyServer(connection.client);
    if (!opts.dryRun) release = await acquirePrebuildLock(root);
    const manifest = await readOrRecoverManifest(store, !opts.dryRun);
    const base = { specs, ...(await planFor(specs, store, manifest, identity, hashes, connection.client)), statusRequests: {} };
    const { plan } = base;
    checkSceneCeiling(plan, opts.maxSceneSec ?? DEFAULT_MAX_SCENE_SEC);
    const missing = plan.clips.filter((c) => !c.cached);
    const photoAvatars = new PhotoAvatarStore(path.join(root, '.heygen', 'photo-avatars.json'), identity.scope, hashes);
    const avatars = await planPhotoAvatars(plan.clips, hashes, photoAvatars);
    emit({ type: 'plan', plan, avatars, backend: opts.dryRun ? `${connection.describe} (dry run: nothing sent)` : connection.describe, dryRun: !!opts.dryRun });
    // Once a run, before anything is made: what the emulator's placeholder voice cannot say.
    const unspeakable = identity.backend === 'emulator' ? offlineSpeechWarning(plan.clips) : null;
    if (unspeakable) emit({ type: 'warning', message: unspeakable });
    for (const clip of plan.clips.filter((c) => c.cached)) emit({ type: 'clip', key: clip.key, state: 'cached', elapsedMs: 0, clip });
    for (const clip of plan.clips.filter((c) => c.refetch)) emit({ type: 'clip', key: clip.key, state: 'downloading', elapsedMs: 0, clip, detail: `stored file is not whole (${clip.refetch!.reason}): fetching video ${clip.refetch!.videoId} again` });
    if (opts.dryRun) return { ...base, ready: plan.clips.length - missing.length, generated: 0, failed: [] };
    const outcome = missing.length ? await generate(root, store, connection, identity, { plan, missing, avatars, photoAvatars }, hashes, opts) : { done: [], failed: [], statusRequests: {} };
    // Nothing generated: the manifest read above is still the one on disk (reading it again costs per stored clip).
    const failedKeys = new Set(outcome.failed.map((f) => f.key));
    const current = await recordCurrentChoices(store, plan, failedKeys, missing.length ? undefined : manifest);
    await prepareForRendering(store, plan, failedKeys, current, emit);
    return { ...base, statusRequests: outcome.statusRequests, ready: plan.clips.length - outcome.failed.filter((f) => !f.key.startsWith('photo-')).length, generated: outcome.done.length, failed: outcome.failed };
  } finally {
    await connection?.close();
    await release?.();
  }
}

/** The manifest; a damaged one is kept aside and rebuilt from the clip store's markers (in memory only for a dry run). */
async function readOrRecoverManifest(store: ClipStore, mayWrite: boolean): Promise<Manifest> {
  try {
    return await store.readManifest();
  } catch (err) {
    if (!(err instanceof ManifestDamagedError)) throw err;
    return mayWrite ? store.recoverManifest() : store.manifestFromMarkers();
  }
}

interface Work {
  plan: Plan;
  missing: PlannedClip[];
  avatars: PlannedPhotoAvatar[];
  photoAvatars: PhotoAvatarStore;
}

/** Runs the missing work under the scheduler: persistent photo avatars first (clips need their look ids), then the clips. */
async function generate(root: string, store: ClipStore, connection: HeyGenConnection, identity: ServerIdentity, work: Work, hashes: Record<string, string>, opts: PrebuildOptions) {
  const { missing, avatars, photoAvatars } = work;
  const emit = opts.onEvent ?? (() => {});
  let receiver: WebhookReceiver | undefined;
  try {
    // A fail event counts only once the API confirms it.
    const confirmFailure = (videoId: string) => connection.client.videoStatus(videoId);
    if (opts.webhook) receiver = await startWebhookReceiver({ secret: opts.webhook.secret, port: opts.webhook.port ?? 0, confirmFailure });
    await store.removePartials();
    const journal = await Journal.open(path.join(root, '.heygen', 'journal.json'), identity.scope);
    const uploads = new AssetCache(path.join(root, '.heygen', 'assets.json'), `${identity.backend}|${identity.account}|${identity.generation}`, hashes);
    let manifest = await store.readManifest();
    let writing = Promise.resolve();
    const ctx: JobContext = {
      client: connection.client,
      identity,
      store,
      uploads,
      photoAvatars,
      callbackUrl: receiver ? (opts.webhook?.publicUrl ?? receiver.url) : undefined,
      // One writer: entries are merged into the manifest one at a time.
      record: (key: string, entry: ClipEntry) => (writing = writing.then(async () => {
        manifest = { ...manifest, clips: { ...manifest.clips, [key]: entry } };
        await store.writeManifest(manifest);
      })),
    };
    const byKey = new Map(missing.map((c) => [c.key, c]));
    const jobs: Job[] = missing.map((c) => ({ kind: c.kind, key: c.key, request: c.request, label: `${c.usedBy[0]!.specId}${opts.locales && opts.locales.kind !== 'source' ? `.${c.usedBy[0]!.locale}` : ''} scene ${c.usedBy[0]!.scene + 1}`, knownRemoteId: c.refetch?.videoId }));
    const common = { ctx, journal, cap: opts.concurrency ?? 4, receiver, safetyNet: SAFETY_NET_CADENCE };
    const avatarByKey = new Map(avatars.filter((a) => !a.cached).map((a) => [a.key, a]));
    const avatarJobs: Job[] = [...avatarByKey.values()].map((a) => ({ kind: 'photo-avatar', key: a.key, request: a.request, label: `photo avatar ${a.request.path}` }));
    const first = avatarJobs.length ? await runJobs(avatarJobs, { ...common, onEvent: (e) => emit({ type: 'avatar', ...e, avatar: avatarByKey.get(e.key)! }) }) : null;
    const result = await runJobs(jobs, { ...common, onEvent: (e) => emit({ type: 'clip', ...e, clip: byKey.get(e.key)! }) });
    await writing;
    if (!first) return result;
    // a failed avatar is reported as failed work too (its clips fail with "not ready")
    return { ...result, failed: [...first.failed, ...result.failed], statusRequests: { ...first.statusRequests, ...result.statusRequests } };
  } finally {
    await receiver?.close();
  }
}

/** Writes, per request, which clip this run chose (manifest.current), so Studio follows the prebuild's key too. */
async function recordCurrentChoices(store: ClipStore, plan: Plan, failed: Set<string>, known?: Manifest): Promise<Manifest> {
  const manifest = known ?? (await store.readManifest());
  const current = { ...manifest.current };
  let changed = !manifest.current;
  for (const clip of plan.clips) {
    if (failed.has(clip.key) || !manifest.clips[clip.key] || current[clip.requestKey] === clip.key) continue;
    current[clip.requestKey] = clip.key;
    changed = true;
  }
  // A no-op run leaves the manifest alone: rewriting it would cost time that grows with the store.
  if (!changed) return manifest;
  await store.writeManifest({ ...manifest, current });
  return { ...manifest, current };
}

/**
 * Presenter clips larger than any template draws them get a scaled copy that renders decode instead (see
 * src/project/prepare-clip.ts); one already made is kept, so a no-op run only checks that its file exists.
 */
async function prepareForRendering(store: ClipStore, plan: Plan, failed: Set<string>, manifest: Manifest, emit: (e: PrebuildEvent) => void): Promise<void> {
  const clips = { ...manifest.clips };
  let changed = false;
  for (const clip of plan.clips) {
    const entry = clips[clip.key];
    if (!entry || failed.has(clip.key) || clip.kind !== 'avatar-clip') continue;
    const t0 = Date.now();
    const size = preparedSize(entry);
    if (size && entry.prepared?.width !== size.width) emit({ type: 'clip', key: clip.key, state: 'processing', elapsedMs: 0, clip, detail: `preparing a ${size.width}x${size.height} copy for rendering` });
    const { entry: next, outcome } = await prepareClip(store.publicDir, entry);
    if (outcome === 'made' || outcome === 'reused') emit({ type: 'clip', key: clip.key, state: 'ready', elapsedMs: Date.now() - t0, clip, detail: `prepared ${next.prepared!.file}` });
    if (next !== entry) {
      clips[clip.key] = next;
      changed = true;
    }
  }
  // Under the prebuild lock: `manifest` is what is on disk.
  if (changed) await store.writeManifest({ ...manifest, clips });
}
