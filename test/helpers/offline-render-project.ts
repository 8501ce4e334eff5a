import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openRenderSession, type RenderSession } from '../../src/render/render-session';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { mountBundle, type MountedBundle } from './mount-bundle';
import { PROJECT_ROOT, tempProject } from './project';

export interface OfflineRenderProject {
  /** Set by beforeAll. */
  project: Awaited<ReturnType<typeof tempProject>>;
  bundle: MountedBundle;
  session: RenderSession;
}

/**
 * For one describe block: a temp project with `specs`, rendered offline (HEYGEN_API_KEY unset, so the emulator
 * answers), the run's bundle mounted on its public/ and one render session. `prepare` writes its files (or
 * prebuilds) before the bundle is mounted. Everything is closed and the key restored after the block.
 */
export function offlineRenderProject(specs: VideoSpecInput[], prepare?: (project: OfflineRenderProject['project']) => Promise<void>): OfflineRenderProject {
  const offline = {} as OfflineRenderProject;
  const savedKey = process.env.HEYGEN_API_KEY;
  beforeAll(async () => {
    delete process.env.HEYGEN_API_KEY;
    offline.project = await tempProject(specs);
    await prepare?.(offline.project);
    offline.bundle = await mountBundle(path.join(offline.project.root, 'public'));
    offline.session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: offline.bundle.serveUrl });
  });
  afterAll(async () => {
    if (savedKey !== undefined) process.env.HEYGEN_API_KEY = savedKey;
    await offline.session?.close();
    await offline.bundle?.dispose();
    await offline.project?.cleanup();
  });
  return offline;
}
