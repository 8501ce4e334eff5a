import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrebuildReporter } from '../src/jobs/prebuild-reporter';
import { defaultSpecFiles, runPrebuild } from '../src/jobs/run-prebuild';
import { SpecError } from '../src/project/spec-error';
import { connectHeyGen } from './lib/connect-heygen';
import { createRenderReporter } from '../src/render/render-reporter';
import { openRenderSession } from '../src/render/render-session';
import { renderSpec } from '../src/render/render-spec';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
if (values.help) {
  console.log('Usage: npm run video -- [spec.json ...]   (default: every spec in videos/)\nPrebuild (presenter clips) then render each spec to out/<id>.mp4.');
  process.exit(0);
}

try {
  const specFiles = positionals.length ? positionals : await defaultSpecFiles(process.cwd());
  const reporter = createPrebuildReporter();
  const prebuild = await runPrebuild({ specFiles, connect: connectHeyGen, onEvent: (e) => reporter.onEvent(e) });
  reporter.done();
  if (prebuild.failed.length) {
    for (const f of prebuild.failed) console.error(`  clip ${f.key} failed: ${f.message}`);
    throw new Error(`${prebuild.failed.length} clip(s) failed; fix and re-run (ready clips are kept)`);
  }
  process.stderr.write('Bundling remotion/ …\n');
  const session = await openRenderSession({ handleSignals: true });
  try {
    for (const { file } of prebuild.specs) {
      const r = createRenderReporter(file);
      const result = await renderSpec(session, { specFile: file, onProgress: r.onProgress });
      r.done(path.relative(process.cwd(), result.outFile));
    }
  } finally {
    await session.close();
  }
} catch (err) {
  console.error(err instanceof SpecError ? err.message : `video failed: ${(err as Error).message}`);
  process.exit(1);
}
