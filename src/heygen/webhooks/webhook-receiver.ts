import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookVerificationError } from '../errors';
import type { VideoResult } from '../video-result';
import { EventIdCache } from './event-id-cache';
import { verifyWebhook, type VerifiedWebhook } from './verify-webhook';
import { videoEventOutcome } from './video-event';

export interface WebhookReceiverOptions {
  port?: number;
  host?: string;
  /** the endpoint secret(s) deliveries are signed with */
  secret: string | string[];
  toleranceSec?: number;
  onEvent?: (event: VerifiedWebhook) => void;
  onVideo?: (outcome: { videoId: string; result?: VideoResult; error?: Error }) => void;
  /** Largest body read (default 64 KiB; HeyGen's events are a few hundred bytes): larger ones get 413 unread. */
  maxBodyBytes?: number;
  /**
   * Asks the API about a video (`GET /v3/videos/{id}`, e.g. `client.videoStatus`). A failure reported by webhook
   * counts only when this says "failed": a replayed or forged fail event never fails a clip nor makes it paid again.
   */
  confirmFailure: (videoId: string) => Promise<{ status: string }>;
}

export interface WebhookReceiver {
  url: string;
  /** every verified event, duplicates included (flagged) */
  events: VerifiedWebhook[];
  /** deliveries refused (bad signature, stale timestamp, too large) */
  rejected: number;
  /** fail events the API contradicted (the video had not failed): ignored */
  unconfirmed: number;
  setSecret(secret: string | string[]): void;
  /** resolves with the VideoResult of a success event, rejects with VideoFailedError on a fail event */
  waitFor(videoId: string, opts?: { timeoutMs?: number }): Promise<VideoResult>;
  close(): Promise<void>;
}

/** A small HTTP receiver that verifies deliveries and turns avatar_video events into the VideoResult polling gives. */
export async function startWebhookReceiver(opts: WebhookReceiverOptions): Promise<WebhookReceiver> {
  let secret = opts.secret;
  const seen = new EventIdCache();
  const events: VerifiedWebhook[] = [];
  const outcomes = new Map<string, { result?: VideoResult; error?: Error }>();
  const waiters = new Map<string, ((o: { result?: VideoResult; error?: Error }) => void)[]>();
  const state = { rejected: 0, unconfirmed: 0 };
  const maxBody = opts.maxBodyBytes ?? 64 * 1024;

  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS' || req.method === 'HEAD' || req.method === 'GET') {
      res.writeHead(200, { allow: 'POST, OPTIONS' }).end();
      return;
    }
    const tooLarge = () => {
      state.rejected += 1;
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify({ error: `body over ${maxBody} bytes` }));
      req.destroy();
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBody) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) tooLarge();
      else chunks.push(c);
    });
    req.on('end', () => {
      if (size > maxBody) return;
      let event: VerifiedWebhook;
      try {
        event = verifyWebhook({ rawBody: Buffer.concat(chunks), headers: req.headers, secret, toleranceSec: opts.toleranceSec, seen });
      } catch (error) {
        state.rejected += 1;
        res.writeHead(error instanceof WebhookVerificationError ? 401 : 400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (error as Error).message }));
        return;
      }
      events.push(event);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (event.duplicate) return;
      opts.onEvent?.(event);
      const outcome = videoEventOutcome(event.eventType, event.eventData);
      if (!outcome) return;
      if ('result' in outcome) return settle(outcome.videoId, { result: outcome.result });
      // Could not ask, or the API says otherwise: not a failure; polling (the safety net) decides.
      opts.confirmFailure(outcome.videoId).then(
        ({ status }) => (status === 'failed' ? settle(outcome.videoId, { error: outcome.error }) : (state.unconfirmed += 1)),
        () => (state.unconfirmed += 1),
      );
    });
  });
  const settle = (videoId: string, settled: { result?: VideoResult; error?: Error }) => {
    outcomes.set(videoId, settled);
    opts.onVideo?.({ videoId, ...settled });
    for (const resolve of waiters.get(videoId) ?? []) resolve(settled);
    waiters.delete(videoId);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/webhooks/heygen`,
    events,
    get rejected() {
      return state.rejected;
    },
    get unconfirmed() {
      return state.unconfirmed;
    },
    setSecret(next) {
      secret = next;
    },
    waitFor(videoId, { timeoutMs = 120_000 } = {}) {
      return new Promise<VideoResult>((resolve, reject) => {
        const settle = (o: { result?: VideoResult; error?: Error }): void => {
          clearTimeout(timer);
          if (o.result) resolve(o.result);
          else reject(o.error);
        };
        const timer = setTimeout(() => reject(new Error(`No webhook for video ${videoId} within ${timeoutMs} ms`)), timeoutMs);
        // A wait that lost the race to polling must not keep the process alive until it times out.
        timer.unref();
        const known = outcomes.get(videoId);
        if (known) return settle(known);
        waiters.set(videoId, [...(waiters.get(videoId) ?? []), settle]);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
