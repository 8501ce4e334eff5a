import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface RgbaImage {
  width: number;
  height: number;
  /** Straight (not premultiplied) RGBA, row-major. */
  data: Uint8Array;
}

/** Splits a stream of concatenated PNG files (ffmpeg's image2pipe output) into one buffer per image. */
export function splitPngStream(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let off = 0;
  while (off + 8 <= buf.length) {
    if (!buf.subarray(off, off + 8).equals(SIGNATURE)) throw new Error(`not a PNG at byte ${off}`);
    let p = off + 8;
    for (;;) {
      if (p + 8 > buf.length) throw new Error('truncated PNG stream');
      const len = buf.readUInt32BE(p);
      const type = buf.toString('latin1', p + 4, p + 8);
      p += 12 + len;
      if (type === 'IEND') break;
    }
    out.push(buf.subarray(off, p));
    off = p;
  }
  return out;
}

/** Decodes an 8-bit, non-interlaced grey/RGB/RGBA PNG (what ffmpeg writes) to straight RGBA. */
export function decodePng(png: Buffer): RgbaImage {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let p = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (p + 8 <= png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const body = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      colorType = body[9] ?? 0;
      if (depth !== 8 || body[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, interlace ${body[12]}`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    p += 12 + len;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (rows[dst + x - channels] ?? 0) : 0;
      const b = y > 0 ? (rows[dst - stride + x] ?? 0) : 0;
      const c = y > 0 && x >= channels ? (rows[dst - stride + x - channels] ?? 0) : 0;
      const v = raw[src + x] ?? 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[dst + x] = (v + pred) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    if (channels >= 3) {
      data[i * 4] = rows[s] ?? 0;
      data[i * 4 + 1] = rows[s + 1] ?? 0;
      data[i * 4 + 2] = rows[s + 2] ?? 0;
    } else {
      data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = rows[s] ?? 0;
    }
    data[i * 4 + 3] = channels === 4 ? (rows[s + 3] ?? 255) : channels === 2 ? (rows[s + 1] ?? 255) : 255;
  }
  return { width, height, data };
}
