import http from 'node:http';
import type { StudioSpecEntry } from '../spec/studio-index';
import { saveSpecProps, type SaveResult } from './save-spec-props';

export interface StudioProxyOptions {
  root: string;
  /** Where Remotion Studio itself listens. */
  studioPort: number;
  /** The spec behind a composition id, if it is one of videos/ (else Studio handles the request as usual). */
  specFor: (compositionId: string) => StudioSpecEntry | null;
  onSaved: (entry: StudioSpecEntry, result: SaveResult) => void;
  onSaveFailed: (entry: StudioSpecEntry, err: Error) => void;
}

const SPEC_ROUTES = new Set(['/api/subscribe-to-default-props', '/api/unsubscribe-from-default-props', '/api/update-default-props']);

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function forward(opts: StudioProxyOptions, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer | null): void {
  // Host and Origin pass unchanged: Studio checks that they agree, and they do (both name this proxy).
  const upstream = http.request({ host: '127.0.0.1', port: opts.studioPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`Remotion Studio is not answering (${err.message})`);
  });
  res.on('close', () => upstream.destroy());
  if (body) upstream.end(body);
  else req.pipe(upstream);
}

async function handleSpecRoute(opts: StudioProxyOptions, url: string, entry: StudioSpecEntry, input: Record<string, unknown>): Promise<unknown> {
  if (url === '/api/subscribe-to-default-props') return { success: true, data: { canUpdate: true, currentDefaultProps: entry.props } };
  if (url === '/api/unsubscribe-from-default-props') return { success: true, data: {} };
  try {
    const result = await saveSpecProps(opts.root, entry.file, JSON.parse(String(input.defaultProps)) as Record<string, unknown>);
    opts.onSaved(entry, result);
    return { success: true, data: { success: true } };
  } catch (err) {
    opts.onSaveFailed(entry, err as Error);
    return { success: true, data: { success: false, reason: (err as Error).message, stack: (err as Error).stack } };
  }
}

/**
 * Serves Remotion Studio through one port and answers its "default props" calls for the compositions made from
 * videos/*.json: Studio's own Save then writes into the spec file instead of trying to rewrite Root.tsx, which
 * holds no literal props for them. Everything else (the page, hot reload, renders) passes through untouched.
 */
export function startStudioProxy(opts: StudioProxyOptions, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '').split('?')[0]!;
    if (req.method !== 'POST' || !SPEC_ROUTES.has(url)) return forward(opts, req, res, null);
    readBody(req)
      .then(async (body) => {
        let input: Record<string, unknown> = {};
        try {
          input = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        } catch {
          return forward(opts, req, res, body);
        }
        const entry = typeof input.compositionId === 'string' ? opts.specFor(input.compositionId) : null;
        if (!entry) return forward(opts, req, res, body);
        reply(res, await handleSpecRoute(opts, url, entry, input));
      })
      .catch((err: Error) => reply(res, { success: false, error: err.message }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
