/** The HeyGen credentials: no child process (Chromium, ffmpeg, Remotion's compositor) may inherit them. */
export const SECRET_ENV_NAMES = ['HEYGEN_API_KEY', 'HEYGEN_BEARER_TOKEN', 'HEYGEN_WEBHOOK_SECRET'] as const;

let depth = 0;
let held: Partial<Record<string, string>> = {};

/** process.env without the HeyGen credentials, for a child spawned with an explicit env. */
export function envWithoutSecrets(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of SECRET_ENV_NAMES) delete out[name];
  return out;
}

/**
 * Runs `fn` with the credentials taken out of process.env and puts them back afterwards. Remotion spawns Chromium
 * and its compositor with process.env (there is no option to pass another), so rendering code runs inside this.
 * Nested and concurrent calls share one removal; the credentials come back when the last one ends.
 */
export async function withoutSecretsInEnv<T>(fn: () => Promise<T>): Promise<T> {
  if (depth++ === 0) {
    held = {};
    for (const name of SECRET_ENV_NAMES) {
      if (process.env[name] === undefined) continue;
      held[name] = process.env[name];
      delete process.env[name];
    }
  }
  try {
    return await fn();
  } finally {
    if (--depth === 0) {
      // A value set while rendering (a test, a caller) wins over the one put aside.
      for (const [name, value] of Object.entries(held)) if (process.env[name] === undefined) process.env[name] = value;
      held = {};
    }
  }
}
