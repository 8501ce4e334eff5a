import { createHash } from 'node:crypto';
import { createReadStream, existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { referencedFiles, type VideoSpec } from '../spec/video-spec';
import { mediaProblem } from './media-problem';
import { SpecError } from './spec-error';

/** Resolves a spec's media path inside public/, refusing anything that leaves it (also through a symlink). */
export function resolvePublicFile(publicDir: string, rel: string): string | null {
  const abs = path.resolve(publicDir, rel);
  if (!abs.startsWith(path.resolve(publicDir) + path.sep) || !existsSync(abs)) return null;
  const real = realpathSync(abs);
  return real.startsWith(realpathSync(publicDir) + path.sep) ? real : null;
}

export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Checks every file a spec names exists inside public/, and hashes them (path under public/ -> sha256). */
export async function hashReferencedFiles(specFile: string, spec: VideoSpec, publicDir: string): Promise<Record<string, string>> {
  const refs = referencedFiles(spec);
  const missing = refs.filter((r) => !resolvePublicFile(publicDir, r.path));
  if (missing.length) {
    throw new SpecError(
      specFile,
      missing.map((m) => ({ path: m.jsonPath, message: `"${m.path}" is not a file inside public/ (looked for ${path.join('public', m.path)}); put the file there or fix the path` })),
    );
  }
  // Checked here, before anything is uploaded or rendered: HeyGen bills a clip made from a broken photo or voice.
  const wrong: { path: string; message: string }[] = [];
  for (const r of refs) {
    const problem = await mediaProblem(resolvePublicFile(publicDir, r.path)!, r.kind, r.path);
    if (problem) wrong.push({ path: r.jsonPath, message: problem });
  }
  if (wrong.length) throw new SpecError(specFile, wrong);
  const out: Record<string, string> = {};
  for (const r of refs) out[r.path] = await hashFile(resolvePublicFile(publicDir, r.path)!);
  return out;
}
