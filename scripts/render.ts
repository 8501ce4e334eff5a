import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChoiceFlag, parseCommandLine } from '../src/lib/cli-flags';
import { ClipStore } from '../src/project/clip-store';
import { loadSpec } from '../src/project/load-spec';
import { fallbackWarning, localizeLoadedSpecs, parseFallback, parseLocaleSelection } from '../src/project/localized-specs';
import { SpecError } from '../src/project/spec-error';
import { renderOnLambda } from '../src/render/lambda/render-on-lambda';
import { lambdaCredentialsProblem } from '../src/render/lambda/aws-credentials';
import { exitCleanlyOnSignals } from '../src/lib/exit-cleanup';
import { moveTempDirIntoThisRun } from '../src/render/owned-temp-dir';
import { createRenderReporter } from '../src/render/render-reporter';
import { OptionError, parseRenderFlags, RENDER_FLAG_OPTIONS } from '../src/render/render-options';
import { openRenderSession } from '../src/render/render-session';
import { renderSettings } from '../src/render/render-settings';
import { prepareRender, renderSpec } from '../src/render/render-spec';

const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `Usage: npm run render -- <spec.json> [options]
  --out FILE           default out/<id>.<ext>
  --preset ID          a format (landscape-720p, portrait-1080p, …) instead of the spec's
  --codec C            h264 (default, AAC) | h265 (AAC) | vp8 | vp9 (Opus, .webm) | prores (PCM, .mov)
  --crf N              quality (lower is better)
  --scale F            e.g. 0.5 for half size
  --concurrency N      browser tabs rendering frames at once (default: see README, Performance)
  --image-format F     jpeg (default for opaque codecs) | png
  --jpeg-quality N     1-100 (default: see README, Performance)
  --presenter P        media (default: @remotion/media <Video>, WebCodecs) | offthread (OffthreadVideo)
  --x264-preset P      H.264 encoder speed: ultrafast … veryfast (default) … veryslow
  --chunks K|auto      render K frame ranges side by side and join them (default auto: one per tab, when long enough)
  --allow-placeholders render emulator placeholder clips although HEYGEN_API_KEY is set (refused otherwise)
  --on local|lambda    lambda: render on Remotion Lambda (AWS credentials needed; see README)
  --locale L           the spec in this language, to out/<id>.<L>.<ext> (--locales all|L1,L2: several, one browser)
  --fallback source    a missing translation keeps the source text (listed in a warning) instead of failing`;

// Every flag is checked here, before anything is bundled or launched: a bad value exits 2 at once.
const { values, specFile, flags, on } = parseCommandLine(
  {
    usage: USAGE,
    options: {
      out: { type: 'string' },
      ...RENDER_FLAG_OPTIONS,
      on: { type: 'string', default: 'local' },
      'allow-placeholders': { type: 'boolean', default: false },
      locale: { type: 'string' },
      locales: { type: 'string' },
      fallback: { type: 'string' },
    },
    positionals: { min: 1, max: 1, name: 'spec file' },
  },
  (values, positionals) => ({
    values,
    specFile: positionals[0]!,
    flags: { ...renderSettings(parseRenderFlags(values)), locales: parseLocaleSelection(values), fallback: parseFallback(values.fallback) },
    on: parseChoiceFlag('on', values.on, ['local', 'lambda'] as const)!,
  }),
);

// Ctrl-C or SIGTERM at any moment: no bundle, browser profile, Remotion temp folder or partial video left behind.
exitCleanlyOnSignals();
moveTempDirIntoThisRun();

try {
  const root = process.cwd();
  const t0 = Date.now();
  if (on === 'lambda') {
    const problem = lambdaCredentialsProblem();
    if (problem) throw new OptionError(problem);
  }
  // Checked before anything is bundled: a bad spec or a missing clip fails in a moment.
  const localized = localizeLoadedSpecs([await loadSpec(specFile, root)], flags.locales, flags.fallback);
  const warning = fallbackWarning(localized);
  if (warning) console.error(warning);
  if (localized.length > 1 && values.out) throw new OptionError('--out names one file; with several locales the files are out/<id>.<locale>.<ext> (leave --out out)');
  if (localized.length > 1 && on === 'lambda') throw new OptionError('--on lambda renders one locale at a time; pass --locale L');
  const allowPlaceholders = values['allow-placeholders'] === true;
  const manifest = await new ClipStore(root).readManifest();
  // Every locale's clips are checked before anything is bundled.
  const prepared = (await Promise.all(localized.map((l) => prepareRender({ root, file: l.file, spec: l.spec, manifest, preset: flags.preset, allowPlaceholders }))))[0]!;
  const { spec, suffix } = localized[0]!;
  if (on === 'lambda') {
    const outFile = path.resolve(values.out ?? path.join('out', `${spec.id}${suffix}.${flags.codec.extension}`));
    const result = await renderOnLambda({
      root,
      codeRoot: CODE_ROOT,
      prepared,
      outFile,
      settings: flags,
      framesPerLambda: typeof flags.chunks === 'number' ? Math.ceil(prepared.timeline.durationInFrames / flags.chunks) : undefined,
      onStep: (step, detail) => process.stderr.write(`  lambda ${step}: ${detail}\n`),
      onProgress: (p) => process.stderr.write(`  lambda render: ${(p.progress * 100).toFixed(0)}% · ${p.framesRendered}/${p.totalFrames} frames · ${p.lambdasInvoked} functions\n`),
    });
    process.stderr.write(`  rendered ${path.relative(root, result.outFile)} on Lambda in ${((Date.now() - t0) / 1000).toFixed(1)}s${result.costUsd !== null ? ` (~$${result.costUsd.toFixed(4)})` : ''}\n`);
  } else {
    process.stderr.write('Bundling remotion/ …\n');
    const session = await openRenderSession({ codeRoot: CODE_ROOT, publicDir: path.join(root, 'public'), settings: flags });
    process.stderr.write(`Bundled and browser ready in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
    try {
      // One bundle and one browser for every locale asked for.
      for (const { locale, suffix: named } of localized) {
        const reporter = createRenderReporter(`${path.basename(specFile)}${named ? ` ${locale}` : ''}`);
        const result = await renderSpec(session, { root, specFile, locale: named ? locale : undefined, fallback: flags.fallback, outFile: values.out ? path.resolve(values.out) : undefined, onProgress: reporter.onProgress, allowPlaceholders });
        reporter.done(path.relative(root, result.outFile));
      }
    } finally {
      await session.close();
    }
  }
} catch (err) {
  if (err instanceof SpecError || err instanceof OptionError) console.error(err.message);
  else console.error(`render failed: ${(err as Error).message}`);
  process.exit(1);
}
