import { createTikTokStyleCaptions, type Caption } from '@remotion/captions';
import { z } from 'zod';
import type { WordTiming } from '../../src/spec/manifest';

export const captionSchema = z.object({
  text: z.string(),
  startMs: z.number(),
  endMs: z.number(),
  timestampMs: z.number().nullable(),
  confidence: z.number().nullable(),
});

/** One scene's captions, in milliseconds from the start of its clip. */
export const captionTrackSchema = z.object({
  /** True when each caption is one word (from the manifest's `words`), false for SRT cues. */
  wordLevel: z.boolean(),
  captions: z.array(captionSchema),
});
export type CaptionTrack = z.infer<typeof captionTrackSchema>;

export interface CaptionToken {
  text: string;
  fromMs: number;
  toMs: number;
}

export interface CaptionPage {
  startMs: number;
  endMs: number;
  tokens: CaptionToken[];
  wordLevel: boolean;
}

/** Words as captions in the form createTikTokStyleCaptions expects: a leading space starts a new word. */
export function wordsToCaptions(words: WordTiming[]): Caption[] {
  return words.map((w, i) => ({
    text: i === 0 ? w.word : ` ${w.word}`,
    startMs: w.start * 1000,
    endMs: w.end * 1000,
    timestampMs: ((w.start + w.end) / 2) * 1000,
    confidence: null,
  }));
}

const SENTENCE_END = /[.!?…]["')\]]*$/;
/** Captions stay up this long after the last word, unless the next page starts sooner. */
const HOLD_MS = 500;

function splitLongPage(tokens: CaptionToken[], maxChars: number): CaptionToken[][] {
  const out: CaptionToken[][] = [];
  let cur: CaptionToken[] = [];
  let chars = 0;
  for (const t of tokens) {
    const len = t.text.trim().length + 1;
    if (cur.length && chars + len > maxChars) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(t);
    chars += len;
  }
  if (cur.length) out.push(cur);
  return out;
}

const chars = (g: CaptionToken[]) => g.reduce((n, t) => n + t.text.trim().length + 1, 0);

/** Joins a lone word to the page before it ("…right beside" + "me.") when it is the same sentence and fits. */
function mergeOrphans(groups: CaptionToken[][], maxChars: number): CaptionToken[][] {
  const out: CaptionToken[][] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    const prevLast = prev?.[prev.length - 1];
    if (prev && prevLast && g.length === 1 && !SENTENCE_END.test(prevLast.text.trim()) && g[0]!.fromMs - prevLast.toMs < 600 && chars(prev) + chars(g) <= maxChars) prev.push(...g);
    else out.push([...g]);
  }
  return out;
}

export interface PageOptions {
  /** Words spoken within this span share a page. */
  pageMs: number;
  /** At most this many characters on a page (two lines of the caption box). */
  maxChars: number;
}

/** Pages to show for one scene, in milliseconds of the composition (`offsetMs` is where the scene's clip starts). */
export function captionPages(track: CaptionTrack, offsetMs: number, opts: PageOptions): CaptionPage[] {
  let groups: CaptionToken[][];
  if (track.wordLevel) {
    const marked = track.captions.map((c) => ({ ...c, pageBreakAfter: SENTENCE_END.test(c.text.trim()) }));
    const { pages } = createTikTokStyleCaptions({ captions: marked, combineTokensWithinMilliseconds: opts.pageMs, breakOnSilenceAfterMilliseconds: 600 });
    groups = mergeOrphans(
      pages.flatMap((p) => splitLongPage(p.tokens, opts.maxChars)),
      opts.maxChars,
    );
  } else {
    groups = track.captions.filter((c) => c.text.trim()).map((c) => [{ text: c.text.trim(), fromMs: c.startMs, toMs: c.endMs }]);
  }
  const pages = groups
    .filter((g) => g.length)
    .map((tokens) => ({
      startMs: offsetMs + tokens[0]!.fromMs,
      endMs: offsetMs + tokens[tokens.length - 1]!.toMs + HOLD_MS,
      tokens: tokens.map((t) => ({ text: t.text.trim(), fromMs: offsetMs + t.fromMs, toMs: offsetMs + t.toMs })),
      wordLevel: track.wordLevel,
    }));
  pages.forEach((p, i) => {
    const next = pages[i + 1];
    if (next) p.endMs = Math.min(p.endMs, next.startMs);
  });
  return pages;
}

/** The page on screen at a time, if any. */
export function pageAt(pages: CaptionPage[], ms: number): CaptionPage | null {
  return pages.find((p) => ms >= p.startMs && ms < p.endMs) ?? null;
}

/** The index of the word being spoken at a time; after a word ends it stays lit until the next one starts. */
export function activeTokenIndex(page: CaptionPage, ms: number): number {
  let idx = -1;
  page.tokens.forEach((t, i) => {
    if (ms >= t.fromMs) idx = i;
  });
  return idx;
}
