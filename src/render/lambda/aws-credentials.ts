/** AWS region for Lambda renders: Remotion's own variable first, then the AWS SDK's. */
export function lambdaRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.REMOTION_AWS_REGION ?? env.AWS_REGION ?? 'us-east-1';
}

/**
 * Null when Remotion Lambda will find credentials (the same variables it reads), else what to set. Checked before
 * anything is bundled or uploaded, so a machine without AWS access fails in milliseconds, not after a deploy.
 */
export function lambdaCredentialsProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.REMOTION_AWS_PROFILE || env.AWS_PROFILE) return null;
  const id = env.REMOTION_AWS_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
  const secret = env.REMOTION_AWS_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
  if (id && secret) return null;
  return [
    `--on lambda needs AWS credentials and none are set${id ? ' (an access key id without its secret)' : ''}. Set either:`,
    '  - REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or',
    '  - REMOTION_AWS_PROFILE (or AWS_PROFILE) naming a profile in ~/.aws/credentials;',
    `  and REMOTION_AWS_REGION (now ${lambdaRegion(env)}). The user or role needs Remotion's policy: \`npx remotion lambda policies user\`.`,
    '  Or render here: drop --on lambda.',
  ].join('\n');
}
