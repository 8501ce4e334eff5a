import { fileURLToPath } from 'node:url';
import { exitCleanlyOnSignals } from '../src/lib/exit-cleanup';
import { moveTempDirIntoThisRun } from '../src/render/owned-temp-dir';
import { BatchInputError } from '../src/batch/batch-error';
import { createBatchReporter, formatBatchSummary } from '../src/batch/batch-reporter';
import { runBatch } from '../src/batch/run-batch';
import { formatBatchEstimate, type BatchEstimate } from '../src/batch/estimate-batch-cost';
import { createInterface } from 'node:readline/promises';
import { SpecError } from '../src/project/spec-error';
import { connectHeyGen } from './lib/connect-heygen';
import { FlagError, parseCommandLine, parseNumberFlag } from '../src/lib/cli-flags';
import { parseRenderFlags, RENDER_FLAG_OPTIONS } from '../src/render/render-options';
import { parseFallback, parseLocaleSelection } from '../src/project/localized-specs';

const DEFAULT_MAX_USD = 5;
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `Usage: npm run batch -- --template videos/<name>-template.json --data <rows.csv|rows.json> [options]
  --out DIR            default out/batch/<template>: <name>.mp4 per row, thumbs/, index.html (contact sheet)
  --only a,b           render only these rows (by name)
  --limit N            the first N rows
  --force              render again even when a finished video matches its row
  --name COLUMN        the column that names each video (default "id")
  --locales L1,L2|all  every row in these languages: <name>.<locale>.mp4 each (--locale L: one); the contact
                       sheet shows each row's languages side by side, the summary counts per language
  --fallback source    a missing translation keeps the template's own text (listed in a warning)
  --parallel N         videos whose frames render at once in the one browser (default 1)
  --no-overlap         finish each video (audio mux, thumbnail) before the next starts (default: overlap them)
  --max-seconds N      longest scene (estimated) the prebuild may generate; default 300
  --dry-run            print the estimated cost per row and in total (clips not yet stored); render and send nothing
  --max-usd N          ask before spending more than N dollars (default ${DEFAULT_MAX_USD}, or HEYGEN_BATCH_MAX_USD);
                       without a terminal the batch refuses instead, unless --yes
  --yes                spend above --max-usd without asking
  --allow-placeholders render emulator placeholder clips although HEYGEN_API_KEY is set (refused otherwise)
  --preset ID --codec C --crf N --scale F --concurrency N --chunks K|auto
  --image-format F --jpeg-quality N --presenter P --x264-preset P      as for \`npm run render\`
Template strings take {{column}}; a string that is exactly {{column}} where the spec wants a number becomes one.`;

// Every flag is checked here, before any row is read or anything rendered: a bad value exits 2 at once.
const { values, flags, parallel, limit, maxSceneSec, maxUsd, locales, fallback } = parseCommandLine(
  {
    usage: USAGE,
    options: {
      template: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      only: { type: 'string' },
      limit: { type: 'string' },
      force: { type: 'boolean', default: false },
      name: { type: 'string' },
      locale: { type: 'string' },
      locales: { type: 'string' },
      fallback: { type: 'string' },
      ...RENDER_FLAG_OPTIONS,
      parallel: { type: 'string' },
      'no-overlap': { type: 'boolean', default: false },
      'max-seconds': { type: 'string' },
      'allow-placeholders': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'max-usd': { type: 'string' },
      yes: { type: 'boolean', default: false },
    },
  },
  (values) => {
    if (!values.template || !values.data) throw new FlagError(`${values.template ? '--data' : '--template'} is missing: a batch needs both --template <t.json> and --data <rows.csv|rows.json>`);
    return {
      values: { ...values, template: values.template, data: values.data },
      flags: parseRenderFlags(values),
      parallel: parseNumberFlag('parallel', values.parallel, { min: 1, max: 8, integer: true }),
      limit: parseNumberFlag('limit', values.limit, { min: 1, max: 1_000_000, integer: true }),
      maxSceneSec: parseNumberFlag('max-seconds', values['max-seconds'], { min: 1, max: 3600 }),
      maxUsd: maxUsdFrom(values['max-usd']),
      locales: parseLocaleSelection(values),
      fallback: parseFallback(values.fallback),
    };
  },
);

/** --max-usd, else HEYGEN_BATCH_MAX_USD, else the default; a bad value of either is refused by name. */
function maxUsdFrom(flag: string | undefined): number {
  const range = { min: 0, max: 1_000_000 };
  if (flag !== undefined) return parseNumberFlag('max-usd', flag, range)!;
  const env = process.env.HEYGEN_BATCH_MAX_USD;
  if (env === undefined || env === '') return DEFAULT_MAX_USD;
  try {
    return parseNumberFlag('max-usd', env, range)!;
  } catch (err) {
    throw new FlagError(`HEYGEN_BATCH_MAX_USD=${JSON.stringify(env)} is not valid: ${(err as Error).message.split(': ').pop()}`);
  }
}

/** Over the limit: --yes goes on; a terminal is asked; anything else (CI, a pipe) is refused by runBatch. */
async function confirmSpend(estimate: BatchEstimate): Promise<boolean> {
  if (values.yes) return true;
  if (!process.stdin.isTTY) return false;
  console.error(formatBatchEstimate(estimate));
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Spend about $${estimate.usd.toFixed(2)} on HeyGen (over --max-usd ${maxUsd})? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

// Ctrl-C or SIGTERM at any moment: no bundle, browser profile, Remotion temp folder, partial video or lock left.
exitCleanlyOnSignals();
moveTempDirIntoThisRun();

try {
  const reporter = createBatchReporter(process.stderr, { parallel });
  const result = await runBatch({
    root: process.cwd(),
    codeRoot: CODE_ROOT,
    template: values.template,
    data: values.data,
    outDir: values.out,
    only: values.only?.split(',').filter(Boolean),
    limit,
    force: values.force,
    nameColumn: values.name,
    locales,
    fallback,
    settings: flags,
    parallel,
    overlap: !values['no-overlap'],
    maxSceneSec,
    connect: connectHeyGen,
    allowPlaceholders: values['allow-placeholders'] === true,
    onEvent: (e) => reporter.onEvent(e),
    dryRun: values['dry-run'] === true,
    maxUsd,
    confirmSpend,
  });
  if (values['dry-run']) {
    console.log(result.estimate ? formatBatchEstimate(result.estimate) : 'No valid row to price.');
    console.log('Dry run: nothing was sent to HeyGen and nothing rendered.');
    process.exit(result.rows.some((r) => r.status === 'invalid') ? 1 : 0);
  }
  console.log(`\n${formatBatchSummary(result)}`);
  if (result.rows.some((r) => r.status === 'failed' || r.status === 'invalid')) process.exit(1);
} catch (err) {
  if (err instanceof BatchInputError || err instanceof FlagError || err instanceof SpecError) console.error(err.message);
  else console.error(`batch failed: ${(err as Error).stack ?? err}`);
  process.exit(1);
}
