import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Transport } from '../transport';
import { collect, paginate } from '../paginate';
import { parseData } from '../parse-data';
import { normalizeIdempotencyKey } from '../idempotency-key';
import { rotatedSecretSchema, webhookEndpointSchema, webhookEventSchema, webhookEventTypeSchema, type WebhookEndpoint } from '../schemas/webhook';

export interface WebhooksResource {
  endpoints: {
    /** the answer carries the signing `secret`, shown only here and on rotate */
    create(body: { url: string; events?: string[] | null; entity_id?: string }, opts?: { idempotencyKey?: string }): Promise<WebhookEndpoint>;
    list(query?: { limit?: number }): AsyncGenerator<WebhookEndpoint>;
    /** `events` replaces the whole list */
    update(endpointId: string, body: { url?: string; events?: string[] | null }): Promise<WebhookEndpoint>;
    delete(endpointId: string): Promise<void>;
    /** the old secret stops working at once */
    rotateSecret(endpointId: string, opts?: { idempotencyKey?: string }): Promise<{ endpoint_id: string; secret: string }>;
  };
  eventTypes(): Promise<{ event_type: string; description?: string | null }[]>;
  events(query?: { event_type?: string; entity_id?: string; limit?: number }): AsyncGenerator<z.infer<typeof webhookEventSchema>>;
}

const BASE = '/v3/webhooks/endpoints';

export function createWebhooksResource(transport: Transport): WebhooksResource {
  return {
    endpoints: {
      async create(body, opts = {}) {
        // one key per create, kept across its retries; a content key would replay a deleted endpoint for 24 h
        const idempotencyKey = normalizeIdempotencyKey(opts.idempotencyKey ?? `endpoint-${randomUUID()}`);
        const res = await transport.request({ method: 'POST', path: BASE, json: body, kind: 'write', idempotencyKey });
        return parseData(webhookEndpointSchema, res, `POST ${BASE}`);
      },
      list: (query = {}) => paginate(transport, BASE, query, webhookEndpointSchema),
      async update(endpointId, body) {
        const res = await transport.request({ method: 'PATCH', path: `${BASE}/${encodeURIComponent(endpointId)}`, json: body, kind: 'write' });
        return parseData(webhookEndpointSchema, res, `PATCH ${BASE}/{id}`);
      },
      async delete(endpointId) {
        await transport.request({ method: 'DELETE', path: `${BASE}/${encodeURIComponent(endpointId)}`, kind: 'write' });
      },
      async rotateSecret(endpointId, opts = {}) {
        const path = `${BASE}/${encodeURIComponent(endpointId)}/rotate-secret`;
        const res = await transport.request({ method: 'POST', path, kind: 'write', idempotencyKey: opts.idempotencyKey ? normalizeIdempotencyKey(opts.idempotencyKey) : undefined });
        return parseData(rotatedSecretSchema, res, `POST ${BASE}/{id}/rotate-secret`);
      },
    },
    // a list like any other: HeyGen's answer carries has_more/next_token
    eventTypes: () => collect(paginate(transport, '/v3/webhooks/event-types', {}, webhookEventTypeSchema)),
    events: (query = {}) => paginate(transport, '/v3/webhooks/events', query, webhookEventSchema),
  };
}
