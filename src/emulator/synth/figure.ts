import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Look } from './look';

export interface FigureState {
  /** Mouth opening 0 (closed) … 1 (wide). */
  mouth: number;
  /** 0 open, 1 half closed, 2 closed. */
  eyes: 0 | 1 | 2;
  /** Head offset in canvas pixels (whole, even numbers keep the 4:2:0 patches aligned). */
  headX: number;
  headY: number;
}

export interface FigureLayout {
  /** Bottom centre of the figure in canvas pixels. */
  x: number;
  y: number;
  /** Pixels per figure unit. */
  scale: number;
}

/** HeyGen-like framing: landscape fills most of the height; portrait is sized by the width, the body running off the bottom. */
export function figureLayout(width: number, height: number): FigureLayout {
  if (width >= height * 0.95) {
    const scale = Math.min(height * 0.84, width * 0.8);
    return { x: width / 2, y: height * 0.06 + scale, scale };
  }
  const scale = Math.min(width * 1.1, height * 0.62);
  return { x: width / 2, y: height * 0.12 + scale, scale };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A rectangle in figure units mapped to canvas pixels, grown outward to even coordinates and clipped to the canvas. */
function unitRect(layout: FigureLayout, x0: number, y0: number, x1: number, y1: number, canvasW: number, canvasH: number, grow = 0): Rect {
  const even = (v: number, up: boolean) => 2 * (up ? Math.ceil(v / 2) : Math.floor(v / 2));
  const left = Math.max(0, even(layout.x + x0 * layout.scale - grow, false));
  const top = Math.max(0, even(layout.y + y0 * layout.scale - grow, false));
  const right = Math.min(canvasW, even(layout.x + x1 * layout.scale + grow, true));
  const bottom = Math.min(canvasH, even(layout.y + y1 * layout.scale + grow, true));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** Everything the head (hair, face, neck) can cover at any offset up to `maxOffset` pixels. */
export function headRect(layout: FigureLayout, maxOffset: number, canvasW: number, canvasH: number): Rect {
  return unitRect(layout, -0.33, -1.02, 0.33, -0.22, canvasW, canvasH, maxOffset + 2);
}

/** The mouth at head offset 0; always inside the face, so its pixels depend on the mouth state alone. */
export function mouthRect(layout: FigureLayout, canvasW: number, canvasH: number): Rect {
  return unitRect(layout, -0.07, MOUTH.y - 0.02, 0.07, MOUTH.y + MOUTH.maxOpen + 0.012, canvasW, canvasH);
}

/** Both eyes (without the brows) at head offset 0; inside the face like the mouth. */
export function eyesRect(layout: FigureLayout, canvasW: number, canvasH: number): Rect {
  return unitRect(layout, -0.112, HEAD.y - 0.048, 0.112, HEAD.y + 0.006, canvasW, canvasH);
}

/** Head centre in figure units (y up is negative), also used to find the mouth in tests. */
export const HEAD = { x: 0, y: -0.62, rx: 0.18, ry: 0.235 };
export const MOUTH = { x: 0, y: -0.505, halfWidth: 0.055, maxOpen: 0.075 };

/** Draws the presenter onto a transparent canvas; everything outside the figure stays alpha 0. */
export function drawFigure(ctx: SKRSContext2D, look: Look, state: FigureState, layout: FigureLayout): void {
  ctx.save();
  ctx.translate(layout.x, layout.y);
  ctx.scale(layout.scale, layout.scale);
  drawTorso(ctx, look);
  ctx.save();
  ctx.translate(state.headX / layout.scale, state.headY / layout.scale);
  drawHairBack(ctx, look);
  drawNeck(ctx, look);
  drawHead(ctx, look);
  drawFace(ctx, look, state);
  drawHairFront(ctx, look);
  ctx.restore();
  ctx.restore();
}

function drawTorso(ctx: SKRSContext2D, look: Look): void {
  // The body runs on below the unit box so portrait frames show a torso down to their bottom edge.
  const bottom = 3;
  ctx.fillStyle = look.clothing;
  ctx.beginPath();
  ctx.moveTo(-0.52, bottom);
  ctx.lineTo(-0.5, 0.05);
  ctx.lineTo(-0.47, -0.16);
  ctx.bezierCurveTo(-0.44, -0.28, -0.3, -0.31, -0.12, -0.33);
  ctx.lineTo(0.12, -0.33);
  ctx.bezierCurveTo(0.3, -0.31, 0.44, -0.28, 0.47, -0.16);
  ctx.lineTo(0.5, 0.05);
  ctx.lineTo(0.52, bottom);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = look.clothingShade;
  ctx.beginPath();
  for (const side of [-1, 1]) {
    ctx.moveTo(side * 0.12, -0.33);
    ctx.lineTo(side * 0.2, -0.3);
    ctx.lineTo(side * 0.15, -0.16);
    ctx.lineTo(side * 0.03, 0.12);
    ctx.lineTo(0, 0.12);
    ctx.lineTo(0, -0.18);
    ctx.closePath();
  }
  ctx.fill();
  // Arms: a shaded seam where each sleeve meets the body.
  ctx.strokeStyle = look.clothingShade;
  ctx.lineWidth = 0.012;
  ctx.beginPath();
  ctx.moveTo(-0.38, -0.2);
  ctx.quadraticCurveTo(-0.36, 0.1, -0.39, bottom);
  ctx.moveTo(0.38, -0.2);
  ctx.quadraticCurveTo(0.36, 0.1, 0.39, bottom);
  ctx.stroke();
  ctx.fillStyle = look.collar;
  ctx.beginPath();
  ctx.moveTo(-0.12, -0.33);
  ctx.lineTo(0, -0.18);
  ctx.lineTo(0.12, -0.33);
  ctx.lineTo(0.07, -0.34);
  ctx.lineTo(0, -0.25);
  ctx.lineTo(-0.07, -0.34);
  ctx.closePath();
  ctx.fill();
}

function drawNeck(ctx: SKRSContext2D, look: Look): void {
  ctx.fillStyle = look.skinShade;
  ctx.beginPath();
  ctx.moveTo(-0.07, -0.45);
  ctx.lineTo(-0.075, -0.32);
  ctx.lineTo(0, -0.25);
  ctx.lineTo(0.075, -0.32);
  ctx.lineTo(0.07, -0.45);
  ctx.closePath();
  ctx.fill();
}

function drawHead(ctx: SKRSContext2D, look: Look): void {
  const rx = HEAD.rx * look.headWidth;
  ctx.fillStyle = look.skin;
  ctx.beginPath();
  ctx.ellipse(-rx * 0.98, HEAD.y + 0.01, 0.03, 0.045, 0, 0, Math.PI * 2);
  ctx.ellipse(rx * 0.98, HEAD.y + 0.01, 0.03, 0.045, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  // A jaw narrower than the forehead reads as a face rather than an egg.
  ctx.moveTo(-rx, HEAD.y - 0.02);
  ctx.bezierCurveTo(-rx, HEAD.y - HEAD.ry * 1.35, rx, HEAD.y - HEAD.ry * 1.35, rx, HEAD.y - 0.02);
  ctx.bezierCurveTo(rx, HEAD.y + 0.12, rx * 0.68, HEAD.y + HEAD.ry, 0, HEAD.y + HEAD.ry);
  ctx.bezierCurveTo(-rx * 0.68, HEAD.y + HEAD.ry, -rx, HEAD.y + 0.12, -rx, HEAD.y - 0.02);
  ctx.closePath();
  ctx.fill();
}

function drawFace(ctx: SKRSContext2D, look: Look, state: FigureState): void {
  const eyeY = HEAD.y - 0.02;
  const open = state.eyes === 0 ? 1 : state.eyes === 1 ? 0.45 : 0.08;
  for (const side of [-1, 1]) {
    const ex = side * 0.072;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.ellipse(ex, eyeY, 0.032, 0.019 * open, 0, 0, Math.PI * 2);
    ctx.fill();
    if (open > 0.3) {
      ctx.fillStyle = look.iris;
      ctx.beginPath();
      ctx.ellipse(ex, eyeY, 0.015, 0.015 * Math.min(1, open * 1.1), 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#111111';
      ctx.beginPath();
      ctx.ellipse(ex, eyeY, 0.007, 0.007 * open, 0, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.strokeStyle = look.skinShade;
    ctx.lineWidth = 0.008;
    ctx.beginPath();
    ctx.ellipse(ex, eyeY, 0.034, 0.021 * open + 0.002, 0, Math.PI, Math.PI * 2);
    ctx.stroke();
    ctx.strokeStyle = look.hair;
    ctx.lineWidth = 0.012;
    ctx.beginPath();
    ctx.moveTo(ex - side * 0.035, eyeY - 0.04);
    ctx.quadraticCurveTo(ex, eyeY - 0.055, ex + side * 0.04, eyeY - 0.042);
    ctx.stroke();
  }
  ctx.strokeStyle = look.skinShade;
  ctx.lineWidth = 0.01;
  ctx.beginPath();
  ctx.moveTo(0.004, eyeY + 0.01);
  ctx.lineTo(-0.012, HEAD.y + 0.07);
  ctx.lineTo(0.01, HEAD.y + 0.075);
  ctx.stroke();
  drawMouth(ctx, look, state.mouth);
}

function drawMouth(ctx: SKRSContext2D, look: Look, mouth: number): void {
  const w = MOUTH.halfWidth * (1 - 0.15 * mouth);
  const h = 0.006 + MOUTH.maxOpen * mouth;
  const y = MOUTH.y;
  ctx.fillStyle = look.lips;
  ctx.beginPath();
  ctx.ellipse(MOUTH.x, y + h / 2 - 0.003, w + 0.008, h / 2 + 0.009, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#3a0f12';
  ctx.beginPath();
  ctx.ellipse(MOUTH.x, y + h / 2 - 0.003, w, h / 2, 0, 0, Math.PI * 2);
  ctx.fill();
  if (mouth > 0.35) {
    ctx.fillStyle = '#f4f1ea';
    ctx.beginPath();
    ctx.ellipse(MOUTH.x, y - 0.003 + h * 0.12, w * 0.7, h * 0.12, 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

function drawHairBack(ctx: SKRSContext2D, look: Look): void {
  const rx = HEAD.rx * look.headWidth;
  ctx.fillStyle = look.hair;
  if (look.hairStyle === 'long') {
    ctx.beginPath();
    ctx.moveTo(-rx - 0.04, HEAD.y - 0.05);
    ctx.bezierCurveTo(-rx - 0.06, HEAD.y + 0.2, -rx - 0.02, HEAD.y + 0.3, -rx + 0.02, HEAD.y + 0.34);
    ctx.lineTo(rx - 0.02, HEAD.y + 0.34);
    ctx.bezierCurveTo(rx + 0.02, HEAD.y + 0.3, rx + 0.06, HEAD.y + 0.2, rx + 0.04, HEAD.y - 0.05);
    ctx.closePath();
    ctx.fill();
  } else if (look.hairStyle === 'bun') {
    ctx.beginPath();
    ctx.arc(0, HEAD.y - HEAD.ry - 0.06, 0.075, 0, Math.PI * 2);
    ctx.fill();
  } else if (look.hairStyle === 'curly') {
    ctx.beginPath();
    for (let i = 0; i < 11; i++) {
      const a = Math.PI * (0.95 + (i / 10) * 1.1);
      ctx.moveTo(Math.cos(a) * (rx + 0.03), HEAD.y - 0.03 + Math.sin(a) * (HEAD.ry + 0.02));
      ctx.arc(Math.cos(a) * (rx + 0.03), HEAD.y - 0.03 + Math.sin(a) * (HEAD.ry + 0.02), 0.055, 0, Math.PI * 2);
    }
    ctx.fill();
  }
}

function drawHairFront(ctx: SKRSContext2D, look: Look): void {
  const rx = HEAD.rx * look.headWidth;
  // Bezier control height that puts the hair's crown ~0.03 above the skull's (which peaks near HEAD.y - 0.243).
  const top = HEAD.y - HEAD.ry * 1.35 - 0.04;
  ctx.fillStyle = look.hair;
  ctx.beginPath();
  switch (look.hairStyle) {
    case 'side-part':
      ctx.moveTo(-rx - 0.012, HEAD.y - 0.02);
      ctx.bezierCurveTo(-rx - 0.02, top - 0.01, rx + 0.02, top - 0.02, rx + 0.012, HEAD.y - 0.03);
      ctx.bezierCurveTo(rx * 0.5, HEAD.y - 0.16, -rx * 0.3, HEAD.y - 0.1, -rx * 0.55, HEAD.y - 0.14);
      ctx.bezierCurveTo(-rx * 0.8, HEAD.y - 0.1, -rx * 0.95, HEAD.y - 0.06, -rx - 0.012, HEAD.y - 0.02);
      break;
    case 'long':
      ctx.moveTo(-rx - 0.03, HEAD.y + 0.02);
      ctx.bezierCurveTo(-rx - 0.03, top - 0.02, rx + 0.03, top - 0.02, rx + 0.03, HEAD.y + 0.02);
      ctx.bezierCurveTo(rx * 0.9, HEAD.y - 0.08, rx * 0.2, HEAD.y - 0.16, 0, HEAD.y - 0.17);
      ctx.bezierCurveTo(-rx * 0.2, HEAD.y - 0.16, -rx * 0.9, HEAD.y - 0.08, -rx - 0.03, HEAD.y + 0.02);
      break;
    default:
      ctx.moveTo(-rx - 0.01, HEAD.y - 0.04);
      ctx.bezierCurveTo(-rx - 0.02, top, rx + 0.02, top, rx + 0.01, HEAD.y - 0.04);
      ctx.bezierCurveTo(rx * 0.7, HEAD.y - 0.15, -rx * 0.7, HEAD.y - 0.15, -rx - 0.01, HEAD.y - 0.04);
  }
  ctx.closePath();
  ctx.fill();
}
