import type { WordTiming } from './types';

const MAX_WORDS = 7;
/** A silence this long (a `<break>`) always starts a new cue. */
const GAP_SEC = 0.6;

function stamp(sec: number): string {
  const ms = Math.max(0, Math.round(sec * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)},${pad(ms % 1000, 3)}`;
}

/** Groups word timings into SRT cues of up to 7 words, breaking at sentence ends and long pauses. */
export function wordsToSrt(words: WordTiming[]): string {
  const cues: WordTiming[][] = [];
  let cur: WordTiming[] = [];
  for (const w of words) {
    const prev = cur[cur.length - 1];
    if (prev && w.start - prev.end > GAP_SEC) {
      cues.push(cur);
      cur = [];
    }
    cur.push(w);
    if (cur.length >= MAX_WORDS || /[.!?]["')\]]*$/.test(w.word)) {
      cues.push(cur);
      cur = [];
    }
  }
  if (cur.length) cues.push(cur);
  return cues
    .map((c, i) => {
      const first = c[0];
      const last = c[c.length - 1];
      if (!first || !last) return '';
      return `${i + 1}\n${stamp(first.start)} --> ${stamp(Math.max(last.end, first.start + 0.001))}\n${c.map((w) => w.word).join(' ')}\n`;
    })
    .join('\n');
}
