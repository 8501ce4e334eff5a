import { existsSync } from 'node:fs';
import path from 'node:path';
import { collect, type HeyGenClient, type TemplateVariableValue } from '../../src/heygen';

export interface KindFlags {
  avatar?: string;
  voice?: string;
  style?: string;
  orientation?: string;
  file?: string[];
  out?: string;
  var?: string[];
  photo?: string;
  name?: string;
  video?: string;
  audio?: string;
  captions?: boolean;
}

type Show = (value: unknown, human: () => string) => void;
type Log = (line: string) => void;

function needFile(file: string | undefined, flag: string): string {
  if (!file) throw new Error(`${flag} is required`);
  if (!existsSync(file)) throw new Error(`${flag} ${file} does not exist`);
  return file;
}

/** Prints a status line only when it changes. */
function statusPrinter(log: Log, what: string): (s: { status: string; elapsedMs: number; progress?: number }) => void {
  let last = '';
  return (s) => {
    const line = `${s.status}${s.progress !== undefined ? ` ${s.progress}%` : ''}`;
    if (line !== last) log(`${what}: ${line} (${Math.round(s.elapsedMs / 1000)} s)`);
    last = line;
  };
}

async function agent(client: HeyGenClient, prompt: string, f: KindFlags, show: Show, log: Log): Promise<void> {
  if (f.orientation && f.orientation !== 'landscape' && f.orientation !== 'portrait') throw new Error(`--orientation ${f.orientation}: use landscape or portrait`);
  const files = [];
  for (const file of f.file ?? []) files.push({ type: 'asset_id' as const, asset_id: (await client.assets.upload({ file: needFile(file, '--file') })).assetId });
  const s = await client.videoAgents.create({ prompt, avatar_id: f.avatar, voice_id: f.voice, style_id: f.style, orientation: f.orientation as 'landscape' | 'portrait' | undefined, files: files.length ? files : undefined });
  log(`Video Agent session ${s.session_id}`);
  const done = await client.videoAgents.wait(s.session_id, { onStatus: statusPrinter(log, 'agent') });
  await client.waitForVideo(done.video_id, { onStatus: statusPrinter(log, `video ${done.video_id}`) });
  const out = f.out ?? path.join('out', `agent-${s.session_id}.mp4`);
  await client.downloadVideo(done.video_id, out);
  show({ session_id: s.session_id, video_id: done.video_id, title: done.title, file: out }, () => `${done.title ?? 'video'} -> ${out}`);
}

/** `--var name=value`: text, or an image when the template's variable is an image (the value a file or URL). */
async function templateVariables(client: HeyGenClient, id: string, vars: string[]): Promise<Record<string, TemplateVariableValue>> {
  const t = await client.templates.get(id);
  const types = new Map((t.scenes ?? []).flatMap((s) => (s.variables ?? []).map((v) => [v.name, v.variable_type] as const)));
  const out: Record<string, TemplateVariableValue> = {};
  for (const pair of vars) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--var ${pair}: write name=value`);
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const type = types.get(name);
    if (!type) throw new Error(`--var ${name}: template ${id} has no such variable; it has ${[...types.keys()].join(', ')}`);
    if (type === 'text') out[name] = { name, type: 'text', properties: { content: value } };
    else if (type === 'image') {
      const props = /^https?:\/\//.test(value) ? { url: value } : { asset_id: (await client.assets.upload({ file: needFile(value, `--var ${name}`) })).assetId };
      out[name] = { name, type: 'image', properties: props };
    } else throw new Error(`--var ${name} is a ${type} variable; the CLI fills text and image variables`);
  }
  return out;
}

async function template(client: HeyGenClient, id: string | undefined, f: KindFlags, show: Show, log: Log): Promise<void> {
  if (!id) {
    const rows = await collect(client.templates.list());
    return show(rows, () => rows.map((t) => `${t.id.padEnd(24)} ${t.name}${t.aspect_ratio ? ` (${t.aspect_ratio})` : ''}`).join('\n'));
  }
  if (!f.var?.length && !f.out) {
    const t = await client.templates.get(id);
    return show(t, () => [`${t.name} (${t.id})`, ...(t.scenes ?? []).map((s) => `  scene ${s.scene_id}: ${(s.variables ?? []).map((v) => `${v.name}:${v.variable_type}`).join(', ')}${s.script ? `\n    "${s.script}"` : ''}`)].join('\n'));
  }
  const v = await client.templates.generate(id, { variables: await templateVariables(client, id, f.var ?? []), caption: f.captions ?? false });
  log(`video ${v.id} from template ${id}`);
  await client.waitForVideo(v.id, { onStatus: statusPrinter(log, `video ${v.id}`) });
  const out = f.out ?? path.join('out', `template-${id}-${v.id}.mp4`);
  await client.downloadVideo(v.id, out);
  show({ video_id: v.id, file: out }, () => `template ${id} -> ${out}`);
}

async function avatarCreate(client: HeyGenClient, f: KindFlags, show: Show, log: Log): Promise<void> {
  const photo = needFile(f.photo, '--photo');
  const name = f.name ?? path.basename(photo, path.extname(photo));
  const asset = await client.assets.upload({ file: photo });
  const { look } = await client.avatars.createPhoto({ name, file: { type: 'asset_id', asset_id: asset.assetId } });
  log(`photo avatar ${look.id} training`);
  const done = await client.avatars.waitForLook(look.id, {
    onStatus: statusPrinter(log, `avatar ${look.id}`),
    onConsentNeeded: (url) => log(`HeyGen needs the consent of the person in ${photo}: have them open ${url ?? '(no link given)'} and follow the steps; waiting for it…`),
  });
  show(done, () => `photo avatar ready: avatar_id ${done.id} (${done.name}); use it as "avatar": "${done.id}" in a spec`);
}

async function lipsync(client: HeyGenClient, f: KindFlags, show: Show, log: Log): Promise<void> {
  const video = await client.assets.upload({ file: needFile(f.video, '--video') });
  const audio = await client.assets.upload({ file: needFile(f.audio, '--audio') });
  const { lipsync_id } = await client.lipsyncs.create({ video: { type: 'asset_id', asset_id: video.assetId }, audio: { type: 'asset_id', asset_id: audio.assetId }, enable_caption: true, title: path.basename(f.video ?? '') });
  log(`lipsync ${lipsync_id}`);
  await client.lipsyncs.wait(lipsync_id, { onStatus: statusPrinter(log, `lipsync ${lipsync_id}`) });
  const out = f.out ?? path.join('out', `lipsync-${lipsync_id}.mp4`);
  const captions = out.replace(/\.mp4$/i, '') + '.srt';
  await client.lipsyncs.download(lipsync_id, out, { captionsFile: captions });
  show({ lipsync_id, file: out, captions }, () => `lipsync -> ${out} + ${captions}`);
}

/** The commands for Video Agent, templates, photo avatars, lipsync and translations; false when `command` is none of them. */
export async function runKindCommand(client: HeyGenClient, args: string[], f: KindFlags, show: Show, log: Log): Promise<boolean> {
  const [command, sub] = args;
  if (command === 'agent' && sub === 'styles') {
    const rows = await collect(client.videoAgents.styles());
    show(rows, () => rows.map((s) => `${s.style_id.padEnd(24)} ${s.name}${s.tags?.length ? ` [${s.tags.join(', ')}]` : ''}`).join('\n'));
  } else if (command === 'agent') {
    if (!sub) throw new Error('agent needs a prompt: npm run heygen -- agent "A 30 second intro to our product" --out out/intro.mp4');
    await agent(client, args.slice(1).join(' '), f, show, log);
  } else if (command === 'templates') await template(client, undefined, f, show, log);
  else if (command === 'template') {
    if (!sub) throw new Error('template needs an id: npm run heygen -- templates lists them');
    await template(client, sub, f, show, log);
  } else if (command === 'avatar' && sub === 'create') await avatarCreate(client, f, show, log);
  else if (command === 'lipsync') await lipsync(client, f, show, log);
  else if (command === 'translations' && sub === 'languages') {
    const langs = await client.videoTranslations.languages();
    show(langs, () => langs.join('\n'));
  } else return false;
  return true;
}
