import type { Cue } from '../render-video';

function seconds(t: string): number {
  const m = /^(\d+):(\d{2}):(\d{2})[,.](\d{1,3})$/.exec(t.trim());
  if (!m) return NaN;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]!.padEnd(3, '0')) / 1000;
}

/** Reads SubRip text into cues; throws naming the first cue that is not `n / start --> end / text`. */
export function parseSrt(text: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  for (const [i, block] of blocks.entries()) {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    const [from = '', to = ''] = (lines[timing] ?? '').split('-->');
    const start = seconds(from);
    const end = seconds(to);
    if (timing < 0 || !Number.isFinite(start) || !Number.isFinite(end) || end < start) throw new Error(`cue ${i + 1} has no valid "00:00:01,000 --> 00:00:02,000" line`);
    cues.push({ start, end, text: lines.slice(timing + 1).join(' ').trim() });
  }
  return cues;
}
