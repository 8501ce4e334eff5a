import { blitYuva, createYuva, type Yuva } from './yuva';

const COLS = 9;
const ROWS = 2;
/** Frame indices are stamped modulo 2^16 (43 minutes at 25 fps). */
export const FRAME_MARKER_MODULO = 1 << 16;

export interface FrameMarkerRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Side of one square cell in pixels. */
  cell: number;
  cols: number;
  rows: number;
}

/**
 * Where the frame marker sits in a clip of this size: a 9×2 grid of opaque square cells near the top-left corner
 * (left column: a white and a black reference cell; the other 16 cells: the frame index in Gray code, white = 1).
 * Cells are ~1/22 of the short edge (at least 8 px), so they stay several pixels wide after a 1/4 downscale.
 *
 * To read it from a composition that shows the clip scaled by `s` with its top-left corner at (X, Y): take this rect
 * for the clip's own size, map it to { x: X + s·x, y: Y + s·y, width: s·width, height: s·height } and pass that as
 * `rect` to readFrameMarker together with the composition frame's RGBA pixels.
 */
export function frameMarkerRect(width: number, height: number): FrameMarkerRect {
  const cell = 2 * Math.round(Math.min(64, Math.max(8, Math.min(width, height) / 22)) / 2);
  const margin = 2 * Math.round(cell / 4);
  return { x: margin, y: margin, width: cell * COLS, height: cell * ROWS, cell, cols: COLS, rows: ROWS };
}

function gray(n: number): number {
  return (n ^ (n >> 1)) >>> 0;
}

function fromGray(g: number): number {
  let n = g;
  for (let s = g >> 1; s; s >>= 1) n ^= s;
  return n;
}

/** Cell values (true = white) in row-major order for a frame index. */
function cellBits(index: number): boolean[] {
  const g = gray(((index % FRAME_MARKER_MODULO) + FRAME_MARKER_MODULO) % FRAME_MARKER_MODULO);
  const bits: boolean[] = [];
  for (let r = 0; r < ROWS; r++) {
    bits.push(r === 0);
    for (let c = 0; c < COLS - 1; c++) bits.push(((g >> (15 - (r * (COLS - 1) + c))) & 1) === 1);
  }
  return bits;
}

const cellCache = new Map<string, Yuva>();

function solidCell(size: number, white: boolean): Yuva {
  const key = `${size}:${white}`;
  let c = cellCache.get(key);
  if (!c) {
    c = createYuva(size, size);
    c.y.fill(white ? 235 : 16);
    c.a.fill(255);
    cellCache.set(key, c);
  }
  return c;
}

/** Stamps frame `index` into a YUVA frame of the clip's size, through `blit` when given (to track the area). */
export function stampFrameMarker(frame: Yuva, index: number, blit: (patch: Yuva, x: number, y: number) => void = (p, x, y) => blitYuva(frame, p, x, y)): void {
  const r = frameMarkerRect(frame.width, frame.height);
  cellBits(index).forEach((white, k) => {
    blit(solidCell(r.cell, white), r.x + (k % COLS) * r.cell, r.y + Math.floor(k / COLS) * r.cell);
  });
}

/**
 * Reads the frame index stamped by `frameMarker: true` from straight RGBA pixels. `rect` is where the marker lies in
 * this image (default: frameMarkerRect of the image size, i.e. the image is the clip frame itself). Returns null when
 * no readable marker is there: the reference cells lack contrast, a cell is transparent, or a cell is ambiguous.
 */
export function readFrameMarker(rgba: Uint8Array | Uint8ClampedArray | Buffer, width: number, height: number, rect?: { x: number; y: number; width: number; height: number }): number | null {
  const r = rect ?? frameMarkerRect(width, height);
  const cw = r.width / COLS;
  const ch = r.height / ROWS;
  const luma: number[] = [];
  for (let row = 0; row < ROWS; row++) {
    for (let col = 0; col < COLS; col++) {
      // Sample the middle half of each cell: edges blur under scaling and compression.
      const x0 = Math.round(r.x + (col + 0.25) * cw);
      const x1 = Math.max(x0 + 1, Math.round(r.x + (col + 0.75) * cw));
      const y0 = Math.round(r.y + (row + 0.25) * ch);
      const y1 = Math.max(y0 + 1, Math.round(r.y + (row + 0.75) * ch));
      if (x0 < 0 || y0 < 0 || x1 > width || y1 > height) return null;
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const p = (y * width + x) * 4;
          if ((rgba[p + 3] ?? 0) < 200) return null;
          sum += 0.2126 * (rgba[p] ?? 0) + 0.7152 * (rgba[p + 1] ?? 0) + 0.0722 * (rgba[p + 2] ?? 0);
          n++;
        }
      }
      luma.push(sum / n);
    }
  }
  const white = luma[0] ?? 0;
  const black = luma[COLS] ?? 255;
  if (white - black < 80) return null;
  const mid = (white + black) / 2;
  const margin = (white - black) * 0.2;
  let g = 0;
  for (let row = 0; row < ROWS; row++) {
    for (let col = 1; col < COLS; col++) {
      const l = luma[row * COLS + col] ?? mid;
      if (Math.abs(l - mid) < margin) return null;
      g = (g << 1) | (l > mid ? 1 : 0);
    }
  }
  return fromGray(g);
}
