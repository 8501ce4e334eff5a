import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, runBinary } from '../../src/media/ffmpeg';
import { openRenderSession } from '../../src/render/render-session';
import { commandOf, descendantsOf, environOf } from '../helpers/processes';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { PROJECT_ROOT } from '../helpers/project';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';

const SECRETS = { HEYGEN_API_KEY: 'sk-child-env-test-key', HEYGEN_BEARER_TOKEN: 'bearer-child-env-test', HEYGEN_WEBHOOK_SECRET: 'whsec_child_env_test' };

describe('child processes never inherit the HeyGen credentials', () => {
  const saved = Object.fromEntries(Object.keys(SECRETS).map((k) => [k, process.env[k]]));
  let bundle: MountedBundle;
  let out: string;

  beforeAll(async () => {
    Object.assign(process.env, SECRETS);
    out = await mkdtemp(path.join(os.tmpdir(), 'hr-child-env-'));
    bundle = await mountBundle(path.join(PROJECT_ROOT, 'public'));
  });

  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
    await bundle?.dispose();
    await rm(out, { recursive: true, force: true });
  });

  it('Chromium and the compositor, seen in /proc while a real render runs, have none of them; process.env keeps them', async () => {
    const session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: bundle.serveUrl, settings: { scale: 0.2, presenterPlayer: 'offthread' } });
    // OffthreadVideo, so that Remotion's compositor process runs too (the default <Video> decodes in the page).
    const seen = new Map<number, string>();
    const leaks: string[] = [];
    const look = () => {
      for (const pid of descendantsOf(process.pid)) {
        if (seen.has(pid)) continue;
        const env = environOf(pid);
        if (!env) continue;
        seen.set(pid, path.basename(commandOf(pid)));
        for (const [name, value] of Object.entries(SECRETS)) if (env[name] === value || Object.values(env).includes(value)) leaks.push(`${seen.get(pid)} (pid ${pid}) has ${name}`);
      }
    };
    try {
      look();
      await session.render({ compositionId: 'Explainer', inputProps: {}, outFile: path.join(out, 'a.mp4'), frameRange: [0, 9], onProgress: look });
      look();
    } finally {
      await session.close();
    }
    const names = [...seen.values()];
    expect(names.some((n) => /chrom/i.test(n))).toBe(true);
    expect(names.some((n) => /remotion|compositor/i.test(n))).toBe(true);
    expect(leaks).toEqual([]);
    expect(process.env.HEYGEN_API_KEY).toBe(SECRETS.HEYGEN_API_KEY);
  });

  it("ffmpeg and ffprobe run through runBinary get an environment without them", async () => {
    const { stdout } = await runBinary('/usr/bin/env', []);
    const text = stdout.toString();
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(text).toContain('PATH=');
    await runBinary(ffmpegPath(), ['-version']);
  });
});
