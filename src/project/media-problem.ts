import { open } from 'node:fs/promises';
import type { MediaKind } from '../spec/video-spec';

/** The container or format of a file from its first bytes (names can lie); undefined when unknown. */
export function sniffFormat(head: Buffer): string | undefined {
  const hex = head.subarray(0, 12).toString('hex');
  const at = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (hex.startsWith('89504e470d0a1a0a')) return 'png';
  if (hex.startsWith('ffd8ff')) return 'jpeg';
  if (at(0, 4) === 'GIF8') return 'gif';
  if (at(0, 4) === 'RIFF' && at(8, 12) === 'WEBP') return 'webp';
  if (at(0, 4) === 'RIFF' && at(8, 12) === 'WAVE') return 'wav';
  if (hex.startsWith('494433') || /^fff[2345abef]/.test(hex)) return 'mp3';
  if (at(0, 4) === 'OggS') return 'ogg';
  if (at(0, 4) === 'fLaC') return 'flac';
  if (hex.startsWith('1a45dfa3')) return 'webm';
  if (at(4, 8) === 'ftyp') return /^M4A|^M4B/.test(at(8, 12)) ? 'm4a' : at(8, 12).startsWith('avif') ? 'avif' : 'mp4';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg/i.test(head.toString('utf8'))) return 'svg';
  return undefined;
}

const ACCEPTED: Record<MediaKind, { formats: string[]; what: string; fix: string }> = {
  photo: { formats: ['png', 'jpeg'], what: 'a PNG or JPEG photo', fix: 'save the photo as .png or .jpg' },
  voice: { formats: ['wav', 'mp3'], what: 'a WAV or MP3 recording', fix: 'export the recording as .wav or .mp3' },
  image: { formats: ['png', 'jpeg', 'gif', 'webp', 'svg', 'avif'], what: 'an image (PNG, JPEG, GIF, WebP, SVG)', fix: 'use an image file' },
  audio: { formats: ['wav', 'mp3', 'ogg', 'flac', 'm4a', 'webm'], what: 'an audio file (WAV, MP3, OGG, FLAC, M4A)', fix: 'use an audio file' },
  video: { formats: ['mp4', 'webm'], what: 'a video (MP4, MOV, WebM)', fix: 'use a video file' },
};

/** Why the file cannot serve as this kind of media (empty, or another format), or null when it can. */
export async function mediaProblem(file: string, kind: MediaKind, shownPath: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(512, size));
    await handle.read(head, 0, head.length, 0);
    const want = ACCEPTED[kind];
    if (size === 0) return `"${shownPath}" is empty (0 bytes); it should be ${want.what}`;
    const format = sniffFormat(head);
    if (format && want.formats.includes(format)) return null;
    const is = format ? `a ${format.toUpperCase()} file` : /^[\t\n\r\x20-\x7e]*$/.test(head.toString('latin1')) ? 'text' : 'not a format this project reads';
    return `"${shownPath}" is ${is}, not ${want.what}; ${want.fix}`;
  } finally {
    await handle.close();
  }
}
