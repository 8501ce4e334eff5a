import { collect, createHeyGenClient, HeyGenError, type HeyGenClient } from '../src/heygen';
import { WEBHOOK_EVENT_TYPES } from '../src/heygen/webhooks/event-types';
import { FlagError, parseChoiceFlag, parseCommandLine, parseListFlag } from '../src/lib/cli-flags';
import { connectHeyGen } from './lib/connect-heygen';
import { runKindCommand, type KindFlags } from './lib/heygen-kinds';

const USAGE = `Usage: npm run heygen -- <command> [--json]
  avatars                 every look you can pass as avatar_id (all pages)
  voices                  every voice (all pages)
  balance                 what is left: wallet, plan credits or usage-based allowance (v3); quota (legacy)
  video <id>              one video's status and links
  webhooks list
  webhooks create <url> [--events a,b]   event types as HeyGen names them, e.g. avatar_video.success,avatar_video.fail
  webhooks delete <id>
  webhooks rotate <id>
  agent "<prompt>" [--avatar ID --voice ID --style ID --orientation landscape|portrait --file F … --out f.mp4]
  agent styles            Video Agent's styles
  templates               your templates
  template <id>           its scenes and variables
  template <id> --var name=value … [--captions] --out f.mp4
                          a video from the template (an image variable takes a file or URL)
  avatar create --photo public/x.jpg [--name N]
                          a photo avatar (waits for training; prints the consent link when HeyGen asks)
  lipsync --video v.mp4 --audio a.mp3 [--out f.mp4]
                          the video speaking the audio, with its captions
  translations languages  the languages npm run translate takes
Without HEYGEN_API_KEY every command runs against the local emulator.
Reads HEYGEN_API_KEY, HEYGEN_API_BASE_URL, HEYGEN_API_GENERATION (v3 | legacy).`;

type Row = Record<string, unknown>;

function table(rows: Row[], columns: string[]): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]): string => vals.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

async function run(client: HeyGenClient, args: string[], json: boolean, events: string[] | undefined, flags: KindFlags): Promise<unknown> {
  const [command, sub, arg] = args;
  const show = (value: unknown, human: () => string): void => console.log(json ? JSON.stringify(value, null, 2) : human());
  if (await runKindCommand(client, args, flags, show, (line) => console.error(line))) return;
  const legacy = client.config.generation === 'legacy';
  switch (command) {
    case 'avatars': {
      const rows: Row[] = legacy
        ? (await client.legacy.avatars()).avatars.map((a) => ({ id: a.avatar_id, name: a.avatar_name, gender: a.gender, default_voice_id: a.default_voice_id }))
        : (await collect(client.avatars.looks())).map((l) => ({ id: l.id, name: l.name, type: l.avatar_type, gender: l.gender, default_voice_id: l.default_voice_id, engines: l.supported_api_engines }));
      return show(rows, () => `${table(rows, Object.keys(rows[0] ?? { id: '' }))}\n${rows.length} looks`);
    }
    case 'voices': {
      const rows: Row[] = legacy
        ? (await client.legacy.voices()).map((v) => ({ voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender }))
        : (await collect(client.voices.list())).map((v) => ({ voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender }));
      return show(rows, () => `${table(rows, ['voice_id', 'name', 'language', 'gender'])}\n${rows.length} voices`);
    }
    case 'balance': {
      const b = await client.balance();
      return show({ billing: b.billing, amount: b.amount, unit: b.unit, summary: b.summary, source: b.source }, () => `${b.summary} (${b.source})`);
    }
    case 'video': {
      if (!sub) throw new Error('video needs an id: npm run heygen -- video <id>');
      const { status, data } = await client.videoStatus(sub);
      return show(data, () => Object.entries(data as Row).map(([k, v]) => `${k.padEnd(20)} ${v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('\n') || status);
    }
    case 'webhooks': {
      if (sub === 'list') {
        const rows = (await collect(client.webhooks.endpoints.list())).map((e) => ({ endpoint_id: e.endpoint_id, url: e.url, status: e.status, events: e.events ?? 'all', created_at: e.created_at }));
        return show(rows, () => `${table(rows, ['endpoint_id', 'url', 'status', 'events', 'created_at'])}\n${rows.length} endpoints`);
      }
      if (sub === 'create' && arg) {
        const e = await client.webhooks.endpoints.create({ url: arg, events });
        return show(e, () => `created ${e.endpoint_id} -> ${e.url}\nsecret ${e.secret} (shown once: store it now)`);
      }
      if (sub === 'delete' && arg) {
        await client.webhooks.endpoints.delete(arg);
        return show({ deleted: arg }, () => `deleted ${arg}`);
      }
      if (sub === 'rotate' && arg) {
        const r = await client.webhooks.endpoints.rotateSecret(arg);
        return show(r, () => `new secret for ${r.endpoint_id}: ${r.secret} (the old one no longer works)`);
      }
      throw new Error('webhooks needs: list | create <url> | delete <id> | rotate <id>');
    }
    default:
      throw new Error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

const COMMANDS = ['avatars', 'voices', 'balance', 'video', 'webhooks', 'agent', 'templates', 'template', 'avatar', 'lipsync', 'translations'] as const;
const KIND_OPTIONS = {
  avatar: { type: 'string' },
  voice: { type: 'string' },
  style: { type: 'string' },
  orientation: { type: 'string' },
  file: { type: 'string', multiple: true },
  out: { type: 'string' },
  var: { type: 'string', multiple: true },
  photo: { type: 'string' },
  name: { type: 'string' },
  video: { type: 'string' },
  audio: { type: 'string' },
  captions: { type: 'boolean' },
} as const;
const WEBHOOK_COMMANDS = ['list', 'create', 'delete', 'rotate'] as const;

/** The command, its subcommand and --events checked before any client exists: a bad one exits 2 at once. */
function readArgs(): { values: { json: boolean }; positionals: string[]; events?: string[]; flags: KindFlags } {
  return parseCommandLine(
    { usage: USAGE, options: { json: { type: 'boolean', default: false }, events: { type: 'string' }, ...KIND_OPTIONS }, positionals: { min: 1, max: 3, name: 'command' } },
    (values, positionals) => {
      const { json: _json, events: _events, ...kind } = values;
      const flags: KindFlags = { ...kind, orientation: parseChoiceFlag('orientation', values.orientation, ['landscape', 'portrait'] as const) };
      const [command, sub] = positionals;
      if (!(COMMANDS as readonly string[]).includes(command!)) throw new FlagError(`unknown command ${JSON.stringify(command)}: use one of ${COMMANDS.join(', ')}`);
      if (command === 'webhooks' && !(WEBHOOK_COMMANDS as readonly string[]).includes(sub ?? '')) throw new FlagError(`webhooks ${sub === undefined ? 'needs a subcommand' : `${JSON.stringify(sub)} is not a subcommand`}: use one of ${WEBHOOK_COMMANDS.join(', ')}`);
      return { values: { json: values.json }, positionals, events: parseListFlag('events', values.events, WEBHOOK_EVENT_TYPES), flags };
    },
  );
}

async function main(): Promise<number> {
  const { values, positionals, events, flags } = readArgs();
  // the account commands describe a real account (no key: say how to set one); the rest run offline on the emulator
  const offline = ['agent', 'templates', 'template', 'avatar', 'lipsync', 'translations'].includes(positionals[0] ?? '');
  const connection = offline ? await connectHeyGen() : ((c) => ({ client: c, close: () => c.close() }))(createHeyGenClient());
  const client = connection.client;
  try {
    await run(client, positionals, values.json, events, flags);
    return 0;
  } catch (error) {
    if (error instanceof HeyGenError) {
      const detail = { error: error.name, status: error.status, code: error.code, message: error.message, requestId: error.requestId };
      console.error(values.json ? JSON.stringify(detail) : `HeyGen error${error.status ? ` ${error.status}` : ''}${error.code ? ` ${error.code}` : ''}: ${error.message}${error.requestId ? ` (request ${error.requestId})` : ''}`);
      return 1;
    }
    console.error((error as Error).message);
    return 2;
  } finally {
    await connection.close();
  }
}

process.exitCode = await main();
