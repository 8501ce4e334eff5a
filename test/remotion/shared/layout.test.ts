import { describe, expect, it } from 'vitest';
import { computeLayout, largestFreeRect, type Framing, type LayoutInput, type TemplateId } from '../../../remotion/shared/layout';
import { bottom, intersects, rect, right, type Rect } from '../../../remotion/shared/rect';
import { FORMAT_IDS, formatPreset, presenterClipFormat, type FormatId } from '../../../src/spec/formats';

const TEMPLATE_PRESETS: Record<TemplateId, FormatId[]> = {
  explainer: ['landscape-1080p', 'landscape-720p'],
  social: ['portrait-1080p', 'portrait-720p'],
  square: ['square-1080p', 'square-720p', 'feed-1080p', 'feed-720p'],
};
const FRAMINGS: Framing[] = ['pip', 'side', 'full', 'circle'];

/** How far apart two rectangles are (negative when they overlap): the larger of the horizontal and vertical gaps. */
function separation(a: Rect, b: Rect): number {
  return Math.max(a.x - right(b), b.x - right(a), a.y - bottom(b), b.y - bottom(a));
}

function inside(r: Rect, w: number, h: number): boolean {
  return r.x >= -0.5 && r.y >= -0.5 && right(r) <= w + 0.5 && bottom(r) <= h + 0.5;
}

interface Case {
  name: string;
  inputs: LayoutInput[];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [template, presets] of Object.entries(TEMPLATE_PRESETS) as [TemplateId, FormatId[]][]) {
    // Every template also has to cope with any format a spec pins it to.
    for (const format of [...presets, ...FORMAT_IDS.filter((f) => !presets.includes(f))]) {
      const { width, height } = formatPreset(format);
      const clip = presenterClipFormat(format);
      const inputs: LayoutInput[] = [];
      for (const clipAspect of new Set([clip.width / clip.height, 1])) {
        for (const framing of FRAMINGS) {
          for (const side of ['left', 'right'] as const) {
            for (const captions of [true, false]) inputs.push({ template, width, height, framing, side, clipAspect, captions, logo: true });
          }
        }
      }
      out.push({ name: `${template} at ${format}`, inputs });
    }
  }
  return out;
}

function problems(input: LayoutInput): string[] {
  const l = computeLayout(input);
  const { width: W, height: H } = input;
  const presenter = l.presenter.panel ?? l.presenter.body;
  const checks: [string, boolean][] = [
    ['graphic inside the frame', inside(l.graphic, W, H)],
    ['title inside the frame', inside(l.title, W, H)],
    ['captions inside the frame', inside(l.captions, W, H)],
    // "Clear" means at least the layout's gap apart, not merely not overlapping.
    ['graphic a gap from the presenter', separation(l.graphic, presenter) >= l.gap - 0.01],
    ['graphic a gap from the title', separation(l.graphic, l.title) >= l.gap - 0.01],
    ['title a gap from the presenter', separation(l.title, presenter) >= l.gap - 0.01],
    ['title a gap from the logo', separation(l.title, l.logo) >= l.gap - 0.01],
    ["captions clear of the presenter's face", !intersects(l.captions, l.presenter.face)],
    ['graphic a gap from the captions', !input.captions || separation(l.graphic, l.captions) >= l.gap - 0.01],
    // A key area still worth having: a real share of the frame in a chart-like shape.
    ['graphic wide enough', l.graphic.width > 0.3 * W],
    ['graphic tall enough', l.graphic.height > 0.15 * H],
    ['graphic big enough', l.graphic.width * l.graphic.height > 0.12 * W * H],
  ];
  const tag = `${input.framing}-${input.side}, clip ${input.clipAspect.toFixed(2)}${input.captions ? '' : ', no captions'}`;
  return checks.filter(([, ok]) => !ok).map(([what]) => `${tag}: ${what}`);
}

describe('computeLayout', () => {
  it.each(cases())('$name: graphic, title and captions keep the gap from the presenter and each other, in every framing', ({ inputs }) => {
    expect(inputs.flatMap(problems)).toEqual([]);
  });

  it.each(FRAMINGS)('%s: 720p is the 1080p layout scaled by 2/3, so nothing is placed in fixed pixels', (framing) => {
    for (const [big, small] of [
      ['landscape-1080p', 'landscape-720p'],
      ['portrait-1080p', 'portrait-720p'],
      ['feed-1080p', 'feed-720p'],
    ] as const) {
      const a = formatPreset(big);
      const b = formatPreset(small);
      const base = { template: 'explainer' as const, framing, side: 'right' as const, clipAspect: 1, captions: true, logo: true };
      const L = computeLayout({ ...base, width: a.width, height: a.height });
      const S = computeLayout({ ...base, width: b.width, height: b.height });
      for (const key of ['graphic', 'title', 'captions', 'logo', 'lowerThird'] as const) {
        expect(S[key].x).toBeCloseTo((L[key].x * 2) / 3, 0);
        expect(S[key].width).toBeCloseTo((L[key].width * 2) / 3, 0);
        expect(S[key].height).toBeCloseTo((L[key].height * 2) / 3, 0);
      }
      expect(S.presenter.box.width).toBeCloseTo((L.presenter.box.width * 2) / 3, 0);
    }
  });

  it('puts the graphic beside a picture-in-picture presenter in 16:9 and above a large one in 9:16', () => {
    const wide = computeLayout({ template: 'explainer', width: 1920, height: 1080, framing: 'pip', side: 'right', clipAspect: 1, captions: true, logo: false });
    expect(right(wide.graphic)).toBeLessThanOrEqual(wide.presenter.body.x - wide.gap);
    expect(wide.graphic.height).toBeGreaterThan(0.5 * 1080);
    const left = computeLayout({ template: 'explainer', width: 1920, height: 1080, framing: 'pip', side: 'left', clipAspect: 1, captions: true, logo: false });
    expect(left.graphic.x).toBeGreaterThanOrEqual(right(left.presenter.body) + left.gap);
    const tall = computeLayout({ template: 'social', width: 1080, height: 1920, framing: 'full', side: 'right', clipAspect: 9 / 16, captions: true, logo: false });
    expect(bottom(tall.graphic)).toBeLessThanOrEqual(tall.presenter.body.y - tall.gap);
    expect(tall.presenter.box.width).toBeGreaterThan(0.7 * 1080);
    expect(tall.captions.y).toBeGreaterThan(bottom(tall.presenter.face));
  });

  it('crops the circle so that the head, not the shoulders, fills it', () => {
    const l = computeLayout({ template: 'square', width: 1080, height: 1080, framing: 'circle', side: 'right', clipAspect: 1, captions: true, logo: false });
    expect(l.presenter.shape).toBe('circle');
    expect(l.presenter.clip.width).toBeGreaterThan(l.presenter.box.width);
    expect(l.presenter.clip.x).toBeLessThan(0);
  });
});

describe('largestFreeRect', () => {
  it('finds the biggest chart-shaped area around obstacles', () => {
    const region = rect(0, 0, 1000, 600);
    const r = largestFreeRect(region, [rect(700, 300, 300, 300)], 20);
    expect(r).toEqual(rect(0, 0, 680, 600));
  });

  it('returns the whole region when nothing is in the way', () => {
    expect(largestFreeRect(rect(10, 10, 500, 400), [], 20)).toEqual(rect(10, 10, 500, 400));
  });
});
