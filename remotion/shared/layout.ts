import { TEMPLATES, type Framing, type TemplateId } from '../../src/spec/templates';
import { area, bottom, intersects, rect, right, type Rect } from './rect';

export type { Framing, TemplateId };
export type Orientation = 'wide' | 'squarish' | 'tall';

export interface LayoutInput {
  template: TemplateId;
  width: number;
  height: number;
  framing: Framing;
  side: 'left' | 'right';
  /** The presenter clip's width / height (1 for HeyGen's square clips, 9/16 for tall ones). */
  clipAspect: number;
  captions: boolean;
  logo: boolean;
}

export interface PresenterPlacement {
  /** Where the presenter is shown; for `circle` the circle itself. May reach past the frame (bleed). */
  box: Rect;
  /** Where the clip is drawn, relative to `box` (larger than the box for the circle crop). */
  clip: Rect;
  /** The visible person: never covered by the graphic. */
  body: Rect;
  /** The head: never covered by captions. */
  face: Rect;
  /** A tinted column or band behind the presenter (side by side), also kept clear of the graphic. */
  panel: Rect | null;
  shape: 'rect' | 'circle';
}

export interface TextBox extends Rect {
  fontSize: number;
  lines: number;
}

export interface TemplateLayout {
  width: number;
  height: number;
  orientation: Orientation;
  /** 1 at a 1080 px short edge: every size is a multiple of it, so 720p is 1080p scaled. */
  unit: number;
  margin: number;
  gap: number;
  title: TextBox;
  logo: Rect;
  presenter: PresenterPlacement;
  /** The graphic's key area: clear of the presenter, its panel, the title and the captions. */
  graphic: Rect;
  captions: TextBox;
  lowerThird: Rect;
}

interface TemplateStyle {
  titleSize: Record<Orientation, number>;
  titleLines: Record<Orientation, number>;
  captionSize: number;
  captionLines: number;
}

const STYLES: Record<TemplateId, TemplateStyle> = {
  explainer: { titleSize: { wide: 60, squarish: 56, tall: 64 }, titleLines: { wide: 1, squarish: 2, tall: 2 }, captionSize: 38, captionLines: 2 },
  social: { titleSize: { wide: 60, squarish: 60, tall: 68 }, titleLines: { wide: 1, squarish: 2, tall: 2 }, captionSize: 76, captionLines: 2 },
  square: { titleSize: { wide: 58, squarish: 56, tall: 62 }, titleLines: { wide: 1, squarish: 2, tall: 2 }, captionSize: 44, captionLines: 2 },
};

export function orientationOf(width: number, height: number): Orientation {
  const r = width / height;
  if (r >= 1.3) return 'wide';
  if (r <= 0.7) return 'tall';
  return 'squarish';
}

/** Where the head sits in a presenter clip, as fractions of the clip's height and width. */
export function faceSpan(clipAspect: number): { top: number; bottom: number; left: number; right: number } {
  return clipAspect >= 0.9 ? { top: 0.14, bottom: 0.68, left: 0.2, right: 0.8 } : { top: 0.13, bottom: 0.52, left: 0.18, right: 0.82 };
}

function clampToFrame(r: Rect, width: number, height: number): Rect {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  return rect(x, y, Math.min(width, right(r)) - x, Math.min(height, bottom(r)) - y);
}

function bodyOf(box: Rect, clipAspect: number, width: number, height: number): Rect {
  const f = faceSpan(clipAspect);
  const headroom = (f.top - 0.02) * box.height;
  const sideInset = 0.04 * box.width;
  return clampToFrame(rect(box.x + sideInset, box.y + headroom, box.width - 2 * sideInset, box.height - headroom), width, height);
}

function faceOf(clip: Rect, clipAspect: number, width: number, height: number): Rect {
  const f = faceSpan(clipAspect);
  return clampToFrame(rect(clip.x + f.left * clip.width, clip.y + f.top * clip.height, (f.right - f.left) * clip.width, (f.bottom - f.top) * clip.height), width, height);
}

function placePresenter(input: LayoutInput, orientation: Orientation, margin: number): PresenterPlacement {
  const { width: W, height: H, clipAspect: a, side } = input;
  const atSide = (w: number, inset: number) => (side === 'right' ? W - w - inset : inset);

  if (input.framing === 'circle') {
    const d = orientation === 'wide' ? 0.36 * H : orientation === 'squarish' ? 0.36 * Math.min(W, H) : 0.4 * W;
    const y = orientation === 'tall' ? H - 0.12 * H - d : H - margin - d;
    const box = rect(atSide(d, margin), y, d, d);
    // The clip is enlarged inside the circle so that the head, not the shoulders, fills it.
    const cw = d * 1.3;
    const ch = cw / a;
    const f = faceSpan(a);
    const clipRel = rect(-(cw - d) / 2, d * 0.5 - ((f.top + f.bottom) / 2) * ch, cw, ch);
    return { box, clip: clipRel, body: box, face: box, panel: null, shape: 'circle' };
  }

  let box: Rect;
  let panel: Rect | null = null;
  if (input.framing === 'pip') {
    const boxH = orientation === 'wide' ? 0.52 * H : orientation === 'squarish' ? 0.44 * Math.min(W, H) : Math.min((0.44 * W) / a, 0.46 * H);
    const boxW = boxH * a;
    box = rect(atSide(boxW, 0.02 * W), H - boxH, boxW, boxH);
  } else if (input.framing === 'side') {
    if (orientation === 'tall') {
      panel = rect(0, 0.5 * H, W, 0.5 * H);
      const boxH = Math.min(panel.height, W / a);
      const boxW = boxH * a;
      box = rect((W - boxW) / 2, H - boxH, boxW, boxH);
    } else {
      const pw = (orientation === 'wide' ? 0.4 : 0.42) * W;
      panel = rect(side === 'right' ? W - pw : 0, 0, pw, H);
      const boxW = Math.min(pw, 0.92 * H * a);
      const boxH = boxW / a;
      box = rect(panel.x + (pw - boxW) / 2, H - boxH, boxW, boxH);
    }
  } else if (orientation === 'tall') {
    // Presenter large in the lower part, head low enough to leave the upper part to the graphic.
    const f = faceSpan(a);
    const boxH = Math.min((0.4 * H) / f.bottom, W / a);
    const boxW = boxH * a;
    box = rect((W - boxW) / 2, Math.max(0.38 * H, H - boxH), boxW, boxH);
  } else {
    const boxH0 = orientation === 'wide' ? H : 0.78 * H;
    const boxW = Math.min(boxH0 * a, 0.6 * W);
    const boxH = boxW / a;
    // A slight bleed past the frame edge reads as "full" framing rather than a box in a corner.
    box = rect(atSide(boxW, -0.06 * boxW), H - boxH, boxW, boxH);
  }
  const clip = rect(0, 0, box.width, box.height);
  const absClip = rect(box.x, box.y, box.width, box.height);
  return { box, clip, body: bodyOf(box, a, W, H), face: faceOf(absClip, a, W, H), panel, shape: 'rect' };
}

/** The largest well-shaped rectangle inside `region` that keeps at least `gap` from every obstacle. */
export function largestFreeRect(region: Rect, obstacles: Rect[], gap: number): Rect {
  const xs = new Set([region.x, right(region)]);
  const ys = new Set([region.y, bottom(region)]);
  for (const o of obstacles) {
    for (const x of [o.x - gap, right(o) + gap]) if (x > region.x && x < right(region)) xs.add(x);
    for (const y of [o.y - gap, bottom(o) + gap]) if (y > region.y && y < bottom(region)) ys.add(y);
  }
  const xv = [...xs].sort((p, q) => p - q);
  const yv = [...ys].sort((p, q) => p - q);
  // Touching an obstacle grown by the gap is fine; overlapping it would bring the result closer than the gap.
  // (less a hair, so that float rounding of `x - gap + gap` does not count as overlap).
  const g = gap - 1e-6;
  const kept = obstacles.map((o) => rect(o.x - g, o.y - g, o.width + 2 * g, o.height + 2 * g));
  let best = rect(region.x, region.y, 0, 0);
  let bestScore = -1;
  for (let i = 0; i < xv.length; i++) {
    for (let j = i + 1; j < xv.length; j++) {
      for (let k = 0; k < yv.length; k++) {
        for (let l = k + 1; l < yv.length; l++) {
          const r = rect(xv[i]!, yv[k]!, xv[j]! - xv[i]!, yv[l]! - yv[k]!);
          if (kept.some((o) => intersects(r, o))) continue;
          // Charts read badly when very tall and thin or very flat: prefer ratios between 0.7 and 2.6.
          const ratio = r.width / Math.max(1, r.height);
          const score = area(r) * Math.min(1, ratio / 0.7, 2.6 / ratio);
          if (score > bestScore) {
            bestScore = score;
            best = r;
          }
        }
      }
    }
  }
  return best;
}

/** Moves a full-width band off an obstacle: to the wider free side when that side is wide enough. */
function besideObstacle(band: Rect, obstacle: Rect, gap: number, margin: number, width: number): Rect | null {
  if (!intersects(band, obstacle)) return band;
  const leftW = obstacle.x - gap - margin;
  const rightW = width - margin - (right(obstacle) + gap);
  if (Math.max(leftW, rightW) < 0.4 * width) return null;
  return leftW >= rightW ? rect(margin, band.y, leftW, band.height) : rect(right(obstacle) + gap, band.y, rightW, band.height);
}

/** Lays a template out for a frame size and presenter framing; every size scales with the frame. */
export function computeLayout(input: LayoutInput): TemplateLayout {
  const { width: W, height: H } = input;
  const orientation = orientationOf(W, H);
  const unit = Math.min(W, H) / 1080;
  const margin = (orientation === 'wide' ? 64 : 56) * unit;
  const gap = 32 * unit;
  const style = STYLES[input.template];
  const presenter = placePresenter(input, orientation, margin);
  const avoid = presenter.panel ?? presenter.body;

  const top = orientation === 'tall' ? Math.max(margin, 0.05 * H) : margin;
  const logoH = 52 * unit;
  const logoW = input.logo ? logoH * 3.2 : 0;
  let logo = rect(W - margin - logoW, top, logoW, logoH);
  // The logo may sit on the presenter's panel, just not on the presenter.
  if (intersects(logo, presenter.body)) logo = rect(margin, top, logoW, logoH);
  const titleSize = style.titleSize[orientation] * unit;
  const titleLines = style.titleLines[orientation];
  const titleH = titleLines * titleSize * 1.12;
  // The title runs between whatever occupies its band: the presenter (or panel) and the logo, on either side.
  let x0 = margin;
  let x1 = W - margin;
  for (const o of input.logo ? [avoid, logo] : [avoid]) {
    if (o.y >= top + titleH + gap || bottom(o) <= top - gap) continue;
    if (o.x + o.width / 2 > (x0 + x1) / 2) x1 = Math.min(x1, o.x - gap);
    else x0 = Math.max(x0, right(o) + gap);
  }
  const title = rect(x0, top, x1 - x0, titleH);

  const capSize = style.captionSize * unit;
  const capH = style.captionLines * capSize * 1.25 + 0.9 * capSize;
  const capY = orientation === 'tall' ? H - 0.11 * H - capH : H - margin - capH;
  let captions: Rect = rect(margin, capY, W - 2 * margin, capH);
  const beside = besideObstacle(captions, avoid, gap, margin, W);
  if (beside) captions = beside;
  else if (intersects(captions, presenter.face)) {
    const below = bottom(presenter.face) + gap;
    captions = below + capH <= H - margin / 2 ? rect(margin, below, W - 2 * margin, capH) : rect(margin, presenter.face.y - gap - capH, W - 2 * margin, capH);
    // Never straddle the edge of the presenter's panel: sit wholly above it.
    const panel = presenter.panel;
    if (panel && captions.y < panel.y && bottom(captions) > panel.y) captions = rect(margin, panel.y - gap - capH, W - 2 * margin, capH);
  }

  const contentTop = bottom(title) + gap * 1.25;
  const content = rect(margin, contentTop, W - 2 * margin, H - margin - contentTop);
  const graphic = largestFreeRect(content, input.captions ? [avoid, captions] : [avoid], gap);

  const ltH = 112 * unit;
  const ltW = Math.min(W - 2 * margin, Math.max(presenter.body.width * 0.92, 400 * unit));
  const ltX = Math.min(Math.max(margin, presenter.body.x + presenter.body.width / 2 - ltW / 2), W - margin - ltW);
  const lowerThird = rect(ltX, Math.min(bottom(presenter.body), H) - margin / 2 - ltH, ltW, ltH);

  return {
    width: W,
    height: H,
    orientation,
    unit,
    margin,
    gap,
    title: { ...title, fontSize: titleSize, lines: titleLines },
    logo,
    presenter,
    graphic,
    captions: { ...captions, fontSize: capSize, lines: style.captionLines },
    lowerThird,
  };
}

/** The spec's framing, or the template's own when the spec leaves it out (Social shows the presenter large). */
export function framingFor(template: TemplateId, framing: Framing | undefined): Framing {
  return framing ?? TEMPLATES[template].defaultFraming;
}

/** The spec's presenter name and role win over the template's own lower-third text. */
export function lowerThirdFor(
  presenter: { name?: string; role?: string },
  templateDefault: { name: string; role?: string } | null,
): { name: string; role?: string } | null {
  return presenter.name ? { name: presenter.name, role: presenter.role } : templateDefault;
}
