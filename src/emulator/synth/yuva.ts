/** A planar YUVA 4:2:0 image (BT.709, limited-range luma/chroma, full-range alpha) with even dimensions. */
export interface Yuva {
  width: number;
  height: number;
  y: Uint8Array;
  u: Uint8Array;
  v: Uint8Array;
  a: Uint8Array;
}

export function createYuva(width: number, height: number): Yuva {
  if (width % 2 || height % 2) throw new Error(`YUVA 4:2:0 needs even sizes, got ${width}x${height}`);
  const cw = width / 2;
  const ch = height / 2;
  return { width, height, y: new Uint8Array(width * height).fill(16), u: new Uint8Array(cw * ch).fill(128), v: new Uint8Array(cw * ch).fill(128), a: new Uint8Array(width * height) };
}

/** Bytes of one frame in the order ffmpeg's yuva420p expects: Y, U, V, A planes. */
export function yuvaFrameBytes(width: number, height: number): number {
  return width * height * 2 + (width / 2) * (height / 2) * 2;
}

/** Straight RGBA to YUVA 4:2:0 (BT.709, limited range), chroma weighted by alpha so edges do not darken. */
export function rgbaToYuva(straight: Uint8Array | Uint8ClampedArray, width: number, height: number): Yuva {
  const out = createYuva(width, height);
  const rgba = bleedIntoTransparent(straight, width, height);
  const { y: Y, u: U, v: V, a: A } = out;
  for (let i = 0, p = 0; i < width * height; i++, p += 4) {
    const r = rgba[p] ?? 0;
    const g = rgba[p + 1] ?? 0;
    const b = rgba[p + 2] ?? 0;
    Y[i] = (16 + (46.742 * r + 157.243 * g + 15.874 * b) / 255 + 0.5) | 0;
    A[i] = rgba[p + 3] ?? 0;
  }
  const cw = width / 2;
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let wsum = 0;
      for (let k = 0; k < 4; k++) {
        const px = cx * 2 + (k & 1);
        const py = cy * 2 + (k >> 1);
        const p = (py * width + px) * 4;
        const w = rgba[p + 3] ?? 0;
        r += (rgba[p] ?? 0) * w;
        g += (rgba[p + 1] ?? 0) * w;
        b += (rgba[p + 2] ?? 0) * w;
        wsum += w;
      }
      if (wsum === 0) {
        // Fully transparent 2x2 block: use its (bled) colour unweighted.
        for (let k = 0; k < 4; k++) {
          const p = ((cy * 2 + (k >> 1)) * width + cx * 2 + (k & 1)) * 4;
          r += rgba[p] ?? 0;
          g += rgba[p + 1] ?? 0;
          b += rgba[p + 2] ?? 0;
        }
        wsum = 4;
      }
      r /= wsum;
      g /= wsum;
      b /= wsum;
      const c = cy * cw + cx;
      U[c] = Math.min(240, Math.max(16, Math.round(128 + (-25.765 * r - 86.674 * g + 112.439 * b) / 255)));
      V[c] = Math.min(240, Math.max(16, Math.round(128 + (112.439 * r - 102.129 * g - 10.31 * b) / 255)));
    }
  }
  return out;
}

/** How far (px) the figure's colours are carried into the transparent background. */
const BLEED = 32;

/** Gives transparent pixels near the figure its colour, so the codec's faint alpha ringing at edges is not black. */
function bleedIntoTransparent(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const out = Uint8Array.from(rgba);
  const src = new Int32Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let last = -1;
    for (let x = 0; x < width; x++) {
      if ((rgba[(row + x) * 4 + 3] ?? 0) > 0) last = x;
      src[x] = last >= 0 && x - last <= BLEED ? last : -1;
    }
    last = -1;
    for (let x = width - 1; x >= 0; x--) {
      if ((rgba[(row + x) * 4 + 3] ?? 0) > 0) last = x;
      if (last >= 0 && last - x <= BLEED && (src[x] === -1 || last - x < x - (src[x] ?? 0))) src[x] = last;
    }
    for (let x = 0; x < width; x++) {
      const s = src[x] ?? -1;
      const p = (row + x) * 4;
      if (s < 0 || (rgba[p + 3] ?? 0) > 0) continue;
      const q = (row + s) * 4;
      out[p] = rgba[q] ?? 0;
      out[p + 1] = rgba[q + 1] ?? 0;
      out[p + 2] = rgba[q + 2] ?? 0;
    }
  }
  return out;
}

/** Copies `src` into `dst` with its top-left corner at (x, y); both must be even. */
export function blitYuva(dst: Yuva, src: Yuva, x: number, y: number): void {
  if (x % 2 || y % 2) throw new Error(`YUVA blit needs even coordinates, got ${x},${y}`);
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(dst.width, x + src.width);
  const y1 = Math.min(dst.height, y + src.height);
  if (x1 <= x0 || y1 <= y0) return;
  for (let row = y0; row < y1; row++) {
    const s = (row - y) * src.width + (x0 - x);
    dst.y.set(src.y.subarray(s, s + x1 - x0), row * dst.width + x0);
    dst.a.set(src.a.subarray(s, s + x1 - x0), row * dst.width + x0);
  }
  const dcw = dst.width / 2;
  const scw = src.width / 2;
  for (let row = y0 / 2; row < y1 / 2; row++) {
    const s = (row - y / 2) * scw + (x0 - x) / 2;
    const n = (x1 - x0) / 2;
    dst.u.set(src.u.subarray(s, s + n), row * dcw + x0 / 2);
    dst.v.set(src.v.subarray(s, s + n), row * dcw + x0 / 2);
  }
}

/** Writes the frame's planes contiguously (Y, U, V, A) into `out`. */
export function packYuva(f: Yuva, out: Uint8Array): void {
  let o = 0;
  for (const plane of [f.y, f.u, f.v, f.a]) {
    out.set(plane, o);
    o += plane.length;
  }
}

/** A Yuva whose planes are views into one packed frame buffer (Y, U, V, A), so blits write the buffer in place. */
export function yuvaView(buf: Uint8Array, width: number, height: number): Yuva {
  const ys = width * height;
  const cs = (width / 2) * (height / 2);
  if (buf.length < ys * 2 + cs * 2) throw new Error('frame buffer too small');
  return { width, height, y: buf.subarray(0, ys), u: buf.subarray(ys, ys + cs), v: buf.subarray(ys + cs, ys + 2 * cs), a: buf.subarray(ys + 2 * cs, 2 * ys + 2 * cs) };
}

/** Copies the rect (even coordinates) from one frame to another of the same size. */
export function copyYuvaRect(dst: Yuva, src: Yuva, x: number, y: number, width: number, height: number): void {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(dst.width, x + width);
  const y1 = Math.min(dst.height, y + height);
  if (x1 <= x0 || y1 <= y0) return;
  for (let row = y0; row < y1; row++) {
    const o = row * dst.width;
    dst.y.set(src.y.subarray(o + x0, o + x1), o + x0);
    dst.a.set(src.a.subarray(o + x0, o + x1), o + x0);
  }
  const cw = dst.width / 2;
  for (let row = y0 >> 1; row < (y1 + 1) >> 1; row++) {
    const o = row * cw;
    dst.u.set(src.u.subarray(o + (x0 >> 1), o + ((x1 + 1) >> 1)), o + (x0 >> 1));
    dst.v.set(src.v.subarray(o + (x0 >> 1), o + ((x1 + 1) >> 1)), o + (x0 >> 1));
  }
}
