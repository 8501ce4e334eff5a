import type { HeyGenClient } from '../heygen';
import type { TemplateDetail } from '../heygen/schemas/template';
import { ffprobe } from '../media/ffmpeg';
import { resolvePublicFile } from '../project/project-files';
import type { SceneVideoSource } from '../spec/clip-request';
import { estimateSpeechSec } from '../spec/timeline';

/** Video Agent picks its own length when the prompt names none; this errs on the dear side of its usual output. */
export const AGENT_DEFAULT_SEC = 60;
/** When a template cannot be read (or has no script), its video is assumed this long. */
export const TEMPLATE_FALLBACK_SEC = 30;

const DURATION = /(\d+(?:\.\d+)?)\s*(?:-\s*)?(seconds?|secs?|s|minutes?|mins?)\b/i;

/** A file's length under public/ by ffprobe (0 when unreadable); audio files have no video stream for probeClip. */
export async function mediaSeconds(publicDir: string, rel: string): Promise<number> {
  const file = resolvePublicFile(publicDir, rel);
  if (!file) return 0;
  const d = await ffprobe(file).then((p) => Number(p.format.duration), () => 0);
  return Number.isFinite(d) ? d : 0;
}

/** The length a prompt asks for ("a 45-second video", "2 minutes long"), or null. */
export function promptTargetSec(prompt: string): number | null {
  const m = DURATION.exec(prompt);
  if (!m) return null;
  const n = Number(m[1]);
  return /^m/i.test(m[2]!) ? n * 60 : n;
}

const fill = (text: string, vars: Record<string, string | { image: string }>) =>
  text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_m, name: string) => (typeof vars[name] === 'string' ? vars[name] : name));

/**
 * How long (so how dear) a full-frame scene's video will be, and what that rests on, before anything is made:
 * a template's scripts with the variables filled (one free read), the length a prompt names, or the footage's own length.
 */
export async function estimateSceneVideo(source: SceneVideoSource, client: HeyGenClient, publicDir: string, templates = new Map<string, Promise<TemplateDetail | null>>()): Promise<{ sec: number; basis: string }> {
  if (source.type === 'lipsync') {
    // HeyGen bills the output, which follows the audio when it is longer than the footage (dynamic duration)
    const [footage, audio] = [await mediaSeconds(publicDir, source.footage), await mediaSeconds(publicDir, source.audio)];
    return { sec: Math.max(footage, audio), basis: audio > footage ? "from the audio's length (longer than the footage)" : "from the footage's length" };
  }
  if (source.type === 'agent') {
    const target = promptTargetSec(source.prompt);
    return target ? { sec: target, basis: `the prompt asks for ${target} s` } : { sec: AGENT_DEFAULT_SEC, basis: `the prompt names no length, ${AGENT_DEFAULT_SEC} s assumed` };
  }
  // one read per template and run, however many scenes or batch rows use it
  if (!templates.has(source.id)) templates.set(source.id, client.templates.get(source.id).catch(() => null));
  const template = await templates.get(source.id)!;
  const scripts = (template?.scenes ?? []).map((s) => s.script ?? '').filter((s) => s.trim());
  if (!scripts.length) return { sec: TEMPLATE_FALLBACK_SEC, basis: `the template has no readable script, ${TEMPLATE_FALLBACK_SEC} s assumed` };
  // each template scene is spoken, plus a short pause at each cut
  const sec = scripts.reduce((n, s) => n + estimateSpeechSec(fill(s, source.variables)) + 0.5, 0);
  return { sec, basis: "from the template's script" };
}
