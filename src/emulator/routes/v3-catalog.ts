import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import { HttpError } from '../http-error';
import { GROUP_LIST, LOOKS, VOICES, findLook, findVoice, speechLocale, type CatalogVoice } from '../catalog';
import { paginateList } from '../pagination';
import { accountData } from '../billing';
import { findPhotoAvatar, photoGroupOut, photoLookOut } from '../photo-avatars';
import { newId } from '../ids';
import { ffmpegPath, runBinary } from '../../media/ffmpeg';
import { speechTimestampsWithSentinels } from '../synth/sentinels';

const bad = (message: string, param?: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });

function voiceOut(v: CatalogVoice): Record<string, unknown> {
  return { voice_id: v.voice_id, name: v.name, gender: v.gender, language: v.language, type: v.type, support_pause: v.support_pause, support_locale: v.support_locale, preview_audio_url: v.preview_audio_url };
}

export function registerV3CatalogRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('GET', '/v3/avatars', (rc) => {
    const ownership = rc.query.get('ownership');
    if (ownership && ownership !== 'public' && ownership !== 'private') throw bad('ownership must be public or private', 'ownership');
    const own = [...ctx.state.photoAvatars.values()].map((p) => photoGroupOut(ctx, p));
    const groups = ownership === 'private' ? own : ownership === 'public' ? GROUP_LIST : [...own, ...GROUP_LIST];
    const page = paginateList(groups, rc.query, { def: 20, max: 50 }, 'avatars');
    return { data: page.data, extra: page.extra };
  });
  router.add('GET', '/v3/avatars/looks', (rc) => {
    const group = rc.query.get('group_id');
    const type = rc.query.get('avatar_type');
    const ownership = rc.query.get('ownership');
    if (type && !['studio_avatar', 'digital_twin', 'photo_avatar'].includes(type)) throw bad('avatar_type must be studio_avatar, digital_twin or photo_avatar', 'avatar_type');
    const own = [...ctx.state.photoAvatars.values()].map((p) => photoLookOut(ctx, p));
    const all: object[] = ownership === 'private' ? own : ownership === 'public' ? LOOKS : [...own, ...LOOKS];
    const looks = (all as { group_id?: unknown; avatar_type?: unknown }[]).filter((l) => (!group || l.group_id === group) && (!type || l.avatar_type === type));
    const page = paginateList(looks, rc.query, { def: 20, max: 50 }, `looks:${group ?? ''}:${type ?? ''}`);
    return { data: page.data, extra: page.extra };
  });
  router.add('GET', '/v3/avatars/looks/:id', (rc) => {
    const photo = findPhotoAvatar(ctx, rc.params.id ?? '');
    if (photo && photo.lookId === rc.params.id) return { data: photoLookOut(ctx, photo) };
    const look = findLook(rc.params.id ?? '');
    if (!look) throw new HttpError(404, `Look ${rc.params.id} not found`, { code: 'avatar_not_found' });
    return { data: look };
  });
  router.add('GET', '/v3/avatars/:id', (rc) => {
    const photo = findPhotoAvatar(ctx, rc.params.id ?? '');
    if (photo && photo.groupId === rc.params.id) return { data: photoGroupOut(ctx, photo) };
    const group = GROUP_LIST.find((g) => g.id === rc.params.id);
    if (!group) throw new HttpError(404, `Avatar group ${rc.params.id} not found`, { code: 'avatar_not_found' });
    return { data: group };
  });

  router.add('GET', '/v3/voices', (rc) => {
    const type = rc.query.get('type') ?? 'public';
    const engine = rc.query.get('engine');
    const language = rc.query.get('language');
    const gender = rc.query.get('gender');
    if (type !== 'public' && type !== 'private') throw bad('type must be public or private', 'type');
    const voices = VOICES.filter((v) => v.type === type && (!engine || v.engines.includes(engine)) && (!language || v.language.toLowerCase() === language.toLowerCase()) && (!gender || v.gender === gender.toLowerCase()));
    const page = paginateList(voices, rc.query, { def: 20, max: 100 }, `voices:${type}:${engine ?? ''}:${language ?? ''}:${gender ?? ''}`);
    return { data: page.data.map(voiceOut), extra: page.extra };
  });
  router.add('GET', '/v3/voices/:id', (rc) => {
    const v = findVoice(rc.params.id ?? '');
    if (!v) throw new HttpError(404, `Voice ${rc.params.id} not found`, { code: 'voice_not_found' });
    // HeyGen's voice detail has no `type` or `support_locale` (the listing has them)
    const detail = { voice_id: v.voice_id, name: v.name, gender: v.gender, language: v.language, support_pause: v.support_pause, preview_audio_url: v.preview_audio_url };
    return { data: { ...detail, status: 'complete', created_at: 1_700_000_000, failure_message: null, support_interactive_avatar: false } };
  });
  router.add('POST', '/v3/voices/speech', async (rc) => {
    const body = await rc.json<{ text?: unknown; voice_id?: unknown; speed?: unknown; input_type?: unknown; locale?: unknown }>();
    if (typeof body.text !== 'string' || body.text.length < 1 || body.text.length > 5000) throw bad('text must be 1-5000 characters', 'text');
    if (typeof body.voice_id !== 'string' || !body.voice_id) throw bad('voice_id is required', 'voice_id');
    const voice = findVoice(body.voice_id);
    if (!voice && !ctx.acceptUnknownIds) throw new HttpError(404, `Voice ${body.voice_id} not found`, { code: 'voice_not_found', param: 'voice_id' });
    if (voice && !voice.engines.includes('starfish')) throw bad(`Voice ${body.voice_id} does not support the starfish engine; list voices with engine=starfish`, 'voice_id');
    if (body.speed !== undefined && body.speed !== null && (typeof body.speed !== 'number' || body.speed < 0.5 || body.speed > 2)) throw bad('speed must be between 0.5 and 2.0', 'speed');
    if (body.input_type !== undefined && body.input_type !== null && body.input_type !== 'text' && body.input_type !== 'ssml') throw bad('input_type must be text or ssml', 'input_type');
    const text = body.input_type === 'ssml' ? body.text.replace(/<[^>]+>/g, ' ') : body.text;
    const speech = await ctx.speech({ text, voiceId: body.voice_id, speed: typeof body.speed === 'number' ? body.speed : undefined, locale: speechLocale(body.voice_id, typeof body.locale === 'string' ? body.locale : undefined) });
    const id = newId();
    // HeyGen answers with an MP3; the bundled ffmpeg has LAME.
    const wav = path.join(ctx.dataDir, 'speech', `${id}.wav`);
    await writeFile(wav, speech.wav);
    await runBinary(ffmpegPath(), ['-v', 'error', '-i', wav, '-c:a', 'libmp3lame', '-b:a', '64k', '-y', path.join(ctx.dataDir, 'speech', `${id}.mp3`)]);
    await rm(wav, { force: true });
    const mp3 = await readFile(path.join(ctx.dataDir, 'speech', `${id}.mp3`));
    ctx.state.speechByHash.set(createHash('sha256').update(mp3).digest('hex'), speech.words);
    return {
      data: {
        audio_url: `${ctx.baseUrl()}/files/speech/${id}.mp3`,
        duration: speech.durationSec,
        request_id: id,
        // HeyGen's timestamps open and close with `<start>`/`<end>` entries that clients must drop.
        word_timestamps: speechTimestampsWithSentinels(speech.words, speech.durationSec),
      },
    };
  });

  router.add('GET', '/v3/users/me', (rc) => ({ data: accountData(ctx.state, ctx.accountOf(rc)) }));
}
