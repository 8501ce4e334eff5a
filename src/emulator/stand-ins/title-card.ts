import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';

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
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const hue = card.hue ?? 220;
  const bg = ctx.createLinearGradient(0, 0, width, height);
  bg.addColorStop(0, `hsl(${hue}, 55%, 22%)`);
  bg.addColorStop(1, `hsl(${(hue + 40) % 360}, 60%, 38%)`);
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, width, height);
  const unit = Math.min(width, height) / 20;
  const textWidth = card.image ? width * 0.55 : width * 0.86;
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'top';
  ctx.font = `bold ${Math.round(unit * 1.6)}px sans-serif`;
  let y = unit * 1.4;
  for (const line of wrap(ctx, card.title, textWidth, 2)) {
    ctx.fillText(line, width * 0.07, y);
    y += unit * 2;
  }
  ctx.font = `${Math.round(unit * 0.8)}px sans-serif`;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  for (const text of card.lines ?? []) {
    for (const line of wrap(ctx, text, textWidth, 2)) {
      ctx.fillText(line, width * 0.07, y);
      y += unit * 1.1;
    }
  }
  if (card.image) {
    const img = await loadImage(card.image);
    const box = { x: width * 0.66, y: unit * 1.4, w: width * 0.28, h: height * 0.4 };
    const s = Math.min(box.w / img.width, box.h / img.height);
    ctx.drawImage(img, box.x + (box.w - img.width * s) / 2, box.y, img.width * s, img.height * s);
  }
  return canvas.toBuffer('image/png');
}
