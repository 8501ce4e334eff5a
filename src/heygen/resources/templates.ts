import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { paginate } from '../paginate';
import { idempotencyKeyFor, normalizeIdempotencyKey } from '../idempotency-key';
import { videoDetailSchema, type VideoDetail } from '../schemas/video';
import { templateDetailSchema, templateItemSchema, type GenerateFromTemplateBody, type TemplateDetail, type TemplateItem } from '../schemas/template';

export interface TemplatesResource {
  list(query?: { limit?: number }): AsyncGenerator<TemplateItem>;
  /** one template with its scenes and the variables each scene uses */
  get(templateId: string): Promise<TemplateDetail>;
  /** `POST /v3/templates/{id}`: the answer is a video, polled like any other (a replay returns the first answer) */
  generate(templateId: string, body: GenerateFromTemplateBody, opts?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<VideoDetail>;
}

export function createTemplatesResource(transport: Transport): TemplatesResource {
  return {
    list: (query = {}) => paginate(transport, '/v3/templates', query, templateItemSchema),
    async get(templateId) {
      const res = await transport.request({ method: 'GET', path: `/v3/templates/${encodeURIComponent(templateId)}`, kind: 'read' });
      return parseData(templateDetailSchema, res, 'GET /v3/templates/{id}');
    },
    async generate(templateId, body, opts = {}) {
      const route = `/v3/templates/${encodeURIComponent(templateId)}`;
      const idempotencyKey = normalizeIdempotencyKey(opts.idempotencyKey ?? idempotencyKeyFor(`POST ${route}`, body));
      const res = await transport.request({ method: 'POST', path: route, json: body, kind: 'create', idempotencyKey, signal: opts.signal });
      return parseData(videoDetailSchema, res, 'POST /v3/templates/{id}');
    },
  };
}
