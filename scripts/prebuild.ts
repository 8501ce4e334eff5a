import { parseArgs } from 'node:util';
import { createPrebuildReporter } from '../src/pipeline/prebuild-reporter';
import { runPrebuild } from '../src/pipeline/run-prebuild';
import { SpecError } from '../src/pipeline/spec-error';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run prebuild -- [spec.json ...] [--concurrency N] [--json]

Gets each scene's presenter clip from HeyGen (HEYGEN_API_KEY set) or the local emulator (no key),
into public/clips/, and writes public/clips/manifest.json. Clips already there are never requested again.`);
  process.exit(0);
}

const reporter = createPrebuildReporter({ json: values.json });
try {
  const result = await runPrebuild({
    specFiles: positionals,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
    onEvent: (e) => reporter.onEvent(e),
  });
  reporter.done();
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
