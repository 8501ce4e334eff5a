import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Forwards to the emulator without its self-announcing header, so the client takes it for HeyGen and prices the plan. */
export async function asHeyGen(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const up = request(new URL(req.url!, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (r) => {
      const headers = { ...r.headers };
      delete headers['x-heygen-emulator'];
      res.writeHead(r.statusCode!, headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
