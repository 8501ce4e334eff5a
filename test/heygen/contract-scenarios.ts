import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { collect } from '../../src/heygen';
import { AVATAR, VOICE, type Harness } from './harness';

/**
 * The one list of HeyGen v3 routes the project uses, each with client calls that exercise it against the emulator.
 * contract.emulator.test.ts records the traffic and checks every request and answer against HeyGen's schemas.
 *
 * To add a route: add the emulator route and the client call, then a scenario here naming the route as HeyGen
 * spells it (`POST /v3/lipsyncs`, `GET /v3/lipsyncs/{lipsync_id}`) whose `run` drives the client through it,
 * including a successful answer. The coverage test fails while an emulator route has no scenario.
 */
export interface ContractScenario {
  name: string;
  /** `METHOD /v3/path/{param}` as in heygen-v3-api.json */
  routes: string[];
  run(h: Harness): Promise<void>;
}

function png(size = 64): Buffer {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  g.fillStyle = '#c84';
  g.fillRect(size / 8, size / 8, (size * 3) / 4, (size * 3) / 4);
  return canvas.toBuffer('image/png');
}

const CLIP = { voiceId: VOICE, script: 'Hi.', resolution: '720p', aspectRatio: '16:9' } as const;


/** A finished 256x144 template video of the emulator's, as a file (the source of lipsync and translation). */
async function smallVideo(h: Harness, dir: string): Promise<string> {
  const v = await h.client.templates.generate('tpl_weekly_update', { variables: { team: { name: 'team', type: 'text', properties: { content: 'Ops' } } }, dimension: { width: 256, height: 144 }, scene_ids: ['number'] });
  await h.client.waitForVideo(v.id);
  const file = path.join(dir, 'small.mp4');
  await h.client.downloadVideo(v.id, file);
  return file;
}

async function inTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'contract-kinds-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const KIND_SCENARIOS: ContractScenario[] = [
  {
    name: 'Video Agent: styles, a session to its video, the session list, stop',
    routes: ['GET /v3/video-agents/styles', 'POST /v3/video-agents', 'GET /v3/video-agents/{session_id}', 'GET /v3/video-agents/{session_id}/videos', 'GET /v3/video-agents', 'POST /v3/video-agents/{session_id}/stop'],
    async run(h) {
      const styles = await collect(h.client.videoAgents.styles({ limit: 2 }));
      const photo = await h.client.assets.upload({ data: png(), filename: 'reference.png' });
      const s = await h.client.videoAgents.create({ prompt: 'Hi.', style_id: styles[0]?.style_id, orientation: 'landscape', avatar_id: AVATAR, voice_id: VOICE, files: [{ type: 'asset_id', asset_id: photo.assetId }], callback_id: 'contract-agent' });
      await h.client.videoAgents.wait(s.session_id);
      await collect(h.client.videoAgents.videos(s.session_id));
      await h.client.videoAgents.findByPrompt('Hi.', 0);
      await h.client.videoAgents.stop(s.session_id);
    },
  },
  {
    name: 'templates: list, one with its scenes and variables, generate with every option',
    routes: ['GET /v3/templates', 'GET /v3/templates/{template_id}', 'POST /v3/templates/{template_id}'],
    async run(h) {
      const list = await collect(h.client.templates.list({ limit: 2 }));
      await h.client.templates.get(list[0]?.id ?? '');
      const image = await h.client.assets.upload({ data: png(), filename: 'product.png' });
      const v = await h.client.templates.generate('tpl_product_launch', {
        variables: { product: { name: 'product', type: 'text', properties: { content: 'Nimbus' } }, product_image: { name: 'product_image', type: 'image', properties: { asset_id: image.assetId, fit: 'contain' } } },
        title: 'contract template',
        dimension: { width: 256, height: 144 },
        fps: 25,
        caption: true,
        scene_ids: ['close'],
        callback_id: 'contract-template',
      });
      await h.client.waitForVideo(v.id);
    },
  },
  {
    name: 'a photo avatar: create, consent, wait for the look',
    routes: ['POST /v3/avatars', 'POST /v3/avatars/{group_id}/consent'],
    async run(h) {
      const photo = await h.client.assets.upload({ data: png(256), filename: 'face.png' });
      h.emulator.faults.add({ method: 'POST', path: '/v3/avatars', fault: { type: 'pending-consent' } });
      const { look } = await h.client.avatars.createPhoto({ name: 'Contract face', file: { type: 'asset_id', asset_id: photo.assetId } });
      await h.client.avatars.waitForLook(look.id, { onConsentNeeded: (url) => void fetch(url ?? '') });
    },
  },
  {
    name: 'lipsync: create with captions, poll, list, download',
    routes: ['POST /v3/lipsyncs', 'GET /v3/lipsyncs/{lipsync_id}', 'GET /v3/lipsyncs'],
    async run(h) {
      await inTempDir(async (dir) => {
        const video = await h.client.assets.upload({ file: await smallVideo(h, dir) });
        const speech = await h.client.voices.speech({ text: 'New words.', voiceId: VOICE });
        const mp3 = path.join(dir, 'speech.mp3');
        await writeFile(mp3, Buffer.from(await (await fetch(speech.audioUrl)).arrayBuffer()));
        const audio = await h.client.assets.upload({ file: mp3 });
        const { lipsync_id } = await h.client.lipsyncs.create({ video: { type: 'asset_id', asset_id: video.assetId }, audio: { type: 'url', url: audio.url }, enable_caption: true, mode: 'speed', title: 'contract lipsync' });
        await h.client.lipsyncs.wait(lipsync_id);
        await collect(h.client.lipsyncs.list({ limit: 5 }));
        await h.client.lipsyncs.download(lipsync_id, path.join(dir, 'lipsync.mp4'), { captionsFile: path.join(dir, 'lipsync.srt') });
      });
    },
  },
  {
    name: 'video translation: languages, translate, list; a proofread reviewed and generated',
    routes: [
      'GET /v3/video-translations/languages',
      'POST /v3/video-translations',
      'GET /v3/video-translations/{video_translation_id}',
      'GET /v3/video-translations',
      'POST /v3/video-translations/proofreads',
      'GET /v3/video-translations/proofreads/{proofread_id}',
      'GET /v3/video-translations/proofreads/{proofread_id}/srt',
      'PUT /v3/video-translations/proofreads/{proofread_id}/srt',
      'POST /v3/video-translations/proofreads/{proofread_id}/generate',
    ],
    async run(h) {
      await inTempDir(async (dir) => {
        const languages = await h.client.videoTranslations.languages();
        const video = await h.client.assets.upload({ file: await smallVideo(h, dir) });
        const [id] = await h.client.videoTranslations.create({ video: { type: 'asset_id', asset_id: video.assetId }, output_languages: [languages.find((l) => l.startsWith('Spanish')) ?? ''], title: 'contract translation', enable_caption: true });
        await h.client.videoTranslations.wait(id ?? '');
        await collect(h.client.videoTranslations.list({ limit: 5 }));
        const [pr] = await h.client.videoTranslations.proofreads.create({ video: { type: 'asset_id', asset_id: video.assetId }, output_languages: ['French (France)'], title: 'contract proofread' });
        await h.client.videoTranslations.proofreads.wait(pr ?? '');
        const srtFile = path.join(dir, 'review.srt');
        await h.client.videoTranslations.proofreads.downloadSrt(pr ?? '', srtFile);
        const edited = await h.client.assets.upload({ data: Buffer.from((await readFile(srtFile, 'utf8')).replace(/Ops/g, 'Opérations')), filename: 'edited.srt' });
        await h.client.videoTranslations.proofreads.uploadSrt(pr ?? '', { type: 'asset_id', asset_id: edited.assetId });
        const generated = await h.client.videoTranslations.proofreads.generate(pr ?? '', { captions: true });
        await h.client.videoTranslations.wait(generated);
      });
    },
  },
];

export const CONTRACT_SCENARIOS: ContractScenario[] = [
  ...KIND_SCENARIOS,
  {
    name: 'an avatar clip with every voice setting: create, poll, list, delete',
    routes: ['POST /v3/videos', 'GET /v3/videos/{video_id}', 'GET /v3/videos/statuses', 'GET /v3/videos', 'DELETE /v3/videos/{video_id}'],
    async run(h) {
      const { videoId } = await h.client.createAvatarClip({ ...CLIP, avatarId: AVATAR, speed: 1.1, pitch: 2, locale: 'en-US', title: 'contract', callbackId: 'contract-1' }, { idempotencyKey: 'contract-avatar-clip' });
      await h.client.waitForVideo(videoId);
      await h.client.videos.statuses([videoId, 'no-such-video']);
      await collect(h.client.videos.list({ limit: 1 }));
      await h.client.videos.delete(videoId);
      await h.client.videos.get(videoId).catch(() => undefined);
    },
  },
  {
    name: 'a photo clip: multipart upload, type:"image" create; the asset read and deleted',
    routes: ['POST /v3/assets', 'GET /v3/assets/{asset_id}', 'DELETE /v3/assets/{asset_id}'],
    async run(h) {
      const photo = await h.client.assets.upload({ data: png(), filename: 'portrait.png' });
      const { videoId } = await h.client.createAvatarClip({ ...CLIP, photoAssetId: photo.assetId }, { idempotencyKey: 'contract-photo-clip' });
      await h.client.videoStatus(videoId);
      await h.client.assets.get(photo.assetId);
      await h.client.assets.delete(photo.assetId);
    },
  },
  {
    name: 'a large file through the three-step direct upload',
    routes: ['POST /v3/assets/direct-uploads', 'POST /v3/assets/{asset_id}/complete'],
    async run(h) {
      const client = h.makeClient({ multipartMaxBytes: 1024 });
      await client.assets.upload({ data: Buffer.concat([png(), Buffer.alloc(4096, 7)]), filename: 'large.png' });
    },
  },
  {
    name: 'speech with word timings',
    routes: ['POST /v3/voices/speech'],
    async run(h) {
      await h.client.voices.speech({ text: 'Hello there.', voiceId: VOICE, speed: 1 });
    },
  },
  {
    name: 'catalogues, every page',
    routes: ['GET /v3/avatars', 'GET /v3/avatars/{group_id}', 'GET /v3/avatars/looks', 'GET /v3/avatars/looks/{look_id}', 'GET /v3/voices', 'GET /v3/voices/{voice_id}'],
    async run(h) {
      const groups = await collect(h.client.avatars.list({ limit: 3 }));
      await h.client.avatars.get(groups[0]?.id ?? '');
      const looks = await collect(h.client.avatars.looks({ limit: 20 }));
      await h.client.avatars.getLook(looks[0]?.id ?? '');
      await collect(h.client.voices.list({ limit: 20 }));
      await h.client.voices.get(VOICE);
    },
  },
  {
    name: 'the account, for each way of paying',
    routes: ['GET /v3/users/me'],
    async run(h) {
      const original = h.emulator.state.billing;
      for (const type of ['wallet', 'subscription', 'usage_based'] as const) {
        h.emulator.state.billing = { ...original, type };
        await h.client.balance();
      }
      h.emulator.state.billing = original;
    },
  },
  {
    name: 'webhook endpoints, event types and events',
    routes: [
      'POST /v3/webhooks/endpoints',
      'GET /v3/webhooks/endpoints',
      'PATCH /v3/webhooks/endpoints/{endpoint_id}',
      'POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret',
      'DELETE /v3/webhooks/endpoints/{endpoint_id}',
      'GET /v3/webhooks/event-types',
      'GET /v3/webhooks/events',
    ],
    async run(h) {
      const endpoint = await h.client.webhooks.endpoints.create({ url: 'https://hooks.example.com/heygen', events: ['avatar_video.success'] });
      await collect(h.client.webhooks.endpoints.list({ limit: 10 }));
      await h.client.webhooks.endpoints.update(endpoint.endpoint_id, { events: ['avatar_video.success', 'avatar_video.fail'] });
      await h.client.webhooks.endpoints.rotateSecret(endpoint.endpoint_id);
      await h.client.webhooks.eventTypes();
      const { videoId } = await h.client.createAvatarClip({ ...CLIP, avatarId: AVATAR }, { idempotencyKey: 'contract-webhook-clip' });
      await h.client.waitForVideo(videoId);
      await collect(h.client.webhooks.events({ limit: 10 }));
      await h.client.webhooks.endpoints.delete(endpoint.endpoint_id);
    },
  },
];

/**
 * One client call per route that reads HeyGen's answer, run against the least answer HeyGen may give (only its
 * required fields, nulls where nullable): the client must take it. Add the read calls of a new route here.
 */
export const LEAST_ANSWER_CALLS: Record<string, (h: Harness) => Promise<unknown>> = {
  'POST /v3/videos': (h) => h.client.videos.create({ type: 'avatar', avatar_id: AVATAR, voice_id: VOICE, script: 'Hi.' }),
  'GET /v3/videos/{video_id}': (h) => h.client.videos.get('v1'),
  'GET /v3/videos': (h) => collect(h.client.videos.list()),
  'DELETE /v3/videos/{video_id}': (h) => h.client.videos.delete('v1'),
  'POST /v3/assets': (h) => h.client.assets.upload({ data: png(), filename: 'least.png' }),
  'GET /v3/assets/{asset_id}': (h) => h.client.assets.get('a1'),
  'GET /v3/avatars': (h) => collect(h.client.avatars.list()),
  'GET /v3/avatars/{group_id}': (h) => h.client.avatars.get('g1'),
  'GET /v3/avatars/looks': (h) => collect(h.client.avatars.looks()),
  'GET /v3/avatars/looks/{look_id}': (h) => h.client.avatars.getLook('l1'),
  'GET /v3/voices': (h) => collect(h.client.voices.list()),
  'GET /v3/voices/{voice_id}': (h) => h.client.voices.get(VOICE),
  'POST /v3/voices/speech': (h) => h.client.voices.speech({ text: 'Hi.', voiceId: VOICE }),
  'GET /v3/users/me': (h) => h.client.balance(),
  'POST /v3/webhooks/endpoints': (h) => h.client.webhooks.endpoints.create({ url: 'https://hooks.example.com/least' }),
  'GET /v3/webhooks/endpoints': (h) => collect(h.client.webhooks.endpoints.list()),
  'PATCH /v3/webhooks/endpoints/{endpoint_id}': (h) => h.client.webhooks.endpoints.update('e1', { events: null }),
  'POST /v3/webhooks/endpoints/{endpoint_id}/rotate-secret': (h) => h.client.webhooks.endpoints.rotateSecret('e1'),
  'GET /v3/webhooks/event-types': (h) => h.client.webhooks.eventTypes(),
  'GET /v3/webhooks/events': (h) => collect(h.client.webhooks.events()),
};
