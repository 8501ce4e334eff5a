import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TEST_KEY, HI, type Harness } from './harness';
import { runScript } from '../helpers/processes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { pendingMs: 600_000, processingMinMs: 0 } });
});
afterAll(() => h.close());

const cli = (args: string[], env: Record<string, string> = {}) =>
  runScript('heygen.ts', args, { env: { ...process.env, HEYGEN_API_KEY: TEST_KEY, HEYGEN_API_BASE_URL: h.emulator.url, HEYGEN_API_GENERATION: 'v3', ...env } });

describe('npm run heygen (a child process against the emulator)', () => {
  it('avatars --json lists every look over all pages', async () => {
    const { code, stdout } = await cli(['avatars', '--json']);
    expect(code).toBe(0);
    const looks = JSON.parse(stdout) as { id: string }[];
    expect(looks).toHaveLength(26);
    expect(looks.map((l) => l.id)).toContain('josh_lite3_20230714');
    expect(h.emulator.stats.requests.filter((r) => r.path === '/v3/avatars/looks').length).toBeGreaterThanOrEqual(2);
  });

  it('voices and balance as human tables', async () => {
    const voices = await cli(['voices']);
    expect(voices.stdout).toMatch(/voice_id\s+name/);
    expect(voices.stdout).toContain('Sara - Cheerful');
    expect(voices.stdout).toContain('25 voices');
    const balance = await cli(['balance']);
    expect(balance.stdout).toContain('$100.00 in the API wallet');
    const legacy = await cli(['balance', '--json'], { HEYGEN_API_GENERATION: 'legacy' });
    expect(JSON.parse(legacy.stdout)).toEqual({ billing: 'legacy', amount: 600, unit: 'credits', summary: '600 credits of API quota', source: 'GET /v2/user/remaining_quota' });
  });

  it('balance of a subscription and of a usage-based account', async () => {
    h.emulator.state.billing = { ...h.emulator.state.billing, type: 'subscription', plan: 'team', premiumCredits: 120, addOnCredits: 30 };
    const plan = await cli(['balance', '--json']);
    expect(JSON.parse(plan.stdout)).toMatchObject({ billing: 'subscription', amount: 150, unit: 'credits' });
    h.emulator.state.billing = { ...h.emulator.state.billing, type: 'usage_based', includedCredits: 500, usedCredits: 500, spendingCurrentUsd: 12.3, spendingCapUsd: 100 };
    const metered = await cli(['balance']);
    expect(metered.stdout).toContain('usage-based: 0 of 500 included credits left; $12.30 spent of a $100.00 cap');
    h.emulator.state.billing = { ...h.emulator.state.billing, type: 'wallet' };
  });

  it('without a key it says how to set one', async () => {
    const { code, stderr } = await cli(['balance'], { HEYGEN_API_KEY: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('HEYGEN_API_KEY');
  });

  it('video <id> shows the status; an unknown id prints HeyGen code and message, never the key', async () => {
    const { videoId } = await h.client.createAvatarClip(HI, { idempotencyKey: 'cli-video' });
    const shown = await cli(['video', videoId, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: videoId, status: 'pending' });
    const missing = await cli(['video', 'no-such-video']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404 video_not_found');
    expect(missing.stderr).toContain('Video no-such-video not found');
    expect(missing.stdout + missing.stderr).not.toContain(TEST_KEY);
  });

  it('webhooks create, list, rotate, delete', async () => {
    const created = await cli(['webhooks', 'create', 'https://hooks.example.com/cli', '--json']);
    const endpoint = JSON.parse(created.stdout) as { endpoint_id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = await cli(['webhooks', 'list']);
    expect(listed.stdout).toContain(endpoint.endpoint_id);
    expect(listed.stdout).not.toContain(endpoint.secret);
    const rotated = await cli(['webhooks', 'rotate', endpoint.endpoint_id]);
    expect(rotated.stdout).toMatch(/new secret for .*whsec_/);
    const deleted = await cli(['webhooks', 'delete', endpoint.endpoint_id]);
    expect(deleted.stdout).toContain(`deleted ${endpoint.endpoint_id}`);
    const again = await cli(['webhooks', 'delete', endpoint.endpoint_id, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr)).toMatchObject({ status: 404, code: 'not_found' });
  });
});
