import path from 'node:path';
import { ClipStore } from '../project/clip-store';
import { loadSpec } from '../project/load-spec';
import { localizeLoadedSpecs } from '../project/localized-specs';
import { hasCredential } from '../heygen/config';
import { renderPropsFor } from './render-props';
import { presenterClipFormat, type FormatId } from '../spec/formats';
import type { Manifest } from '../spec/manifest';
import type { Timeline } from '../spec/timeline';
import type { VideoSpec } from '../spec/video-spec';
import { checkClipsWhole } from './check-clips-whole';
import { compositionFor } from './composition-for';
import type { RenderSession } from './render-session';
import { renderSettings, type RenderSettingsInput } from './render-settings';
import type { RenderProgress, RenderVideoResult } from './render-video';

export interface PreparedRender {
  spec: VideoSpec;
  compositionId: string;
  /** The spec with only the manifest entries it uses, so props stay small however many clips the store holds. */
  inputProps: Record<string, unknown>;
  timeline: Timeline;
}

export interface PrepareRenderOptions {
  /** The project (public/ and its clip store); default the working directory. */
  root?: string;
  file: string;
  spec: VideoSpec;
  manifest: Manifest;
  preset?: FormatId;
  /** Render emulator placeholder clips even though a HeyGen credential is set. */
  allowPlaceholders?: boolean;
}

/**
 * What a render of this spec needs: each scene's clip chosen here by the prebuild's key and passed in the props.
 * Refuses (naming the fix) while any clip is missing, and a placeholder clip when a HeyGen credential is set.
 */
export async function prepareRender(opts: PrepareRenderOptions): Promise<PreparedRender> {
  const spec: VideoSpec = opts.preset ? { ...opts.spec, format: opts.preset } : opts.spec;
  const { timeline, manifest, sceneClips, chosen } = await renderPropsFor({ root: opts.root ?? process.cwd(), file: opts.file, spec, manifest: opts.manifest });
  const placeholders = chosen.filter((c) => c.backend === 'emulator').length;
  if (placeholders && hasCredential() && !opts.allowPlaceholders) {
    throw new Error(`${opts.file}: ${placeholders} of ${spec.scenes.length} scene clip(s) are placeholders from the local emulator, and a HeyGen key is set: run \`npm run prebuild -- ${opts.file}\` to make HeyGen clips, or pass --allow-placeholders to render the placeholders anyway.`);
  }
  if (timeline.missingClips) {
    const clipChanged = opts.preset && presenterClipFormat(opts.preset).aspect !== presenterClipFormat(opts.spec.format).aspect;
    throw new Error(
      clipChanged
        ? `${opts.file}: --preset ${opts.preset} needs ${presenterClipFormat(opts.preset!).aspect} presenter clips, and the prebuild made ${presenterClipFormat(opts.spec.format).aspect} ones for "${opts.spec.format}"; set "format": "${opts.preset}" in the spec and run \`npm run prebuild -- ${opts.file}\`, or pick a preset of the same shape.`
        : `${opts.file}: ${timeline.missingClips} of ${spec.scenes.length} scene clip(s) are not built yet; run \`npm run prebuild -- ${opts.file}\` first.`,
    );
  }
  await checkClipsWhole({ root: opts.root ?? process.cwd(), specFile: opts.file, clips: sceneClips });
  return {
    spec,
    compositionId: compositionFor(spec),
    inputProps: { ...spec, manifest, sceneClips },
    timeline,
  };
}

export interface RenderSpecOptions {
  root?: string;
  specFile: string;
  outFile?: string;
  onProgress?: (p: RenderProgress) => void;
  /** Render the spec in this language (its translations and voice), to out/<id>.<locale>.<ext>. */
  locale?: string;
  /** "source": a missing translation keeps the source text instead of failing. */
  fallback?: 'source' | 'none';
  /** Render emulator placeholder clips even though a HeyGen credential is set. */
  allowPlaceholders?: boolean;
}

/** Renders one spec with the clips in the manifest to out/<id>.<ext> unless told where, in the session's bundle and browser. */
export async function renderSpec(session: RenderSession, opts: RenderSpecOptions, overrides?: RenderSettingsInput): Promise<RenderVideoResult & { specId: string; locale: string }> {
  const root = opts.root ?? process.cwd();
  const settings = renderSettings(session.settings, overrides);
  const loaded = await loadSpec(opts.specFile, root);
  const [localized] = opts.locale ? localizeLoadedSpecs([loaded], { kind: 'list', locales: [opts.locale] }, opts.fallback) : [{ ...loaded, suffix: '' }];
  const { file, spec, suffix } = localized!;
  const manifest = await new ClipStore(root).readManifest();
  const prepared = await prepareRender({ root, file, spec, manifest, preset: settings.preset, allowPlaceholders: opts.allowPlaceholders });
  const outFile = opts.outFile ?? path.join(root, 'out', `${spec.id}${suffix}.${settings.codec.extension}`);
  const result = await session.render({ compositionId: prepared.compositionId, inputProps: prepared.inputProps, outFile, onProgress: opts.onProgress }, settings);
  return { ...result, specId: spec.id, locale: spec.locale };
}
