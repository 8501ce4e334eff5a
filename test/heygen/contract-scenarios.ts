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

function png(): Buffer {
  const canvas = createCanvas(64, 64);
  const g = canvas.getContext('2d');
  g.fillStyle = '#c84';
  g.fillRect(8, 8, 48, 48);
  return canvas.toBuffer('image/png');
}

const CLIP = { voiceId: VOICE, script: 'Hi.', resolution: '720p', aspectRatio: '16:9' } as const;

export const CONTRACT_SCENARIOS: ContractScenario[] = [
  {
    name: 'an avatar clip with every voice setting: create, poll, list, delete',
    routes: ['POST /v3/videos', 'GET /v3/videos/{video_id}', 'GET /v3/videos', 'DELETE /v3/videos/{video_id}'],
    async run(h) {
      const { videoId } = await h.client.createAvatarClip({ ...CLIP, avatarId: AVATAR, speed: 1.1, title: 'contract', callbackId: 'contract-1' }, { idempotencyKey: 'contract-avatar-clip' });
      await h.client.waitForVideo(videoId);
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
    name: 'the account',
    routes: ['GET /v3/users/me'],
    async run(h) {
      await h.client.balance();
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
