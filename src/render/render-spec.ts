import path from 'node:path';
import { ClipStore } from '../project/clip-store';
import { loadSpec } from '../project/load-spec';
import { presenterClipFormat, type FormatId } from '../spec/formats';
import type { Manifest } from '../spec/manifest';
import type { Timeline } from '../spec/timeline';
import type { VideoSpec } from '../spec/video-spec';
import { compositionFor } from './composition-for';
import { renderPropsFor } from './render-props';
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

/** What a render of this spec needs; refuses (naming the fix) while any of its clips is missing. */
export function prepareRender(opts: { file: string; spec: VideoSpec; manifest: Manifest; preset?: FormatId }): PreparedRender {
  const spec: VideoSpec = opts.preset ? { ...opts.spec, format: opts.preset } : opts.spec;
  const { timeline, manifest } = renderPropsFor(spec, opts.manifest);
  if (timeline.missingClips) {
    const clipChanged = opts.preset && presenterClipFormat(opts.preset).aspect !== presenterClipFormat(opts.spec.format).aspect;
    throw new Error(
      clipChanged
        ? `${opts.file}: --preset ${opts.preset} needs ${presenterClipFormat(opts.preset!).aspect} presenter clips, and the prebuild made ${presenterClipFormat(opts.spec.format).aspect} ones for "${opts.spec.format}"; set "format": "${opts.preset}" in the spec and run \`npm run prebuild -- ${opts.file}\`, or pick a preset of the same shape.`
        : `${opts.file}: ${timeline.missingClips} of ${spec.scenes.length} scene clip(s) are not built yet; run \`npm run prebuild -- ${opts.file}\` first.`,
    );
  }
  return {
    spec,
    compositionId: compositionFor(spec),
    inputProps: { ...spec, manifest },
    timeline,
  };
}

export interface RenderSpecOptions {
  root?: string;
  specFile: string;
  outFile?: string;
  onProgress?: (p: RenderProgress) => void;
}

/** Renders one spec with the clips in the manifest to out/<id>.<ext> unless told where, in the session's bundle and browser. */
export async function renderSpec(session: RenderSession, opts: RenderSpecOptions, overrides?: RenderSettingsInput): Promise<RenderVideoResult & { specId: string }> {
  const root = opts.root ?? process.cwd();
  const settings = renderSettings(session.settings, overrides);
  const { file, spec } = await loadSpec(opts.specFile, root);
  const manifest = await new ClipStore(root).readManifest();
  const prepared = prepareRender({ file, spec, manifest, preset: settings.preset });
  const outFile = opts.outFile ?? path.join(root, 'out', `${spec.id}.${settings.codec.extension}`);
  const result = await session.render({ compositionId: prepared.compositionId, inputProps: prepared.inputProps, outFile, onProgress: opts.onProgress }, settings);
  return { ...result, specId: spec.id };
}
