import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCleanlyOnSignals } from '../src/lib/exit-cleanup';
import { moveTempDirIntoThisRun } from '../src/render/owned-temp-dir';
import { parseCommandLine } from '../src/lib/cli-flags';
import { createPrebuildReporter } from '../src/jobs/prebuild-reporter';
import { defaultSpecFiles, runPrebuild } from '../src/jobs/run-prebuild';
import { loadSpec } from '../src/project/load-spec';
import { SpecError } from '../src/project/spec-error';
import { checkDistinctIds } from '../src/render/check-distinct-ids';
import { connectHeyGen } from './lib/connect-heygen';
import { createRenderReporter } from '../src/render/render-reporter';
import { openRenderSession } from '../src/render/render-session';
import { renderSpec } from '../src/render/render-spec';

// remotion/ lives beside scripts/, whatever folder the project (videos/, public/) is run from.
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'Usage: npm run video -- [spec.json ...]   (default: every spec in videos/)\nPrebuild (presenter clips) then render each spec to out/<id>.mp4.';
// No flags: anything that looks like one exits 2 at once, before the prebuild starts.
const positionals = parseCommandLine({ usage: USAGE, options: {}, positionals: { max: Infinity, name: 'spec file' } }, (_values, positionals) => positionals);

// Ctrl-C or SIGTERM at any moment: no bundle, browser profile, Remotion temp folder, partial video or lock left.
exitCleanlyOnSignals();
moveTempDirIntoThisRun();

try {
  const specFiles = positionals.length ? positionals : await defaultSpecFiles(process.cwd());
  // Every spec is read and checked before anything is generated or rendered.
  checkDistinctIds(await Promise.all(specFiles.map((f) => loadSpec(f, process.cwd()))));
  const reporter = createPrebuildReporter();
  const prebuild = await runPrebuild({ specFiles, connect: connectHeyGen, onEvent: (e) => reporter.onEvent(e) });
  reporter.done();
  if (prebuild.failed.length) {
    for (const f of prebuild.failed) console.error(`  clip ${f.key} failed: ${f.message}`);
    throw new Error(`${prebuild.failed.length} clip(s) failed; fix and re-run (ready clips are kept)`);
  }
  process.stderr.write('Bundling remotion/ …\n');
  const session = await openRenderSession({ codeRoot: CODE_ROOT, publicDir: path.join(process.cwd(), 'public') });
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
