import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { AgentSession } from '../resource-records';
import type { VideoJob } from '../video-job';
import { HttpError } from '../http-error';
import { requireCredit } from '../billing';
import { newId } from '../ids';
import { paginateList } from '../pagination';
import { LOOKS, findVoice } from '../catalog';
import { resolveAvatar } from '../resolve-avatar';
import { assetInputBytes } from '../asset-input';
import { videoDetail } from './v3-videos';
import { agentScript } from '../stand-ins/agent-script';
import { AGENT_STYLES, styleOut } from '../stand-ins/agent-styles';
import { drawTitleCard } from '../stand-ins/title-card';
import { jsonObjectBody } from '../json-object-body';

type Body = Record<string, unknown>;
const FIELDS = ['prompt', 'mode', 'avatar_id', 'voice_id', 'style_id', 'orientation', 'files', 'brand_kit_id', 'incognito_mode', 'callback_url', 'callback_id'];
const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });
const optString = (body: Body, field: string): string | undefined => {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(`${field} must be a string`, field);
  return v;
};

/** Checks a create body like HeyGen and builds the stand-in: the presenter speaking the prompt's gist over a title card. */
async function agentJob(ctx: EmulatorContext, body: Body): Promise<{ job: VideoJob; title: string; prompt: string }> {
  const unknown = Object.keys(body).find((k) => !FIELDS.includes(k));
  if (unknown) throw bad(`Unrecognized field: ${unknown}`, unknown);
  const prompt = body.prompt;
  if (typeof prompt !== 'string' || prompt.trim().length < 1 || prompt.length > 10_000) throw bad('prompt must be 1-10000 characters', 'prompt');
  const mode = optString(body, 'mode') ?? 'generate';
  if (mode !== 'generate' && mode !== 'chat') throw bad('mode must be generate or chat', 'mode');
  const orientation = optString(body, 'orientation') ?? 'landscape';
  if (orientation !== 'landscape' && orientation !== 'portrait') throw bad('orientation must be landscape or portrait', 'orientation');
  const styleId = optString(body, 'style_id');
  const style = styleId ? AGENT_STYLES.find((s) => s.style_id === styleId) : AGENT_STYLES[0];
  if (!style) throw new HttpError(404, `Style ${styleId} not found: list them with GET /v3/video-agents/styles`, { code: 'not_found', param: 'style_id' });
  const files = body.files ?? [];
  if (!Array.isArray(files) || files.length > 20) throw bad('files must be a list of at most 20 asset inputs', 'files');
  for (const [i, f] of files.entries()) await assetInputBytes(ctx, f, ['image', 'video', 'audio', 'application'], `files[${i}]`, { base64: true });
  const avatar = resolveAvatar(ctx, optString(body, 'avatar_id') ?? LOOKS[0]?.id ?? '', 'avatar_id');
  const voiceId = optString(body, 'voice_id') ?? avatar.defaultVoice ?? LOOKS[0]?.default_voice_id;
  if (voiceId && !findVoice(voiceId) && !ctx.acceptUnknownIds) throw new HttpError(404, `Voice ${voiceId} not found`, { code: 'voice_not_found', param: 'voice_id' });
  const { title, script } = agentScript(prompt);
  const [width, height] = orientation === 'portrait' ? [720, 1280] : [1280, 720];
  const backdrop = await drawTitleCard({ width, height, title, lines: [`Video Agent · ${style.name}`], hue: style.hue });
  const job: VideoJob = {
    id: newId(),
    api: 'v3',
    title,
    status: 'waiting',
    createdAt: Date.now(),
    outputFormat: 'mp4',
    width,
    height,
    scenes: [{ clip: { width, height, fps: 25, avatarId: avatar.avatarId, photo: avatar.photo, backdrop, speech: { text: script, voiceId } } }],
    caption: true,
    callbackUrl: optString(body, 'callback_url'),
    callbackId: optString(body, 'callback_id'),
    request: body,
  };
  return { job, title, prompt };
}

function sessionStatus(s: AgentSession, job: VideoJob | undefined): string {
  if (!job || job.status === 'failed' || (s.stopped && job.status !== 'completed')) return 'failed';
  if (job.status === 'completed') return 'completed';
  return job.status === 'processing' ? 'generating' : 'thinking';
}

function sessionOut(ctx: EmulatorContext, s: AgentSession): Record<string, unknown> {
  const job = ctx.state.videos.get(s.videoId);
  const status = sessionStatus(s, job);
  const at = Math.floor(s.createdAt / 1000);
  const messages: Record<string, unknown>[] = [{ role: 'user', content: s.prompt, type: 'text', created_at: at, resource_ids: null }];
  if (status !== 'thinking') messages.unshift({ role: 'model', content: `Writing and rendering "${s.title}".`, type: 'text', created_at: at, resource_ids: null });
  if (status === 'completed') messages.unshift({ role: 'model', content: 'Your video is ready.', type: 'resource', created_at: at, resource_ids: [s.videoId] });
  if (status === 'failed') messages.unshift({ role: 'model', content: s.stopped ? 'The session was stopped.' : (job?.failure?.message ?? 'The video could not be made.'), type: 'error', created_at: at, resource_ids: null });
  const progress = { thinking: 10, generating: 55, completed: 100, failed: 100 }[status] ?? 0;
  return { session_id: s.id, status, progress, title: s.title, video_id: status === 'thinking' ? null : s.videoId, created_at: at, messages };
}

function liveSession(ctx: EmulatorContext, id: string): AgentSession {
  const s = ctx.state.agentSessions.get(id);
  if (!s) throw new HttpError(404, `Video Agent session ${id} not found`, { code: 'not_found' });
  return s;
}

export function registerV3VideoAgentRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('GET', '/v3/video-agents/styles', (rc) => {
    const tag = rc.query.get('tag');
    const styles = AGENT_STYLES.filter((s) => !tag || (s.tags as readonly string[]).includes(tag));
    const page = paginateList(styles.map(styleOut), rc.query, { def: 20, max: 100 }, `styles:${tag ?? ''}`);
    return { data: page.data, extra: page.extra };
  });
  // HeyGen lists no Idempotency-Key for this create: a resumed client finds its session by the prompt instead.
  router.add('POST', '/v3/video-agents', async (rc) => {
    const body = await jsonObjectBody(rc);
    const { job, title, prompt } = await agentJob(ctx, body);
    requireCredit(ctx.state);
    const fault = ctx.faults.take('POST', rc.path, ['stuck', 'fail']);
    if (fault?.type === 'fail') job.fault = { type: 'fail', failureCode: fault.failureCode ?? 'agent_failed', failureMessage: fault.failureMessage ?? 'The agent could not storyboard this prompt' };
    if (fault?.type === 'stuck') job.fault = fault;
    const session: AgentSession = { id: newId('va_'), prompt, title, createdAt: Date.now(), videoId: job.id, request: body };
    ctx.state.agentSessions.set(session.id, session);
    ctx.createVideo(job);
    return { data: { session_id: session.id, status: 'thinking', video_id: null, created_at: Math.floor(session.createdAt / 1000) } };
  });
  router.add('GET', '/v3/video-agents', (rc) => {
    const all = [...ctx.state.agentSessions.values()].sort((a, b) => b.createdAt - a.createdAt);
    const page = paginateList(all, rc.query, { def: 20, max: 100 }, 'video-agents');
    return { data: page.data.map((s) => ({ session_id: s.id, title: s.title, created_at: Math.floor(s.createdAt / 1000) })), extra: page.extra };
  });
  router.add('GET', '/v3/video-agents/:id', (rc) => ({ data: sessionOut(ctx, liveSession(ctx, rc.params.id ?? '')) }));
  router.add('POST', '/v3/video-agents/:id/stop', async (rc) => {
    const s = liveSession(ctx, rc.params.id ?? '');
    await rc.body();
    const job = ctx.state.videos.get(s.videoId);
    if (job && job.status !== 'completed' && job.status !== 'failed') {
      s.stopped = true;
      ctx.runner.forget(job);
    }
    return { data: { session_id: s.id } };
  });
  router.add('GET', '/v3/video-agents/:id/videos', (rc) => {
    const s = liveSession(ctx, rc.params.id ?? '');
    const job = ctx.state.videos.get(s.videoId);
    const videos = job && !job.deleted && !s.stopped ? [videoDetail(ctx, job)] : [];
    const page = paginateList(videos, rc.query, { def: 20, max: 100 }, `session-videos:${s.id}`);
    return { data: page.data, extra: page.extra };
  });
}
