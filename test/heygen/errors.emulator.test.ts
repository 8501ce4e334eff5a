import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  InsufficientCreditError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  createHeyGenClient,
  type HeyGenError,
} from '../../src/heygen';
import { parseEnvelope } from '../../src/heygen/parse-envelope';
import { parseRetryAfter } from '../../src/heygen/parse-retry-after';
import { retryDelay } from '../../src/heygen/retry-delay';
import { startHarness, TEST_KEY, HI, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ apiKeys: [TEST_KEY] }, { maxRetries: 0 });
});
afterAll(() => h.close());

async function failure(p: Promise<unknown>): Promise<HeyGenError> {
  try {
    await p;
  } catch (error) {
    return error as HeyGenError;
  }
  throw new Error('expected the call to fail');
}

function expectNoKey(error: HeyGenError, key: string): void {
  expect(error.message).not.toContain(key);
  expect(String(error)).not.toContain(key);
  expect(JSON.stringify(error)).not.toContain(key);
  expect(error.stack ?? '').not.toContain(key);
}

describe('envelopes', () => {
  it('reads v1, v2 (string or object error) and v3 bodies, accepting unknown fields', () => {
    expect(parseEnvelope({ code: 100, data: { id: 'x' }, message: 'Success', extra: 1 })).toMatchObject({ ok: true, data: { id: 'x' } });
    expect(parseEnvelope({ code: 400112, message: 'Unauthorized' })).toMatchObject({ ok: false, code: '400112', message: 'Unauthorized' });
    expect(parseEnvelope({ error: null, data: { video_id: 'v' } })).toMatchObject({ ok: true, data: { video_id: 'v' } });
    expect(parseEnvelope({ error: 'bad thing', data: null })).toMatchObject({ ok: false, message: 'bad thing' });
    expect(parseEnvelope({ data: null, error: { code: 'trial_video_limit_exceeded', message: 'daily api trial limit 5.' } })).toMatchObject({ ok: false, code: 'trial_video_limit_exceeded' });
    expect(parseEnvelope({ error: { code: 'INVALID_PARAMETER', message: 'm', param: 'avatar_id', doc_url: 'https://x' } })).toMatchObject({ ok: false, code: 'invalid_parameter', param: 'avatar_id', docUrl: 'https://x' });
    expect(parseEnvelope({ data: [], has_more: false, next_token: null, surprise: true })).toMatchObject({ ok: true, data: [] });
  });

  it('reads Retry-After as seconds or an HTTP date, and backs off exponentially with a cap', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelay(0, policy, undefined, () => 0.5)).toBe(100);
    expect(retryDelay(2, policy, undefined, () => 0.5)).toBe(400);
    expect(retryDelay(10, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelay(0, policy, 1500)).toBe(1500);
  });
});

describe('typed errors over real HTTP', () => {
  it('401: a wrong key is an AuthenticationError with code, request id and doc url, and the key appears nowhere', async () => {
    const wrongKey = 'sk-secret-wrong-key-0042';
    const client = h.makeClient({ apiKey: wrongKey, maxRetries: 0 });
    const error = await failure(client.videos.get('anything'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(error.requestId).toMatch(/^req_/);
    expect(error.docUrl).toContain('error-codes#unauthorized');
    expectNoKey(error, wrongKey);
    const recorded = h.emulator.stats.requests.filter((r) => r.headers['x-api-key']);
    expect(recorded.every((r) => r.headers['x-api-key'] === '[redacted]')).toBe(true);
  });

  it('no credential at all is a ConfigurationError before any request', async () => {
    const client = createHeyGenClient({ baseUrl: h.emulator.url, apiKey: '', bearerToken: '' });
    const before = h.emulator.stats.requests.length;
    await expect(client.videos.get('x')).rejects.toBeInstanceOf(ConfigurationError);
    expect(h.emulator.stats.requests.length).toBe(before);
    await client.close();
  });

  it('a bearer token authenticates instead of the key', async () => {
    const client = h.makeClient({ apiKey: undefined, bearerToken: TEST_KEY });
    const me = await client.users.me();
    expect(me.username).toBe('emulator');
    const last = h.emulator.stats.requests.at(-1);
    expect(last?.headers.authorization).toBe('[redacted]');
    expect(last?.headers['x-api-key']).toBeUndefined();
  });

  it('404 video_not_found, 400 invalid_parameter with param', async () => {
    const nf = await failure(h.client.videos.get('does-not-exist'));
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf.code).toBe('video_not_found');
    const br = await failure(h.client.videos.create({ type: 'avatar', avatar_id: HI.avatarId, script: 'Hi.', audio_asset_id: 'x', voice_id: HI.voiceId }));
    expect(br).toBeInstanceOf(BadRequestError);
    expect(br.param).toBeTruthy();
    const unknownField = await failure(h.client.videos.create({ type: 'avatar', avatar_id: HI.avatarId, script: 'Hi.', bogus: 1 } as never));
    expect(unknownField).toMatchObject({ status: 400, param: 'bogus' });
    const webmBg = await failure(h.client.videos.create({ type: 'avatar', avatar_id: HI.avatarId, script: 'Hi.', output_format: 'webm', background: { type: 'color', value: '#000000' } }));
    expect(webmBg).toMatchObject({ status: 400, param: 'background' });
    const noAvatar = await failure(h.client.videos.create({ type: 'avatar', avatar_id: 'nobody_123', script: 'Hi.' }));
    expect(noAvatar).toBeInstanceOf(NotFoundError);
    expect(noAvatar.code).toBe('avatar_not_found');
  });

  it('402 insufficient credit when the wallet is empty', async () => {
    const before = h.emulator.state.walletUsd;
    h.emulator.state.walletUsd = 0;
    try {
      const e = await failure(h.client.createAvatarClip(HI, { idempotencyKey: 'broke-1' }));
      expect(e).toBeInstanceOf(InsufficientCreditError);
      expect(e).toMatchObject({ status: 402, code: 'insufficient_credit' });
    } finally {
      h.emulator.state.walletUsd = before;
    }
    expect(h.emulator.stats.creates).toBe(0);
  });

  it.each([
    [403, PermissionDeniedError, 'forbidden'],
    [409, ConflictError, 'conflict'],
    [413, PayloadTooLargeError, 'payload_too_large'],
    [429, RateLimitError, 'rate_limit_exceeded'],
    [500, InternalServerError, 'internal_error'],
    [503, InternalServerError, 'service_unavailable'],
  ] as const)('%i is a %o with HeyGen code and request id', async (status, cls, code) => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'status', status } });
    const e = await failure(h.client.users.me());
    expect(e).toBeInstanceOf(cls);
    expect(e).toMatchObject({ status, code });
    expect(e.requestId).toMatch(/^req_/);
    if (e instanceof RateLimitError) expect(e.retryAfterMs).toBe(1000);
  });

  it('an error delivered with HTTP 200 is still a typed error (v3 and the legacy v1 envelope)', async () => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'error-200', code: 'unauthorized', message: `bad key ${TEST_KEY}` } });
    const e = await failure(h.client.users.me());
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(e.status).toBe(200);
    expectNoKey(e, TEST_KEY);
    expect(e.message).toContain('[redacted]');
    h.emulator.faults.add({ path: '/v2/user/remaining_quota', fault: { type: 'error-200', code: 'quota_exceeded', message: 'over quota' } });
    const legacy = await failure(h.client.legacy.remainingQuota());
    expect(legacy).toBeInstanceOf(RateLimitError);
    expect(legacy.code).toBe('quota_exceeded');
  });

  it('a gateway page without JSON is an InternalServerError; a 200 with a body off the schema is an InvalidResponseError', async () => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'gateway', status: 502 } });
    const e = await failure(h.client.users.me());
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.message).toContain('never reached the API');
    h.emulator.faults.add({ path: '/v3/videos/v1', fault: { type: 'body', body: { data: { id: 5, status: 'completed' } } } });
    const bad = await failure(h.client.videos.get('v1'));
    expect(bad).toBeInstanceOf(InvalidResponseError);
    expect(bad.message).toContain('id');
  });

  it('unknown extra fields are accepted and kept in the parsed data', async () => {
    h.emulator.faults.add({ path: '/v3/videos/v2', fault: { type: 'body', body: { data: { id: 'v2', status: 'processing', brand_new_field: { x: 1 } }, trace: 'abc' } } });
    const detail = await h.client.videos.get('v2');
    expect(detail).toMatchObject({ id: 'v2', status: 'processing', brand_new_field: { x: 1 } });
    const nf = await failure(h.client.avatars.getLook('missing-look'));
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf).toBeInstanceOf(APIError);
  });

  it('a legacy v1 error envelope with a 404 is a NotFoundError', async () => {
    const e = await failure(h.client.legacy.videoStatus('nope'));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.status).toBe(404);
  });
});
