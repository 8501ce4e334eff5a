import { randomBytes } from 'node:crypto';
import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { WebhookEndpoint } from '../emulator-state';
import { HttpError } from '../http-error';
import { newId } from '../ids';
import { paginateList } from '../pagination';

export const EVENT_TYPES = [
  'avatar_video.success', 'avatar_video.fail', 'avatar_video_gif.success', 'avatar_video_gif.fail', 'avatar_video_caption.success', 'avatar_video_caption.fail',
  'video_translate.success', 'video_translate.fail', 'video_translate.preflight.validation_failed', 'video_translate.download_failed', 'personalized_video',
  'instant_avatar.success', 'instant_avatar.fail', 'photo_avatar_generation.success', 'photo_avatar_generation.fail', 'photo_avatar_train.success',
  'photo_avatar_train.fail', 'photo_avatar_add_motion.success', 'photo_avatar_add_motion.fail', 'proofread_creation.success', 'proofread_creation.fail',
  'live_avatar.success', 'live_avatar.fail', 'video_agent.success', 'video_agent.fail', 'hyperframes_video.success', 'hyperframes_video.fail',
  'ai_clipping.success', 'ai_clipping.fail', 'batch.finished',
];

const bad = (message: string, param?: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });
const newSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;

function checkUrl(url: unknown): string {
  if (typeof url !== 'string') throw bad('url is required', 'url');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad('url must be an absolute URL', 'url');
  }
  // HeyGen wants public HTTPS; the emulator also takes loopback HTTP so tests can receive deliveries
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(loopback && parsed.protocol === 'http:')) throw bad('url must be a public HTTPS URL', 'url');
  return url;
}

function checkEvents(events: unknown): string[] | null {
  if (events === undefined || events === null) return null;
  if (!Array.isArray(events) || events.some((e) => typeof e !== 'string')) throw bad('events must be an array of event types', 'events');
  const unknown = events.find((e) => !EVENT_TYPES.includes(e as string));
  if (unknown) throw bad(`Unknown event type ${String(unknown)}`, 'events');
  return events.length ? (events as string[]) : null;
}

const out = (e: WebhookEndpoint, withSecret: boolean): Record<string, unknown> => ({ endpoint_id: e.endpoint_id, url: e.url, events: e.events, status: e.status, created_at: e.created_at, secret: withSecret ? e.secret : null });

export function registerV3WebhookRoutes(router: Router, ctx: EmulatorContext): void {
  const find = (id: string): WebhookEndpoint => {
    const e = ctx.state.endpoints.get(id);
    if (!e) throw new HttpError(404, `Webhook endpoint ${id} not found`, { code: 'not_found' });
    return e;
  };
  router.add(
    'POST',
    '/v3/webhooks/endpoints',
    async (rc) => {
      const body = await rc.json<{ url?: unknown; events?: unknown; entity_id?: unknown }>();
      const endpoint: WebhookEndpoint = {
        endpoint_id: newId('ep_'),
        url: checkUrl(body.url),
        events: checkEvents(body.events),
        status: 'enabled',
        created_at: new Date().toISOString(),
        secret: newSecret(),
        entity_id: typeof body.entity_id === 'string' ? body.entity_id : null,
      };
      ctx.state.endpoints.set(endpoint.endpoint_id, endpoint);
      return { data: out(endpoint, true) };
    },
    { idempotent: true },
  );
  router.add('GET', '/v3/webhooks/endpoints', (rc) => {
    const page = paginateList([...ctx.state.endpoints.values()], rc.query, { def: 10, max: 100 }, 'endpoints');
    return { data: page.data.map((e) => out(e, false)), extra: page.extra };
  });
  router.add('PATCH', '/v3/webhooks/endpoints/:id', async (rc) => {
    const e = find(rc.params.id ?? '');
    const body = await rc.json<{ url?: unknown; events?: unknown }>();
    if (body.url !== undefined) e.url = checkUrl(body.url);
    if ('events' in body) e.events = checkEvents(body.events);
    return { data: out(e, false) };
  });
  router.add('DELETE', '/v3/webhooks/endpoints/:id', (rc) => {
    find(rc.params.id ?? '');
    ctx.state.endpoints.delete(rc.params.id ?? '');
    return { data: {}, extra: { error: null } };
  });
  router.add(
    'POST',
    '/v3/webhooks/endpoints/:id/rotate-secret',
    (rc) => {
      const e = find(rc.params.id ?? '');
      e.secret = newSecret();
      return { data: { endpoint_id: e.endpoint_id, secret: e.secret } };
    },
    { idempotent: true },
  );
  router.add('GET', '/v3/webhooks/event-types', (rc) => {
    // HeyGen's answer has has_more/next_token; pages of 20 make the 30 types two pages, so clients must follow the cursor
    const page = paginateList(EVENT_TYPES, rc.query, { def: 20, max: 100 }, 'event-types');
    return { data: page.data.map((t) => ({ event_type: t, description: `${t.replace(/[._]/g, ' ')} event` })), extra: page.extra };
  });
  router.add('GET', '/v3/webhooks/events', (rc) => {
    const type = rc.query.get('event_type');
    const events = ctx.state.events.filter((e) => !type || e.event_type === type).slice().reverse();
    const page = paginateList(events, rc.query, { def: 10, max: 100 }, `events:${type ?? ''}`);
    return { data: page.data, extra: page.extra };
  });
}
