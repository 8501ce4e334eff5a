import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { Emulator } from '../server';
import type { Fault } from '../faults';
import { HttpError } from '../http-error';
import type { EmulatorBilling } from '../billing';

interface FaultBody {
  method?: string;
  path?: string;
  pathPattern?: string;
  fault?: Fault;
  times?: number | null;
}

/**
 * `/__emulator/*`: lets a test drive an emulator that another process talks to (switch faults on, read the
 * state, reset, expire URLs). No API key needed; answers plain `{data}`.
 */
export function registerControlRoutes(router: Router, ctx: EmulatorContext, emulator: () => Emulator): void {
  const opts = { auth: false };
  router.add('POST', '/__emulator/faults', async (rc) => {
    const raw = await rc.json<FaultBody | FaultBody[]>();
    const list = Array.isArray(raw) ? raw : [raw];
    const added = list.map((f) => {
      if (!f.fault || typeof f.fault.type !== 'string') throw new HttpError(400, 'fault.type is required', { param: 'fault' });
      if (!f.path && !f.pathPattern) throw new HttpError(400, 'path or pathPattern is required', { param: 'path' });
      const rule = ctx.faults.add({ method: f.method, path: f.pathPattern ? new RegExp(f.pathPattern) : (f.path as string), fault: f.fault, times: f.times === null ? Infinity : f.times });
      return rule.id;
    });
    return { status: 201, data: { ids: added } };
  }, opts);
  router.add('DELETE', '/__emulator/faults', () => {
    ctx.faults.clear();
    return { data: {} };
  }, opts);
  router.add('GET', '/__emulator/state', () => {
    const s = ctx.state;
    return {
      data: {
        creates: s.creates,
        createsByKey: Object.fromEntries(s.createsByKey),
        createRequestsByKey: Object.fromEntries(s.createRequestsByKey),
        videos: [...s.videos.values()].map((j) => ({ id: j.id, api: j.api, status: j.status, title: j.title ?? null, width: j.width, height: j.height, outputFormat: j.outputFormat, durationSec: j.durationSec ?? null, idempotencyKey: j.idempotencyKey ?? null, deleted: Boolean(j.deleted) })),
        assets: [...s.assets.values()].map((a) => ({ id: a.id, filename: a.filename, mimeType: a.mimeType, sizeBytes: a.sizeBytes, status: a.status })),
        webhookEndpoints: [...s.endpoints.values()].map((e) => ({ ...e, secret: undefined })),
        deliveries: s.deliveries,
        requests: s.requests.slice(-500),
        faults: ctx.faults.toJSON(),
        walletUsd: s.walletUsd,
        billing: s.billing,
        quotaCredits: s.quotaCredits,
      },
    };
  }, opts);
  router.add('POST', '/__emulator/reset', () => {
    emulator().reset();
    return { data: {} };
  }, opts);
  router.add('POST', '/__emulator/expire-urls', () => {
    emulator().expireUrls();
    return { data: {} };
  }, opts);
  router.add('POST', '/__emulator/config', async (rc) => {
    const body = await rc.json<{ concurrencyCap?: number; urlTtlMs?: number; walletUsd?: number; billing?: Partial<EmulatorBilling> }>();
    if (body.concurrencyCap !== undefined) emulator().setConcurrencyCap(body.concurrencyCap);
    if (body.urlTtlMs !== undefined) ctx.signer.ttlMs = body.urlTtlMs;
    if (body.walletUsd !== undefined) ctx.state.walletUsd = body.walletUsd;
    if (body.billing !== undefined) ctx.state.billing = { ...ctx.state.billing, ...body.billing };
    return { data: {} };
  }, opts);
}
