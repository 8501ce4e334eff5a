import { createPrebuildReporter } from '../src/jobs/prebuild-reporter';
import { runPrebuild, usdPerSecond } from '../src/jobs/run-prebuild';
import { parseCommandLine, parseNumberFlag, parseUrlFlag } from '../src/lib/cli-flags';
import { fallbackWarning, parseFallback, parseLocaleSelection } from '../src/project/localized-specs';
import { SpecError } from '../src/project/spec-error';
import { connectHeyGen } from './lib/connect-heygen';

const USAGE = `Usage: npm run prebuild -- [spec.json ...] [--dry-run] [--concurrency N] [--json]

Gets each scene's presenter clip from HeyGen (HEYGEN_API_KEY set) or the local emulator (no key),
into public/clips/, and writes public/clips/manifest.json. Clips already there are never requested again.
  --dry-run        print the plan (cached / to generate, estimated seconds and cost) and send nothing
  --concurrency N  jobs in flight at once (default 4; keep it at or under your HeyGen plan's cap)
  --json           one JSON object per event on stderr, and the result on stdout
  --max-seconds N  longest scene (estimated) that may be generated; default 300
  --locale L / --locales all|L1,L2   clips for these languages of each spec (default: the spec's own)
  --fallback source  a missing translation keeps the source text (listed in a warning) instead of failing
  --webhook-port N   webhook mode: receive HeyGen's "video done" calls on this local port instead of polling
  --webhook-url URL  where HeyGen reaches that port (e.g. a tunnel); needs HEYGEN_WEBHOOK_SECRET
Exit code: 0 when every clip is ready, 1 when any failed (the rest are kept), 2 for a bad spec or flag.`;

// Every flag is checked here, before the lock, the emulator or the network: a bad value exits 2 at once.
const { values, positionals, flags } = parseCommandLine(
  {
    usage: USAGE,
    options: {
      concurrency: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'webhook-port': { type: 'string' },
      'webhook-url': { type: 'string' },
      json: { type: 'boolean', default: false },
      'max-seconds': { type: 'string' },
      locale: { type: 'string' },
      locales: { type: 'string' },
      fallback: { type: 'string' },
    },
    positionals: { max: Infinity, name: 'spec file' },
  },
  (values, positionals) => ({
    values,
    positionals,
    flags: {
      concurrency: parseNumberFlag('concurrency', values.concurrency, { min: 1, max: 64, integer: true }),
      webhookPort: parseNumberFlag('webhook-port', values['webhook-port'], { min: 0, max: 65535, integer: true }),
      webhookUrl: parseUrlFlag('webhook-url', values['webhook-url']),
      maxSceneSec: parseNumberFlag('max-seconds', values['max-seconds'], { min: 1, max: 3600 }),
      locales: parseLocaleSelection(values),
      fallback: parseFallback(values.fallback),
    },
  }),
);

const webhookWanted = values['webhook-port'] !== undefined || values['webhook-url'] !== undefined;
if (webhookWanted && !process.env.HEYGEN_WEBHOOK_SECRET) {
  console.error('Webhook mode needs HEYGEN_WEBHOOK_SECRET: the secret HeyGen signs deliveries with (`npm run heygen -- webhooks create <url>` shows it once).');
  process.exit(2);
}

const reporter = createPrebuildReporter({ json: values.json });
try {
  const result = await runPrebuild({
    specFiles: positionals,
    concurrency: flags.concurrency,
    maxSceneSec: flags.maxSceneSec,
    dryRun: values['dry-run'],
    locales: flags.locales,
    fallback: flags.fallback,
    webhook: webhookWanted
      ? { secret: process.env.HEYGEN_WEBHOOK_SECRET!, port: flags.webhookPort, publicUrl: flags.webhookUrl }
      : undefined,
    onEvent: (e) => reporter.onEvent(e),
    connect: connectHeyGen,
  });
  reporter.done();
  const warning = fallbackWarning(result.specs);
  if (warning) console.error(warning);
  if (values.json) {
    const { specs: _specs, plan, ...rest } = result;
    console.log(JSON.stringify({ ...rest, clips: plan.clips.map((c) => ({ key: c.key, cached: c.cached, usedBy: c.usedBy, kind: c.kind, estimatedSec: c.estimatedSec, estimatedUsd: c.estimatedUsd })) }));
  }
  if (values['dry-run']) {
    const cost = result.plan.backend === 'heygen' ? `about $${result.estimatedUsd.toFixed(2)} at $${usdPerSecond()}/s (HEYGEN_USD_PER_SECOND)` : 'free (the local emulator; set HEYGEN_API_KEY for real clips)';
    if (!values.json) {
      const locales = Object.entries(result.perLocale);
      if (locales.length > 1) {
        for (const [locale, row] of locales) console.error(`  ${locale.padEnd(8)} ${String(row.clips).padStart(3)} clip(s)  ~${row.seconds.toFixed(0)} s${result.plan.backend === 'heygen' ? `  about $${row.usd.toFixed(2)}` : ''}`);
      }
      console.error(`Dry run: ${result.plan.clips.length - result.ready} clip(s), ~${result.estimatedSec.toFixed(0)} s of video to generate, ${cost}. Nothing was sent.`);
    }
    process.exit(0);
  }
  if (result.failed.length) {
    console.error(`\n${result.failed.length} clip(s) failed; the ${result.ready} ready clip(s) are kept. Re-run to retry the failed ones:`);
    for (const f of result.failed) console.error(`  ${f.key}: ${f.message}`);
    process.exit(1);
  }
  if (!values.json) console.error(`All ${result.ready} clip(s) ready (${result.generated} generated).`);
} catch (err) {
  reporter.done();
  console.error(err instanceof SpecError ? err.message : `prebuild failed: ${(err as Error).message}`);
  process.exit(err instanceof SpecError ? 2 : 1);
}
