import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleProject } from '../src/render/bundle-project';
import { createRenderReporter } from '../src/render/render-reporter';
import { renderSpec } from '../src/render/render-spec';
import { openRenderBrowser } from '../src/render/render-video';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    scale: { type: 'string' },
    crf: { type: 'string' },
    concurrency: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || positionals.length !== 1) {
  console.log('Usage: npm run render -- <spec.json> [--out out/<id>.mp4] [--scale 0.5] [--crf 18] [--concurrency N]');
  process.exit(values.help ? 0 : 2);
}

try {
  const t0 = Date.now();
  process.stderr.write('Bundling remotion/ …\n');
  const project = await bundleProject();
  const browser = await openRenderBrowser();
  process.stderr.write(`Bundled and browser ready in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
  try {
    const reporter = createRenderReporter(path.basename(positionals[0]!));
    const result = await renderSpec({
      specFile: positionals[0]!,
      serveUrl: project.serveUrl,
      browser,
      outFile: values.out,
      scale: values.scale ? Number(values.scale) : undefined,
      crf: values.crf ? Number(values.crf) : undefined,
      concurrency: values.concurrency ? Number(values.concurrency) : undefined,
      onProgress: reporter.onProgress,
    });
    reporter.done(path.relative(process.cwd(), result.outFile));
  } finally {
    await browser.close({ silent: true });
    await project.dispose();
  }
} catch (err) {
  console.error(`render failed: ${(err as Error).message}`);
  process.exit(1);
}
