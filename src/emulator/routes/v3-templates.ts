import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { VideoJob } from '../video-job';
import { HttpError } from '../http-error';
import { requireCredit } from '../billing';
import { newId } from '../ids';
import { paginateList } from '../pagination';
import { findLook } from '../catalog';
import { assetInputBytes } from '../asset-input';
import { videoDetail } from './v3-videos';
import { drawTitleCard } from '../stand-ins/title-card';
import { TEMPLATES, fillText, findTemplate, sceneVariables, type BuiltInTemplate } from '../stand-ins/templates';
import { jsonObjectBody } from '../json-object-body';

type Body = Record<string, unknown>;
const FIELDS = ['variables', 'title', 'dimension', 'fps', 'caption', 'scene_ids', 'callback_url', 'callback_id', 'brand_voice_id', 'enable_sharing', 'folder_id', 'include_gif', 'keep_text_vertically_centered', 'reorder_music', 'subtitles'];
const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });
const created = Math.floor(Date.UTC(2026, 0, 5) / 1000);

function templateOut(t: BuiltInTemplate): Record<string, unknown> {
  const variables = Object.fromEntries(
    t.variables.map((v) => [v.name, { name: v.name, type: v.type, properties: v.type === 'text' ? { content: v.default ?? '' } : { url: null, asset_id: null, fit: 'contain' } }]),
  );
  return {
    id: t.id,
    name: t.name,
    aspect_ratio: t.aspectRatio,
    created_at: created,
    updated_at: created,
    thumbnail_url: null,
    scene_ids: t.scenes.map((s) => s.scene_id),
    scenes: t.scenes.map((s) => ({ scene_id: s.scene_id, script: s.script, variables: sceneVariables(t, s).map((v) => ({ name: v.name, variable_type: v.type })) })),
    variables,
  };
}

/** Checks each variable against the template (name, type, value) and reads image variables' bytes. */
async function readVariables(ctx: EmulatorContext, t: BuiltInTemplate, input: unknown): Promise<{ text: Record<string, string>; images: Record<string, Buffer> }> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw bad('variables must be an object keyed by variable name', 'variables');
  const text: Record<string, string> = Object.fromEntries(t.variables.filter((v) => v.type === 'text').map((v) => [v.name, v.default ?? '']));
  const images: Record<string, Buffer> = {};
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    const def = t.variables.find((v) => v.name === name);
    const at = `variables.${name}`;
    if (!def) throw bad(`Template ${t.id} has no variable "${name}"; it has ${t.variables.map((v) => v.name).join(', ')}`, at);
    const v = raw as { type?: unknown; properties?: Record<string, unknown> } | null;
    if (!v || typeof v !== 'object') throw bad(`${at} must be {name, type, properties}`, at);
    if (v.type !== def.type) throw bad(`${name} is a ${def.type} variable; got type ${JSON.stringify(v.type)}`, `${at}.type`);
    const props = v.properties ?? {};
    if (def.type === 'text') {
      if (typeof props.content !== 'string') throw bad(`${name} needs properties.content as a string`, `${at}.properties.content`);
      text[name] = props.content;
    } else {
      const input = typeof props.asset_id === 'string' ? { type: 'asset_id', asset_id: props.asset_id } : typeof props.url === 'string' ? { type: 'url', url: props.url } : undefined;
      if (!input) throw bad(`${name} needs properties.asset_id or properties.url`, `${at}.properties`);
      images[name] = (await assetInputBytes(ctx, input, ['image'], `${at}.properties`)).bytes;
    }
  }
  return { text, images };
}

function readSize(body: Body): { width: number; height: number; fps: number } {
  const dim = (body.dimension ?? { width: 1280, height: 720 }) as { width?: unknown; height?: unknown };
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 128 && n <= 4096 && n % 2 === 0;
  if (!ok(dim.width) || !ok(dim.height)) throw bad('dimension.width and dimension.height must be even integers from 128 to 4096', 'dimension');
  const fps = body.fps ?? 25;
  if (typeof fps !== 'number' || fps < 1 || fps > 60) throw bad('fps must be a number from 1 to 60', 'fps');
  return { width: dim.width, height: dim.height, fps };
}

/** A generate request to a render job: one presenter scene per chosen template scene, over its filled-in card. */
async function templateJob(ctx: EmulatorContext, t: BuiltInTemplate, body: Body): Promise<VideoJob> {
  const unknown = Object.keys(body).find((k) => !FIELDS.includes(k));
  if (unknown) throw bad(`Unrecognized field: ${unknown}`, unknown);
  const { text, images } = await readVariables(ctx, t, body.variables);
  const { width, height, fps } = readSize(body);
  const ids = body.scene_ids ?? null;
  if (ids !== null && (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => !t.scenes.some((s) => s.scene_id === id)))) {
    throw bad(`scene_ids must name scenes of ${t.id}: ${t.scenes.map((s) => s.scene_id).join(', ')}`, 'scene_ids');
  }
  const chosen = t.scenes.filter((s) => !ids || (ids as unknown[]).includes(s.scene_id));
  const voiceId = findLook(t.avatarId)?.default_voice_id;
  const scenes = [];
  for (const s of chosen) {
    const backdrop = await drawTitleCard({ width, height, title: fillText(s.title, text), lines: s.lines.map((l) => fillText(l, text)), image: s.image ? images[s.image] : undefined, hue: t.hue });
    scenes.push({ clip: { width, height, fps, avatarId: t.avatarId, backdrop, speech: { text: fillText(s.script, text), voiceId } } });
  }
  const title = body.title;
  if (title !== undefined && title !== null && typeof title !== 'string') throw bad('title must be a string', 'title');
  return {
    id: newId(),
    api: 'v3',
    title: (title as string | null | undefined) ?? t.name,
    status: 'waiting',
    createdAt: Date.now(),
    outputFormat: 'mp4',
    width,
    height,
    scenes,
    caption: body.caption === true,
    callbackUrl: typeof body.callback_url === 'string' ? body.callback_url : undefined,
    callbackId: typeof body.callback_id === 'string' ? body.callback_id : undefined,
    request: body,
  };
}

export function registerV3TemplateRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('GET', '/v3/templates', (rc) => {
    const page = paginateList(TEMPLATES, rc.query, { def: 20, max: 100 }, 'templates');
    return { data: page.data.map((t) => ({ id: t.id, name: t.name, aspect_ratio: t.aspectRatio, created_at: created, updated_at: created, thumbnail_url: null })), extra: page.extra };
  });
  router.add('GET', '/v3/templates/:id', (rc) => {
    const t = findTemplate(rc.params.id ?? '');
    if (!t) throw new HttpError(404, `Template ${rc.params.id} not found`, { code: 'not_found' });
    return { data: templateOut(t) };
  });
  router.add(
    'POST',
    '/v3/templates/:id',
    async (rc) => {
      const t = findTemplate(rc.params.id ?? '');
      if (!t) throw new HttpError(404, `Template ${rc.params.id} not found`, { code: 'not_found' });
      const body = await jsonObjectBody(rc);
      const job = await templateJob(ctx, t, body);
      job.idempotencyKey = rc.header('idempotency-key');
      requireCredit(ctx.state);
      const fault = ctx.faults.take('POST', rc.path, ['stuck', 'fail']);
      if (fault?.type === 'stuck' || fault?.type === 'fail') job.fault = fault;
      ctx.createVideo(job);
      return { data: videoDetail(ctx, job) };
    },
    { idempotent: true },
  );
}
