import type { SKRSContext2D } from '@napi-rs/canvas';

export interface TitleCard {
  width: number;
  height: number;
  title: string;
  /** smaller lines under the title */
  lines?: string[];
  /** a picture (PNG/JPEG bytes) shown at the side: a template's image variable */
  image?: Buffer;
  /** hue 0–360 of the gradient, so distinct templates look distinct */
  hue?: number;
}

function wrap(ctx: SKRSContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width <= maxWidth || !line) line = next;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > maxLines) out.splice(maxLines, out.length - maxLines, `${out[maxLines]?.replace(/\s*\S*$/, '') ?? ''}…`);
  return out.slice(0, maxLines);
}

/** A title card PNG the emulator's stand-in videos put behind the presenter (Video Agent and template videos). */
export async function drawTitleCard(card: TitleCard): Promise<Buffer> {
  const { width, height } = card;
  // The native canvas loads with the first card, not when the emulator starts (see server.ts).
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const hue = card.hue ?? 220;
  const bg = ctx.createLinearGradient(0, 0, width, height);
  bg.addColorStop(0, `hsl(${hue}, 55%, 22%)`);
  bg.addColorStop(1, `hsl(${(hue + 40) % 360}, 60%, 38%)`);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, width, height);
  // the presenter stands in the middle: text keeps to the left column, the picture to the right one
  const unit = Math.min(width, height) / 20;
  const column = width > height ? width * 0.25 : width * 0.86;
  const x = width * 0.03;
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'top';
  ctx.font = `bold ${Math.round(unit * 1.05)}px sans-serif`;
  let y = unit * 1.2;
  for (const line of wrap(ctx, card.title, column, 4)) {
    ctx.fillText(line, x, y);
    y += unit * 1.35;
  }
  y += unit * 0.4;
  ctx.font = `${Math.round(unit * 0.65)}px sans-serif`;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  for (const text of card.lines ?? []) {
    for (const line of wrap(ctx, text, column, 3)) {
      ctx.fillText(line, x, y);
      y += unit * 0.9;
    }
  }
  if (card.image) {
    const img = await loadImage(card.image);
    const box = width > height ? { x: width * 0.74, y: unit * 1.2, w: width * 0.23, h: height * 0.5 } : { x: width * 0.07, y: height * 0.3, w: width * 0.3, h: height * 0.2 };
    const s = Math.min(box.w / img.width, box.h / img.height);
    ctx.drawImage(img, box.x + (box.w - img.width * s) / 2, box.y, img.width * s, img.height * s);
  }
  return canvas.toBuffer('image/png');
}
