import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { ClipStore } from '../../src/project/clip-store';
import { loadSpec } from '../../src/project/load-spec';
import { checkClipsWhole } from '../../src/render/check-clips-whole';
import { checkOutputWhole } from '../../src/render/check-output-whole';
import { prepareRender } from '../../src/render/render-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { SHORT_SPEC, tempProject } from '../helpers/project';

/** Real emulator clips on disk, then cut in half as a half-copied download would leave them. */
describe('a truncated file is never rendered nor shipped', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  const prepare = async () => {
    const { spec } = await loadSpec(project.files[0]!, project.root);
    return prepareRender({ root: project.root, file: project.files[0]!, spec, manifest: await new ClipStore(project.root).readManifest() });
  };

  beforeAll(async () => {
    project = await tempProject([{ ...SHORT_SPEC, format: 'landscape-720p', scenes: SHORT_SPEC.scenes.slice(0, 1) }]);
    const prebuild = await runPrebuild({ root: project.root, specFiles: project.files, connect: connectFreshEmulator() });
    expect(prebuild.failed).toEqual([]);
  });
  afterAll(() => project?.cleanup());

  it('renders whole clips, and refuses a clip cut in half, naming the file and `npm run prebuild`', async () => {
    const prepared = await prepare();
    const clip = Object.values((prepared.inputProps as { manifest: { clips: Record<string, { file: string }> } }).manifest.clips)[0]!;
    const file = path.join(project.root, 'public', clip.file);
    const bytes = await readFile(file);
    const entry = Object.values((await new ClipStore(project.root).readManifest()).clips)[0]!;
    await expect(checkClipsWhole({ root: project.root, specFile: project.files[0]!, clips: [entry] })).resolves.toBeUndefined();
    try {
      await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect(prepare()).rejects.toThrow(/npm run prebuild/);
      await expect(checkClipsWhole({ root: project.root, specFile: project.files[0]!, clips: [entry] })).rejects.toThrow(new RegExp(`${path.basename(file)}.*truncated.*npm run prebuild`));
      // Same size, half the packets: a file replaced by a shorter one is refused by its duration, not only its size.
      await writeFile(file, Buffer.concat([bytes.subarray(0, Math.floor(bytes.length / 2)), Buffer.alloc(bytes.length - Math.floor(bytes.length / 2))]));
      await expect(checkClipsWhole({ root: project.root, specFile: project.files[0]!, clips: [entry] })).rejects.toThrow(/plays .* s, its manifest entry recorded .*truncated.*npm run prebuild/);
    } finally {
      await writeFile(file, bytes);
    }
    await expect(prepare()).resolves.toBeTruthy();
  });

  it('refuses an output that stops before its composition ends, naming the output and the frames expected', async () => {
    const { spec } = await loadSpec(project.files[0]!, project.root);
    const manifest = await new ClipStore(project.root).readManifest();
    const entry = Object.values(manifest.clips)[0]!;
    const file = path.join(project.root, 'public', entry.file);
    const frames = Math.round(entry.durationSec * entry.fps);
    await expect(checkOutputWhole({ file, outFile: 'out/x.webm', frames, fps: entry.fps })).resolves.toBeUndefined();
    const half = path.join(project.root, 'half.webm');
    await writeFile(half, (await readFile(file)).subarray(0, Math.floor(entry.sizeBytes / 2)));
    await expect(checkOutputWhole({ file: half, outFile: 'out/x.webm', frames, fps: entry.fps })).rejects.toThrow(new RegExp(`out/x.webm.*expected ${frames} frames`));
    expect(spec.id).toBe('short');
  });
});
