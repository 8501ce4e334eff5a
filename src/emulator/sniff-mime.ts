/** The MIME type of a file from its first bytes, as HeyGen detects uploads; undefined when it is none HeyGen takes. */
export function sniffMime(buf: Buffer): string | undefined {
  const hex = buf.subarray(0, 12).toString('hex');
  if (hex.startsWith('89504e470d0a1a0a')) return 'image/png';
  if (hex.startsWith('ffd8ff')) return 'image/jpeg';
  if (hex.startsWith('52494646') && buf.subarray(8, 12).toString('latin1') === 'WAVE') return 'audio/wav';
  if (hex.startsWith('494433') || /^fff[2345abef]/.test(hex)) return 'audio/mpeg';
  if (hex.startsWith('1a45dfa3')) return 'video/webm';
  if (buf.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  // SubRip text: a cue number then a `00:00:01,000 --> …` line (HeyGen's OpenAPI lists srt among uploads)
  if (/^\uFEFF?\s*\d+\r?\n\d{2}:\d{2}:\d{2}[,.]\d{3} --> /.test(buf.subarray(0, 200).toString('utf8'))) return 'application/x-subrip';
  return undefined;
}
