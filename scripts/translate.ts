import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HeyGenError, identifyServer } from '../src/heygen';
import { translateVideo, type TranslateMode } from '../src/jobs/translate/translate-video';
import { connectHeyGen } from './lib/connect-heygen';

const USAGE = `Usage: npm run translate -- <video.mp4> --to "Spanish (Spain)" [--to …] [--srt captions.srt] [--proofread | --resume] [--json]
  writes <video>.<language>.mp4 and .srt beside the video; journaled in .heygen/ per account, so a re-run pays nothing twice
  --proofread  stop after HeyGen's translated SRT is ready: <video>.<language>.review.srt, to edit
  --resume     upload the edited .review.srt and make the video from it
  --srt        what the video says (sent as the input captions; offline the emulator otherwise cannot know)
  npm run heygen -- translations languages   lists the languages`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { to: { type: 'string', multiple: true }, srt: { type: 'string' }, proofread: { type: 'boolean', default: false }, resume: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return console.log(USAGE), 0;
  const video = positionals[0];
  const languages = [...new Set(values.to ?? [])];
  if (!video || positionals.length > 1 || languages.length === 0) return console.error(`${video ? 'give at least one --to language' : 'give the video to translate'}\n${USAGE}`), 2;
  if (!existsSync(video)) return console.error(`${video} does not exist: render it first (npm run video) or give the path of an MP4`), 2;
  if (values.srt && !existsSync(values.srt)) return console.error(`--srt ${values.srt} does not exist`), 2;
  if (values.proofread && values.resume) return console.error('--proofread and --resume are two steps: run --proofread, edit the .review.srt, then --resume'), 2;
  const mode: TranslateMode = values.proofread ? 'proofread' : values.resume ? 'resume' : 'direct';
  const log = (line: string): void => console.error(line);
  const connection = await connectHeyGen();
  try {
    log(`translating with ${connection.describe}`);
    const supported = await connection.client.videoTranslations.languages();
    const unknown = languages.filter((l) => !supported.includes(l));
    if (unknown.length) return console.error(`--to ${unknown.map((l) => JSON.stringify(l)).join(', ')} is not a language HeyGen translates into; it takes: ${supported.join(', ')}`), 2;
    const identity = await identifyServer(connection.client);
    const outcomes = await translateVideo({ client: connection.client, identity, root: process.cwd(), video, languages, srt: values.srt, mode, log });
    if (values.json) console.log(JSON.stringify(outcomes, null, 2));
    else
      for (const o of outcomes) {
        if (o.status === 'failed') console.log(`${o.language}: FAILED ${o.error}`);
        else if (o.status === 'review') console.log(`${o.language}: review ${o.reviewSrt}, then run again with --resume`);
        else console.log(`${o.language}: ${o.file} + ${o.captions}${o.status === 'cached' ? ' (already made, nothing paid)' : ''}`);
      }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
  } catch (error) {
    if (error instanceof HeyGenError) return console.error(`HeyGen error${error.status ? ` ${error.status}` : ''}${error.code ? ` ${error.code}` : ''}: ${error.message}`), 1;
    console.error((error as Error).message);
    return 1;
  } finally {
    await connection.close();
  }
}

process.exitCode = await main();
