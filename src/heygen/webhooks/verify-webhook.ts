import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../errors';
import type { EventIdCache } from './event-id-cache';

export interface VerifyWebhookOptions {
  rawBody: Buffer | string;
  headers: Record<string, string | string[] | undefined>;
  /** the endpoint secret (`whsec_…`, used whole); several while a rotation settles */
  secret: string | readonly string[];
  /** how old a v3 `Heygen-Timestamp` may be, in seconds (default 300) */
  toleranceSec?: number;
  now?: number;
  /** event ids already handled: a redelivery comes back as `duplicate: true` */
  seen?: EventIdCache;
}

export interface VerifiedWebhook {
  scheme: 'heygen-signature' | 'signature';
  /** As sent (header or body); a header id is not covered by the signature, so it is information only. */
  eventId?: string;
  /** True when the signature covers `Heygen-Timestamp` too (HMAC of "<timestamp>.<body>"). */
  signedTimestamp: boolean;
  /** What replays are recognised by: the body's own event_id, else the hash of the signed body (never a header). */
  replayKey: string;
  eventType: string;
  eventData: Record<string, unknown>;
  duplicate: boolean;
  body: Record<string, unknown>;
}

function header(headers: VerifyWebhookOptions['headers'], name: string): string | undefined {
  const direct = headers[name] ?? headers[name.toLowerCase()] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(direct) ? direct[0] : direct;
}

function matches(signature: string, signed: Buffer, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(signed).digest();
  const given = /^[0-9a-fA-F]+$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Checks a HeyGen delivery: hex HMAC-SHA256 of the raw body (or of "<Heygen-Timestamp>.<body>", which also signs
 * the time) in `Heygen-Signature` (v3, with a timestamp window) or `Signature` (legacy), compared in constant time;
 * then parses `{event_type, event_data}`. Replays are recognised by signed content only (see replayKey).
 */
export function verifyWebhook(opts: VerifyWebhookOptions): VerifiedWebhook {
  const raw = Buffer.isBuffer(opts.rawBody) ? opts.rawBody : Buffer.from(opts.rawBody, 'utf8');
  const v3 = header(opts.headers, 'heygen-signature');
  const legacy = header(opts.headers, 'signature');
  const signature = (v3 ?? legacy)?.trim().replace(/^sha256=/, '');
  if (!signature) throw new WebhookVerificationError('Webhook has no Heygen-Signature or Signature header', { code: 'missing_signature' });
  const secrets = typeof opts.secret === 'string' ? [opts.secret] : opts.secret;
  const ts = header(opts.headers, 'heygen-timestamp');
  const withTimestamp = ts ? Buffer.concat([Buffer.from(`${ts}.`), raw]) : null;
  const signedTimestamp = !!withTimestamp && secrets.some((s) => matches(signature, withTimestamp, s));
  if (!signedTimestamp && !secrets.some((s) => matches(signature, raw, s))) throw new WebhookVerificationError('Webhook signature does not match the body', { code: 'bad_signature' });
  if (v3) {
    if (!ts || !/^\d+$/.test(ts)) throw new WebhookVerificationError('Webhook has no valid Heygen-Timestamp', { code: 'missing_timestamp' });
    const ageSec = Math.abs((opts.now ?? Date.now()) / 1000 - Number(ts));
    if (ageSec > (opts.toleranceSec ?? 300)) throw new WebhookVerificationError(`Webhook timestamp is ${Math.round(ageSec)} s away from now (outside the window)`, { code: 'stale_timestamp' });
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new WebhookVerificationError('Webhook body is not JSON', { code: 'invalid_body' });
  }
  if (typeof body !== 'object' || body === null || typeof body.event_type !== 'string') throw new WebhookVerificationError('Webhook body has no event_type', { code: 'invalid_body' });
  const bodyEventId = typeof body.event_id === 'string' ? body.event_id : undefined;
  const eventId = bodyEventId ?? header(opts.headers, 'heygen-event-id');
  // HeyGen signs only the body: a replay with a new Heygen-Event-Id or Heygen-Timestamp header is the same signed bytes.
  const replayKey = bodyEventId ? `id:${bodyEventId}` : `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const duplicate = opts.seen ? opts.seen.checkAndAdd(replayKey) : false;
  const eventData = typeof body.event_data === 'object' && body.event_data !== null ? (body.event_data as Record<string, unknown>) : {};
  return { scheme: v3 ? 'heygen-signature' : 'signature', eventId, signedTimestamp, replayKey, eventType: body.event_type, eventData, duplicate, body };
}
