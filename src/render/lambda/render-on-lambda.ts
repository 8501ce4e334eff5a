import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../../spec/manifest';
import { ownedTempDir } from '../owned-temp-dir';
import type { RenderSettings } from '../render-settings';
import type { PreparedRender } from '../render-spec';
import { partialPath, propsForRender } from '../render-video';
import { lambdaCredentialsProblem, lambdaRegion } from './aws-credentials';
import { stagePublicDir } from './stage-public-dir';

export class LambdaSetupError extends Error {
  override name = 'LambdaSetupError';
}

export type LambdaStep = 'function' | 'bucket' | 'site' | 'render' | 'download';

export interface RenderOnLambdaOptions {
  /** The project whose public/ holds the clips. */
  root: string;
  /** Where remotion/ lives (the repository). */
  codeRoot: string;
  prepared: PreparedRender;
  outFile: string;
  /** Codec, scale, crf, image format and JPEG quality apply; concurrency and chunks are Lambda's (framesPerLambda). */
  settings: RenderSettings;
  /** Frames each Lambda function renders; default: Remotion's choice for the video's length. */
  framesPerLambda?: number;
  /** One site per name in the bucket: re-deploys diff against it and upload only what changed. */
  siteName?: string;
  onStep?: (step: LambdaStep, detail: string) => void;
  onProgress?: (p: { progress: number; framesRendered: number; totalFrames: number; lambdasInvoked: number }) => void;
}

const POLL_MS = 2000;
const TIMEOUT_MS = 20 * 60_000;

/**
 * Renders one spec on Remotion Lambda: a render function (deployed once if the region has none compatible with
 * this Remotion version), the bucket, the site (bundle plus a public folder of just this video's clips, so
 * staticFile() resolves on S3 exactly as it does here), the render, then the MP4 downloaded to `outFile`.
 */
export async function renderOnLambda(opts: RenderOnLambdaOptions): Promise<{ outFile: string; renderId: string; costUsd: number | null }> {
  const problem = lambdaCredentialsProblem();
  if (problem) throw new LambdaSetupError(problem);
  const region = lambdaRegion() as import('@remotion/lambda').AwsRegion;
  // Loaded only here: the AWS SDK is heavy and local renders never need it.
  const lambda = await import('@remotion/lambda');
  const say = opts.onStep ?? (() => {});

  const functions = await lambda.getFunctions({ region, compatibleOnly: true });
  let functionName = functions[0]?.functionName;
  if (!functionName) {
    say('function', `deploying a render function in ${region}`);
    ({ functionName } = await lambda.deployFunction({ region, timeoutInSeconds: 240, memorySizeInMb: 3009, diskSizeInMb: 2048, createCloudWatchLogGroup: true }));
  }
  say('function', functionName);
  const { bucketName } = await lambda.getOrCreateBucket({ region });
  say('bucket', bucketName);

  const staging = ownedTempDir('lambda');
  try {
    const publicDir = path.join(staging, 'public');
    const manifest = opts.prepared.inputProps.manifest as Manifest;
    const files = await stagePublicDir({ publicDir: path.join(opts.root, 'public'), into: publicDir, specs: [opts.prepared.spec], manifest });
    say('site', `deploying the bundle with ${files.length} public file(s)`);
    const { serveUrl } = await lambda.deploySite({
      entryPoint: path.join(opts.codeRoot, 'remotion', 'index.ts'),
      bucketName,
      region,
      siteName: opts.siteName ?? 'heygen-remotion',
      options: { publicDir, rootDir: opts.codeRoot },
    });
    say('site', serveUrl);

    const { renderId } = await lambda.renderMediaOnLambda({
      region,
      functionName,
      serveUrl,
      composition: opts.prepared.compositionId,
      inputProps: propsForRender(opts.prepared.inputProps, opts.settings),
      codec: opts.settings.codec.codec,
      audioCodec: opts.settings.codec.audioCodec,
      imageFormat: opts.settings.imageFormat,
      jpegQuality: opts.settings.imageFormat === 'jpeg' ? opts.settings.jpegQuality : undefined,
      crf: opts.settings.crf,
      scale: opts.settings.scale,
      framesPerLambda: opts.framesPerLambda,
      privacy: 'private',
    });
    say('render', renderId);

    const started = Date.now();
    const totalFrames = opts.prepared.timeline.durationInFrames;
    for (;;) {
      const p = await lambda.getRenderProgress({ renderId, bucketName, functionName, region });
      if (p.fatalErrorEncountered) {
        const first = p.errors[0];
        throw new Error(`Lambda render ${renderId} failed${first ? `: ${first.message}` : ''} (logs: npx remotion lambda renders … or CloudWatch)`);
      }
      opts.onProgress?.({ progress: p.overallProgress, framesRendered: p.framesRendered, totalFrames, lambdasInvoked: p.lambdasInvoked });
      if (p.done) {
        say('download', p.outputFile ?? renderId);
        await mkdir(path.dirname(opts.outFile), { recursive: true });
        const partial = partialPath(opts.outFile);
        await lambda.downloadMedia({ region, bucketName, renderId, outPath: partial }).catch(async (err: unknown) => {
          await rm(partial, { force: true });
          throw err;
        });
        await rename(partial, opts.outFile);
        return { outFile: opts.outFile, renderId, costUsd: p.costs.accruedSoFar ?? null };
      }
      if (Date.now() - started > TIMEOUT_MS) throw new Error(`Lambda render ${renderId} still running after ${TIMEOUT_MS / 60_000} min; check it with \`npx remotion lambda renders\`.`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
