import { z } from 'zod';
import type { Transport } from './transport';
import { parseData } from './parse-data';
import { InvalidResponseError } from './errors';

/**
 * Walks every page of a v3 list (`has_more`/`next_token` beside `data`), yielding items one by one.
 * Stops on a repeated cursor, which would otherwise loop for ever.
 */
export async function* paginate<S extends z.ZodType>(
  transport: Transport,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  itemSchema: S,
  signal?: AbortSignal,
): AsyncGenerator<z.infer<S>> {
  let token: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const res = await transport.request({ method: 'GET', path, query: { ...query, token }, kind: 'read', signal });
    for (const item of parseData(z.array(itemSchema), res, `GET ${path}`)) yield item;
    const body = res.body as { has_more?: unknown; next_token?: unknown };
    const next = typeof body.next_token === 'string' && body.next_token.length > 0 ? body.next_token : undefined;
    if (body.has_more !== true || !next) return;
    if (seen.has(next)) throw new InvalidResponseError(`GET ${path} returned the cursor ${next} twice`, { requestId: res.requestId });
    seen.add(next);
    token = next;
  }
}

/** Reads an async iterator into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
