import { createHmac, randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { EmulatorContext } from './emulator-context';
import type { VideoJob } from './video-job';
import { videoUrls } from './video-urls';

export interface DeliveryOptions {
  retryDelaysMs: number[];
  callbackSecret: string;
}

/** The body HeyGen posts for a finished video: `url` (not `video_url`) on success, `msg` on failure. */
export function videoEventFor(ctx: EmulatorContext, job: VideoJob): { event_type: string; event_data: Record<string, unknown> } {
  if (job.status === 'completed') {
    const urls = videoUrls(ctx, job);
    return {
      event_type: 'avatar_video.success',
      event_data: {
        video_id: job.id,
        url: urls.videoUrl,
        subtitle_url: urls.subtitleUrl,
        duration: job.durationSec ?? null,
        gif_download_url: null,
        video_share_page_url: urls.pageUrl,
        folder_id: null,
        callback_id: job.callbackId ?? null,
        callback_url: job.callbackUrl ?? null,
      },
    };
  }
  return { event_type: 'avatar_video.fail', event_data: { video_id: job.id, msg: job.failure?.message ?? 'Render failed', failure_code: job.failure?.code ?? null, callback_id: job.callbackId ?? null } };
}

async function deliverOnce(ctx: EmulatorContext, url: string, secret: string, eventId: string, eventType: string, body: string, attempt: number): Promise<boolean> {
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  let status: number | 'error' = 'error';
  try {
    const res = await request(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'HeyGen-Webhooks/emulator',
        signature,
        'heygen-signature': signature,
        'heygen-timestamp': String(Math.floor(Date.now() / 1000)),
        'heygen-event-id': eventId,
      },
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    await res.body.dump();
    status = res.statusCode;
  } catch {
    status = 'error';
  }
  ctx.state.deliveries.push({ url, eventId, eventType, attempt, status, at: Date.now() });
  ctx.log(`webhook ${eventType} to ${url}: attempt ${attempt} -> ${status}`);
  return typeof status === 'number' && status >= 200 && status < 300;
}

/** Delivers with retries on non-2xx and network errors, like HeyGen (shortened delays). */
async function deliver(ctx: EmulatorContext, url: string, secret: string, eventId: string, eventType: string, body: string, delays: number[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await deliverOnce(ctx, url, secret, eventId, eventType, body, attempt)) return;
    const wait = delays[attempt - 1];
    if (wait === undefined) return;
    await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * Posts a video's terminal event to every enabled endpoint subscribed to it (signed with that endpoint's secret)
 * and to the job's `callback_url` (signed with the emulator's callback secret). Each delivery is one event id.
 */
export function deliverVideoEvent(ctx: EmulatorContext, job: VideoJob, opts: DeliveryOptions): void {
  const event = videoEventFor(ctx, job);
  const eventId = `evt_${randomBytes(12).toString('hex')}`;
  const record = { event_id: eventId, event_type: event.event_type, event_data: event.event_data, created_at: new Date().toISOString() };
  ctx.state.events.push(record);
  const body = JSON.stringify({ event_id: eventId, event_type: event.event_type, event_data: event.event_data, created_at: record.created_at });
  const targets: { url: string; secret: string }[] = [];
  for (const endpoint of ctx.state.endpoints.values()) {
    if (endpoint.status !== 'enabled') continue;
    if (endpoint.events && !endpoint.events.includes(event.event_type)) continue;
    targets.push({ url: endpoint.url, secret: endpoint.secret });
  }
  if (job.callbackUrl) targets.push({ url: job.callbackUrl, secret: opts.callbackSecret });
  for (const target of targets) void deliver(ctx, target.url, target.secret, eventId, event.event_type, body, opts.retryDelaysMs);
}
