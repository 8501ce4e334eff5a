import type { EnvelopeFamily } from './envelopes';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  requestId: string;
  /** the raw body, read once */
  body(): Promise<Buffer>;
  json<T = unknown>(): Promise<T>;
  header(name: string): string | undefined;
}

/** What a handler returns: a JSON body for the route's envelope, or nothing when it wrote the response itself. */
export type RouteResult = { status?: number; data?: unknown; extra?: Record<string, unknown>; headers?: Record<string, string>; envelope?: EnvelopeFamily } | void;

export type RouteHandler = (ctx: RouteContext) => Promise<RouteResult> | RouteResult;

export interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: RouteHandler;
  /** API routes need a key; file and control routes do not */
  auth: boolean;
  /** honours Idempotency-Key: replays the first answer, 409 `request_in_progress` while it is in flight */
  idempotent: boolean;
}

/** `/v3/videos/:id` to a regex with named parameters (a parameter never spans a `/`). */
function compile(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = pattern
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        keys.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${source}$`), keys };
}

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler, opts: { auth?: boolean; idempotent?: boolean } = {}): this {
    const { regex, keys } = compile(pattern);
    this.routes.push({ method: method.toUpperCase(), pattern, regex, keys, handler, auth: opts.auth ?? true, idempotent: opts.idempotent ?? false });
    return this;
  }

  /** Every route, in the order they were added. */
  list(): { method: string; pattern: string }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: r.pattern }));
  }

  /** The route for a method and path; `allowed` lists the methods the path has when the method does not match. */
  match(method: string, path: string): { route?: Route; params: Record<string, string>; allowed: string[] } {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      if (route.method !== method.toUpperCase()) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params, allowed };
    }
    return { params: {}, allowed };
  }
}
