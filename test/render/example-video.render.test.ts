import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ffprobe, type ProbeResult } from '../../src/media/ffmpeg';
import { ClipStore } from '../../src/project/clip-store';
import { probeClip } from '../../src/media/probe-clip';
import { runPrebuild, type PrebuildResult } from '../../src/jobs/run-prebuild';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { renderSpec } from '../../src/render/render-spec';
import { manifestSchema, type Manifest } from '../../src/spec/manifest';
import { buildTimeline } from '../../src/spec/timeline';
import { templateFor } from '../../src/spec/templates';
import { videoSpecSchema } from '../../src/spec/video-spec';
import { computeLayout, framingFor } from '../../remotion/shared/layout';
import { frameAt } from '../helpers/frames';
import { SHORT_SPEC } from '../helpers/project';
import { offlineRenderProject } from '../helpers/offline-render-project';

// The run's one bundle was made with this key in the environment (bundle-once.global.ts); it must not reach the browser.
const BUNDLE_SECRET = inject('bundleSecret');

// The walking skeleton end to end, offline: spec -> emulator -> client -> prebuild -> manifest -> render -> MP4.
describe('spec to MP4 through the emulator', () => {
  let first: PrebuildResult;
  let manifest: Manifest;
  const offline = offlineRenderProject([SHORT_SPEC], async (project) => {
    first = await runPrebuild({ root: project.root, concurrency: 2, connect: connectFreshEmulator() });
    manifest = manifestSchema.parse(JSON.parse(await readFile(new ClipStore(project.root).manifestFile, 'utf8')));
  });

  it('prebuild gets one transparent clip with a voice per scene', async () => {
    expect(first.failed).toEqual([]);
    expect(first.generated).toBe(2);
    const entries = Object.values(manifest.clips);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      const probe = await probeClip(path.join(offline.project.root, 'public', entry.file));
      expect(probe.alpha).toBe(true);
      expect(probe.hasAudio).toBe(true);
      expect(probe.fps).toBe(25);
      expect(entry.durationSec).toBeCloseTo(probe.durationSec, 3);
      expect(entry.backend).toBe('emulator');
    }
  });

  it('keeps the API key out of the browser bundle', async () => {
    const files = (await readdir(offline.bundle.serveUrl, { recursive: true })) as string[];
    const scripts = files.filter((f) => /\.(js|html|json|map)$/.test(f) && !f.startsWith('public'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(await readFile(path.join(offline.bundle.serveUrl, f), 'utf8')).not.toContain(BUNDLE_SECRET);
  });

  it('renders H.264 + AAC as long as the manifest says, with the presenter over the chart', async () => {
    const out = path.join(offline.project.root, 'out', 'short.mp4');
    const result = await renderSpec(offline.session, { root: offline.project.root, specFile: offline.project.files[0]!, outFile: out }, { scale: 0.25 });
    const probe: ProbeResult = await ffprobe(out);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video?.codec_name).toBe('h264');
    expect(audio?.codec_name).toBe('aac');
    expect(video?.width).toBe(480);

    const timeline = buildTimeline(videoSpecSchema.parse(SHORT_SPEC), manifest, 30);
    expect(result.durationInFrames).toBe(timeline.durationInFrames);
    const expectedSec = timeline.durationInFrames / 30;
    expect(Math.abs(Number(video!.duration) - expectedSec)).toBeLessThanOrEqual(1 / 30 + 1e-6);

    // Mid first scene: the presenter's box, where the layout puts it, must show the background where the clip is
    // transparent (no black box) and something else where the presenter is.
    const frame = await frameAt(out, Math.min(1.5, timeline.scenes[0]!.durationInFrames / 30 / 2));
    const spec = videoSpecSchema.parse(SHORT_SPEC);
    const clip = Object.values(manifest.clips)[0]!;
    const template = templateFor(spec);
    const layout = computeLayout({ template, width: 1920, height: 1080, framing: framingFor(template, spec.presenter.framing), side: spec.presenter.side, clipAspect: clip.width / clip.height, captions: spec.captions, logo: Boolean(spec.theme?.logo) });
    const s = 0.25;
    const box = { x: layout.presenter.box.x * s, y: layout.presenter.box.y * s, size: Math.min(layout.presenter.box.width, layout.presenter.box.height) * s };
    // The box's top-left corner is above the presenter's shoulder, where the clip is transparent; just above the
    // box, outside the graphic's area, nothing but the background is drawn.
    const corner = frame.pixel(box.x + 3, box.y + 3);
    const above = { x: (box.x + 3) / s, y: (box.y - 3) / s };
    const g = layout.graphic;
    expect(above.x >= g.x && above.x <= g.x + g.width && above.y >= g.y && above.y <= g.y + g.height).toBe(false);
    const outside = frame.pixel(box.x + 3, box.y - 3);
    expect(Math.max(...corner.slice(0, 3))).toBeGreaterThan(10);
    for (let c = 0; c < 3; c++) expect(Math.abs(corner[c]! - outside[c]!)).toBeLessThan(16);
    let differing = 0;
    for (let y = box.y; y < box.y + box.size; y += 2) {
      for (let x = box.x; x < box.x + box.size; x += 2) {
        const p = frame.pixel(x, y);
        if (Math.abs(p[0] - outside[0]) + Math.abs(p[1] - outside[1]) + Math.abs(p[2] - outside[2]) > 60) differing++;
      }
    }
    expect(differing).toBeGreaterThan(200);
  });
});
