import type { z } from 'zod';
import { InvalidResponseError } from './errors';
import type { TransportResponse } from './transport';

/** Validates a response's `data` with its schema; a mismatch is an InvalidResponseError naming the route and the fields. */
export function parseData<S extends z.ZodType>(schema: S, res: Pick<TransportResponse, 'data' | 'status' | 'requestId'>, route: string): z.infer<S> {
  const result = schema.safeParse(res.data);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw new InvalidResponseError(`${route} answered data HeyGen does not document: ${issues}`, { status: res.status, requestId: res.requestId });
}
