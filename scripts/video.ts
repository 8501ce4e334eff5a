import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitCleanlyOnSignals } from '../src/lib/exit-cleanup';
import { moveTempDirIntoThisRun } from '../src/render/owned-temp-dir';
import { parseCommandLine } from '../src/lib/cli-flags';
import { createPrebuildReporter } from '../src/jobs/prebuild-reporter';
import { defaultSpecFiles, runPrebuild } from '../src/jobs/run-prebuild';
import { loadSpec } from '../src/project/load-spec';
import { fallbackWarning, parseFallback, parseLocaleSelection } from '../src/project/localized-specs';
import { SpecError } from '../src/project/spec-error';
import { checkDistinctIds } from '../src/render/check-distinct-ids';
import { connectHeyGen } from './lib/connect-heygen';
import { createRenderReporter } from '../src/render/render-reporter';
import { openRenderSession } from '../src/render/render-session';
import { renderSpec } from '../src/render/render-spec';

// remotion/ lives beside scripts/, whatever folder the project (videos/, public/) is run from.
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `Usage: npm run video -- [spec.json ...] [--locale de-DE | --locales all|de-DE,ar-EG] [--fallback source]
  (default: every spec in videos/, each in its own language)
Prebuild (presenter clips) then render each spec to out/<id>.mp4, or out/<id>.<locale>.mp4 per language asked for.
  --fallback source   a missing translation keeps the source text (listed in a warning) instead of failing`;
// Anything that is not one of these flags exits 2 at once, before the prebuild starts.
const { positionals, locales, fallback } = parseCommandLine(
  { usage: USAGE, options: { locale: { type: 'string' }, locales: { type: 'string' }, fallback: { type: 'string' } }, positionals: { max: Infinity, name: 'spec file' } },
  (values, positionals) => ({ positionals, locales: parseLocaleSelection(values), fallback: parseFallback(values.fallback) }),
);

// Ctrl-C or SIGTERM at any moment: no bundle, browser profile, Remotion temp folder, partial video or lock left.
exitCleanlyOnSignals();
moveTempDirIntoThisRun();

try {
  const specFiles = positionals.length ? positionals : await defaultSpecFiles(process.cwd());
  // Every spec is read and checked before anything is generated or rendered.
  checkDistinctIds(await Promise.all(specFiles.map((f) => loadSpec(f, process.cwd()))));
  const reporter = createPrebuildReporter();
  const prebuild = await runPrebuild({ specFiles, locales, fallback, connect: connectHeyGen, onEvent: (e) => reporter.onEvent(e) });
  reporter.done();
  const warning = fallbackWarning(prebuild.specs);
  if (warning) console.error(warning);
  if (prebuild.failed.length) {
    for (const f of prebuild.failed) console.error(`  clip ${f.key} failed: ${f.message}`);
    throw new Error(`${prebuild.failed.length} clip(s) failed; fix and re-run (ready clips are kept)`);
  }
  process.stderr.write('Bundling remotion/ …\n');
  const session = await openRenderSession({ codeRoot: CODE_ROOT, publicDir: path.join(process.cwd(), 'public') });
  try {
    // One bundle and one browser for every spec and language.
    for (const { file, locale, suffix } of prebuild.specs) {
      const r = createRenderReporter(suffix ? `${file} ${locale}` : file);
      const result = await renderSpec(session, { specFile: file, locale: suffix ? locale : undefined, fallback, onProgress: r.onProgress });
      r.done(path.relative(process.cwd(), result.outFile));
    }
  } finally {
    await session.close();
  }
} catch (err) {
  console.error(err instanceof SpecError ? err.message : `video failed: ${(err as Error).message}`);
  process.exit(1);
}
