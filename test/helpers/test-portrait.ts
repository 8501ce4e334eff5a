import { createCanvas } from '@napi-rs/canvas';

/** A 256×256 PNG of a face-like disc on a backdrop: the photo a test makes a photo avatar from. */
export function testPortrait(backdrop = '#3b6ea5', face = '#e0b48f'): Buffer {
  const canvas = createCanvas(256, 256);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = backdrop;
  ctx.fillRect(0, 0, 256, 256);
  ctx.fillStyle = face;
  ctx.beginPath();
  ctx.arc(128, 110, 60, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#222';
  ctx.fillRect(100, 95, 12, 8);
  ctx.fillRect(144, 95, 12, 8);
  return canvas.toBuffer('image/png');
}
