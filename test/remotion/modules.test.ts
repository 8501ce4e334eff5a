import { describe, expect, it } from 'vitest';
import { activeTokenIndex, captionPages, pageAt, wordsToCaptions, type CaptionTrack } from '../../remotion/shared/captions';
import { duckedVolume, speechSpans } from '../../remotion/shared/ducking';
import { fitLabel } from '../../remotion/shared/fit-label';
import { makeValueFormatter } from '../../remotion/shared/format-number';
import { withoutDemoLeftovers } from '../../remotion/shared/calculate-template-metadata';
import { clipFrames, sceneSequenceDurations, transitionFrames, transitionSeriesStarts } from '../../remotion/shared/scene-timing';
import { explainerDefaultProps } from '../../remotion/explainer/default-props';
import { explainerSchema } from '../../remotion/explainer/schema';
import { socialDefaultProps } from '../../remotion/social/default-props';
import { socialSchema } from '../../remotion/social/schema';
import { squareDefaultProps } from '../../remotion/square/default-props';
import { squareSchema } from '../../remotion/square/schema';
import { labelIndices } from '../../remotion/components/graphics/LineChart';
import { kpiColumns } from '../../remotion/components/graphics/KpiCounters';
import { niceTicks } from '../../remotion/components/graphics/nice-ticks';
import { compositionFor } from '../../src/render/composition-for';
import type { Manifest } from '../../src/spec/manifest';
import { buildTimeline } from '../../src/spec/timeline';
import { videoSpecSchema } from '../../src/spec/video-spec';
import { SHORT_SPEC } from '../helpers/project';

describe('the timing rule (scene-timing.ts)', () => {
  const spec = videoSpecSchema.parse({ ...SHORT_SPEC, scenes: [...SHORT_SPEC.scenes, { title: 'Three', script: 'And one more scene to end on.' }] });

  it.each([0, 12])('a TransitionSeries with %i-frame transitions starts every scene where buildTimeline does and is exactly as long', (t) => {
    const timeline = buildTimeline(spec, null, 30);
    const durations = sceneSequenceDurations(timeline, t);
    const starts = transitionSeriesStarts(durations, t);
    expect(starts).toEqual(timeline.scenes.map((s) => s.from));
    const end = starts[starts.length - 1]! + durations[durations.length - 1]!;
    expect(end).toBe(timeline.durationInFrames);
  });

  it('never lets a transition take more than half a scene', () => {
    const timeline = buildTimeline(spec, null, 30);
    const t = transitionFrames(timeline, 30);
    expect(t).toBe(12);
    const short = { ...timeline, scenes: timeline.scenes.map((s) => ({ ...s, durationInFrames: 15 })) };
    expect(transitionFrames(short, 30)).toBe(7);
    expect(transitionFrames({ ...timeline, scenes: timeline.scenes.slice(0, 1) }, 30)).toBe(0);
  });

  it('plays a 4.968 s clip for 150 frames at 30 fps, then holds', () => {
    expect(clipFrames(4.968, 30)).toBe(150);
    expect(clipFrames(5, 30)).toBe(150);
    expect(clipFrames(5.001, 30)).toBe(151);
  });
});

describe('number formatting', () => {
  it('groups, keeps the data precision and uses the locale', () => {
    expect(makeValueFormatter({ sample: [1200, 2480] })(2480)).toBe('2,480');
    expect(makeValueFormatter({ locale: 'de-DE', sample: [1200] })(1234.5)).toBe('1.235');
    expect(makeValueFormatter({ locale: 'de-DE', unit: '%', sample: [2.1] })(2.1)).toBe('2,1\u00a0%'); // de-DE writes a no-break space before the percent sign
    expect(makeValueFormatter({ locale: 'fr-FR', sample: [0.25, 12.5] })(12.5)).toMatch(/^12,50$/);
  });

  it('goes compact from a million, with prefix, and writes negatives with a minus sign', () => {
    expect(makeValueFormatter({ prefix: '$', sample: [4_200_000] })(4_200_000)).toBe('$4.2M');
    expect(makeValueFormatter({ unit: '%', sample: [-3.4] })(-3.4)).toBe('\u22123.4%');
    expect(makeValueFormatter({ unit: 'users', sample: [5] })(5)).toBe('5\u2009users');
    expect(makeValueFormatter({ sample: [1] })(-0.2)).toBe('0');
  });

  it('falls back to en-US for a locale it does not know', () => {
    expect(makeValueFormatter({ locale: 'not a locale', sample: [1000] })(1000)).toBe('1,000');
  });
});

describe('labels', () => {
  const measure = (s: string) => s.length * 10;

  it('wraps between words and shortens what still does not fit', () => {
    expect(fitLabel('Asia-Pacific and Oceania', 130, 2, measure)).toEqual(['Asia-Pacific', 'and Oceania']);
    expect(fitLabel('A very long category name indeed', 100, 2, measure)).toEqual(['A very', 'long cate…']);
    expect(fitLabel('Supercalifragilistic', 60, 1, measure)).toEqual(['Super…']);
    expect(fitLabel('Jan', 100, 2, measure)).toEqual(['Jan']);
  });

  it('shows every k-th x label counted back from the latest', () => {
    expect(labelIndices(12, 10)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(labelIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('picks gridlines at round values and KPI columns that suit the box', () => {
    expect(niceTicks(0, 2480, 4)).toEqual([0, 1000, 2000]);
    expect(niceTicks(-3.4, 12.5, 4)).toEqual([0, 5, 10]);
    expect(kpiColumns(3, 1280, 680, 28)).toBe(3);
    expect(kpiColumns(4, 1280, 680, 28)).toBe(2);
    expect(kpiColumns(3, 960, 1200, 28)).toBe(1);
  });
});

describe('captions', () => {
  const words = [
    { word: 'Sales', start: 0.1, end: 0.4 },
    { word: 'went', start: 0.45, end: 0.7 },
    { word: 'up.', start: 0.75, end: 1.0 },
    { word: 'Costs', start: 2.0, end: 2.3 },
    { word: 'fell.', start: 2.35, end: 2.7 },
  ];

  it('pages words by sentence, offsets them to the scene and lights the word being spoken', () => {
    const track: CaptionTrack = { wordLevel: true, captions: wordsToCaptions(words) };
    const pages = captionPages(track, 5000, { pageMs: 2600, maxChars: 80 });
    expect(pages.map((p) => p.tokens.map((t) => t.text).join(' '))).toEqual(['Sales went up.', 'Costs fell.']);
    expect(pages[0]!.startMs).toBe(5100);
    const page = pageAt(pages, 5500)!;
    expect(activeTokenIndex(page, 5500)).toBe(1);
    expect(pageAt(pages, 5000 + 1000 + 400)?.tokens[0]!.text).toBe('Sales');
    expect(pageAt(pages, 5000 + 1600)).toBeNull();
  });

  it('keeps short pages for big social captions without leaving a word alone', () => {
    const track: CaptionTrack = { wordLevel: true, captions: wordsToCaptions([...words.slice(0, 2), { word: 'up', start: 0.75, end: 1.0 }, { word: 'again.', start: 1.02, end: 1.3 }]) };
    const pages = captionPages(track, 0, { pageMs: 500, maxChars: 22 });
    expect(pages.every((p) => p.tokens.map((t) => t.text).join(' ').length <= 22)).toBe(true);
    expect(pages.every((p) => p.tokens.length > 1)).toBe(true);
  });

  it('shows SRT cues whole', () => {
    const track: CaptionTrack = { wordLevel: false, captions: [{ text: 'Sales went up.', startMs: 100, endMs: 1000, timestampMs: null, confidence: null }] };
    const [page] = captionPages(track, 0, { pageMs: 900, maxChars: 22 });
    expect(page!.tokens).toHaveLength(1);
    expect(page!.wordLevel).toBe(false);
  });
});

describe('music ducking', () => {
  const spans = speechSpans(30, 3, [
    { word: 'a', start: 0, end: 0.5 },
    { word: 'b', start: 0.9, end: 1.5 },
    { word: 'c', start: 3.0, end: 3.2 },
  ], 30);
  const opts = { volume: 0.4, duckTo: 0.25, rampFrames: 9, totalFrames: 300, fadeFrames: 30 };

  it('bridges short pauses and lowers the music under speech with ramps', () => {
    expect(spans).toEqual([{ from: 30, to: 75 }, { from: 120, to: 126 }]);
    expect(duckedVolume(50, spans, opts)).toBeCloseTo(0.1, 5);
    expect(duckedVolume(100, spans, opts)).toBeCloseTo(0.4, 5);
    const ramp = duckedVolume(80, spans, opts);
    expect(ramp).toBeGreaterThan(0.1);
    expect(ramp).toBeLessThan(0.4);
  });

  it('fades in and out at the ends and ducks the whole clip when there are no words', () => {
    expect(duckedVolume(0, [], opts)).toBe(0);
    expect(duckedVolume(300, [], opts)).toBe(0);
    expect(speechSpans(60, 2, undefined, 30)).toEqual([{ from: 60, to: 120 }]);
  });
});

describe('composition for a spec', () => {
  it('follows the template, else the aspect of the format', () => {
    expect(compositionFor({ format: 'landscape-720p' })).toBe('Explainer');
    expect(compositionFor({ format: 'portrait-1080p' })).toBe('Social');
    expect(compositionFor({ format: 'square-1080p' })).toBe('Square');
    expect(compositionFor({ format: 'feed-720p' })).toBe('Square');
    expect(compositionFor({ format: 'landscape-1080p', template: 'social' })).toBe('Social');
  });
});

describe('Studio default props', () => {
  it.each([
    ['Explainer', explainerSchema, explainerDefaultProps],
    ['Social', socialSchema, socialDefaultProps],
    ['Square', squareSchema, squareDefaultProps],
  ] as const)('%s: valid, and every scene finds the shipped sample clip', (_id, schema, props) => {
    const spec = schema.parse(props);
    const timeline = buildTimeline(spec, spec.manifest as Manifest, 30);
    expect(timeline.missingClips).toBe(0);
    expect(timeline.scenes.every((s) => s.clip?.file === 'sample/presenter.webm' && s.clip.words?.length)).toBe(true);
  });
});

describe('props a render leaves out', () => {
  it("do not pick up the Studio demo's title, lower third, theme or sample manifest", () => {
    const spec = videoSpecSchema.parse(SHORT_SPEC);
    const merged = { ...explainerDefaultProps, ...spec, manifest: { version: 1, clips: {} } } as Record<string, unknown>;
    const cleaned = withoutDemoLeftovers(merged, explainerDefaultProps as Record<string, unknown>);
    expect(cleaned.title).toBeUndefined();
    expect(cleaned.lowerThird).toBeUndefined();
    expect(cleaned.manifest).toEqual({ version: 1, clips: {} });
    expect(cleaned.theme).toEqual(spec.theme);
    const parsed = explainerSchema.parse(cleaned);
    expect(parsed.theme.logo).toBeUndefined();
  });

  it('keep what a real spec sets, even when a template demo uses the same option', () => {
    const spec = { ...videoSpecSchema.parse({ ...SHORT_SPEC, format: 'portrait-1080p', title: 'Quarterly growth in two minutes' }), presenter: { framing: 'full', side: 'right' } };
    const merged = { ...socialDefaultProps, ...spec } as Record<string, unknown>;
    const cleaned = withoutDemoLeftovers(merged, socialDefaultProps as Record<string, unknown>);
    expect(cleaned.title).toBe('Quarterly growth in two minutes');
    const parsed = socialSchema.parse(cleaned);
    expect(parsed.presenter.framing).toBe('full');
    expect(parsed.sceneTransition).toBe('slide');
  });

  it('leave the demo itself alone', () => {
    const demo = explainerDefaultProps as Record<string, unknown>;
    expect(withoutDemoLeftovers({ ...demo }, demo)).toEqual(demo);
  });
});

describe('presenter defaults from the spec', () => {
  it('uses the template framing unless the spec sets one', async () => {
    const { framingFor } = await import('../../remotion/shared/layout');
    expect(framingFor('social', undefined)).toBe('full');
    expect(framingFor('explainer', undefined)).toBe('pip');
    expect(framingFor('social', 'circle')).toBe('circle');
  });

  it('takes the lower third from the spec presenter name', async () => {
    const { lowerThirdFor } = await import('../../remotion/shared/layout');
    expect(lowerThirdFor({ name: 'Ada', role: 'CFO' }, { name: 'Demo' })).toEqual({ name: 'Ada', role: 'CFO' });
    expect(lowerThirdFor({}, { name: 'Demo' })).toEqual({ name: 'Demo' });
    expect(lowerThirdFor({}, null)).toBeNull();
  });
});
