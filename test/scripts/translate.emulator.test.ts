import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, TEST_KEY, type Harness } from '../heygen/harness';
import { audioRms, smallVideo } from '../heygen/resources/kinds-fixtures';
import { runScript, spawnScript } from '../helpers/processes';

const OTHER_KEY = 'hg-test-key-second-account-42';
let h: Harness;
beforeAll(async () => {
  // translations take a few seconds, so a run can be killed while its job is in flight; two accounts on one emulator
  h = await startHarness({ timing: { pendingMs: 30, processingMinMs: 2_500 }, accounts: { [OTHER_KEY]: 'second-account' } });
});
afterAll(() => h.close());

const env = (key: string): NodeJS.ProcessEnv => ({ ...process.env, HEYGEN_API_KEY: key, HEYGEN_API_BASE_URL: h.emulator.url, HEYGEN_API_GENERATION: 'v3' });

const translate = (video: string, key: string) => runScript('translate.ts', [video, '--to', 'German (Germany)'], { env: env(key), cwd: h.dir });

describe('npm run translate: jobs belong to the account that paid for them', () => {
  it('another account does not reuse a killed run\'s translation; the first account resumes its own without paying again', async () => {
    const video = path.join(h.dir, 'accounts.mp4');
    await copyFile(await smallVideo(h.client, h.dir, 'Orbit'), video);
    const translations = h.emulator.state.translations;
    const before = translations.size;
    const assetsBefore = h.emulator.state.assets.size;
    const child = spawnScript('translate.ts', [video, '--to', 'German (Germany)'], { env: env(TEST_KEY), cwd: h.dir });
    await vi.waitFor(() => expect(translations.size).toBe(before + 1), { timeout: 60_000, interval: 50 });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const other = await translate(video, OTHER_KEY);
    expect(other.code, other.stderr).toBe(0);
    // its own job and its own upload: the first account's translation id is not this account's to fetch
    expect(translations.size).toBe(before + 2);
    expect(h.emulator.state.assets.size).toBe(assetsBefore + 2);
    expect(other.stdout).toContain('accounts.german-germany.mp4');
    expect((await audioRms(path.join(h.dir, 'accounts.german-germany.mp4'))).rms).toBeGreaterThan(0.01);

    // the first account's run resumes its journaled job (or finds the file the other made): nothing new is created
    const first = await translate(video, TEST_KEY);
    expect(first.code, first.stderr).toBe(0);
    expect(translations.size).toBe(before + 2);
    expect(h.emulator.state.assets.size).toBe(assetsBefore + 2);
  });
});
