import { describe, expect, it } from 'vitest';
import { dimensionsFor, synthesizeSpeech, wordsToSrt, type WordTiming } from '../../../src/emulator/synth';

interface Cue {
  index: number;
  start: number;
  end: number;
  text: string;
}

function parseSrt(srt: string): Cue[] {
  const toSec = (t: string) => {
    const m = /^(\d{2}):(\d{2}):(\d{2}),(\d{3})$/.exec(t);
    if (!m) throw new Error(`bad SRT timestamp ${t}`);
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
  };
  return srt
    .trim()
    .split(/\n\n/)
    .map((block) => {
      const [index, times, ...text] = block.split('\n');
      const m = /^(\S+) --> (\S+)$/.exec(times ?? '');
      if (!m?.[1] || !m[2] || !/^\d+$/.test(index ?? '')) throw new Error(`bad SRT cue:\n${block}`);
      return { index: Number(index), start: toSec(m[1]), end: toSec(m[2]), text: text.join('\n') };
    });
}

describe('wordsToSrt', () => {
  it('writes standard cues of at most seven words, breaking at sentence ends', () => {
    const words: WordTiming[] = 'One two three four five six seven eight nine. Ten eleven.'.split(' ').map((w, i) => ({ word: w, start: i * 0.5, end: i * 0.5 + 0.4 }));
    const srt = wordsToSrt(words);
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:03,400\nOne two three four five six seven\n')).toBe(true);
    const cues = parseSrt(srt);
    expect(cues.map((c) => c.text)).toEqual(['One two three four five six seven', 'eight nine.', 'Ten eleven.']);
    expect(cues.map((c) => c.index)).toEqual([1, 2, 3]);
  });

  it('formats hours, minutes and milliseconds', () => {
    expect(wordsToSrt([{ word: 'late', start: 3723.0456, end: 3724.5 }])).toBe('1\n01:02:03,046 --> 01:02:04,500\nlate\n');
    expect(wordsToSrt([])).toBe('');
  });

  it('covers the speech: every word once, in order, cues within the audio', async () => {
    const s = await synthesizeSpeech({ text: 'Margins widened in every region this year. <break time="1s"/> Next, we look at costs by quarter and by product line.' });
    const cues = parseSrt(wordsToSrt(s.words));
    expect(cues.map((c) => c.text).join(' ')).toBe(s.words.map((w) => w.word).join(' '));
    for (const [i, c] of cues.entries()) {
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.text.split(' ').length).toBeLessThanOrEqual(7);
      if (i > 0) expect(c.start).toBeGreaterThanOrEqual(cues[i - 1]?.end ?? 0);
    }
    expect(cues[0]?.start ?? 1).toBeLessThan(0.1);
    expect(Math.abs((cues[cues.length - 1]?.end ?? 0) - s.durationSec)).toBeLessThan(0.1);
  });

  it('splits a cue at a pause in mid-sentence, where nothing else would split it', async () => {
    // Four words: under the seven-word limit and no sentence end before the last, so only the pause can split them.
    const s = await synthesizeSpeech({ text: 'Margins widened <break time="1s"/> this year.' });
    const cues = parseSrt(wordsToSrt(s.words));
    expect(cues.map((c) => c.text)).toEqual(['Margins widened', 'this year.']);
    expect(cues[1]!.start - cues[0]!.end).toBeGreaterThan(0.9);
    expect(parseSrt(wordsToSrt(s.words.map((w, i) => (i >= 2 ? { ...w, start: w.start - 1, end: w.end - 1 } : w)))).map((c) => c.text)).toEqual(['Margins widened this year.']);
  });
});

describe('dimensionsFor', () => {
  it('anchors the short edge to the resolution for every aspect ratio', () => {
    expect(dimensionsFor('1080p', '16:9')).toEqual({ width: 1920, height: 1080 });
    expect(dimensionsFor('720p', '16:9')).toEqual({ width: 1280, height: 720 });
    expect(dimensionsFor('4k', '16:9')).toEqual({ width: 3840, height: 2160 });
    expect(dimensionsFor('1080p', '9:16')).toEqual({ width: 1080, height: 1920 });
    expect(dimensionsFor('720p', '1:1')).toEqual({ width: 720, height: 720 });
    expect(dimensionsFor('1080p', '4:5')).toEqual({ width: 1080, height: 1350 });
    expect(dimensionsFor('720p', '5:4')).toEqual({ width: 900, height: 720 });
    expect(dimensionsFor('4k', '9:16')).toEqual({ width: 2160, height: 3840 });
  });
});
