import { z } from 'zod';

export const webhookEndpointSchema = z.looseObject({
  endpoint_id: z.string().min(1),
  url: z.string(),
  events: z.array(z.string()).nullish(),
  status: z.string().nullish(),
  created_at: z.string().nullish(),
  secret: z.string().nullish(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const rotatedSecretSchema = z.looseObject({ endpoint_id: z.string(), secret: z.string().min(1) });

export const webhookEventTypeSchema = z.looseObject({ event_type: z.string(), description: z.string().nullish() });

export const webhookEventSchema = z.looseObject({
  event_id: z.string(),
  event_type: z.string(),
  event_data: z.record(z.string(), z.unknown()),
  created_at: z.string().nullish(),
});
