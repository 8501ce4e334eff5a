export interface Pcm {
  sampleRate: number;
  /** Mono 16-bit samples. */
  samples: Int16Array;
}

/** Reads a PCM WAV (8/16/24/32-bit int or 32-bit float, any channel count) and mixes it down to mono 16-bit. */
export function parseWav(buf: Uint8Array): Pcm {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (o: number) => String.fromCharCode(buf[o] ?? 0, buf[o + 1] ?? 0, buf[o + 2] ?? 0, buf[o + 3] ?? 0);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let fmt: { format: number; channels: number; sampleRate: number; bits: number } | undefined;
  let off = 12;
  while (off + 8 <= buf.length) {
    const id = tag(off);
    let size = view.getUint32(off + 4, true);
    const body = off + 8;
    // Streamed WAVs (espeak writes 0x7ffff... sizes) claim more data than exists; clamp to the buffer.
    if (body + size > buf.length) size = buf.length - body;
    if (id === 'fmt ') {
      let format = view.getUint16(body, true);
      if (format === 0xfffe && size >= 26) format = view.getUint16(body + 24, true);
      fmt = { format, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before fmt chunk');
      return { sampleRate: fmt.sampleRate, samples: decodeSamples(view, body, size, fmt) };
    }
    off = body + size + (size & 1);
  }
  throw new Error('WAV has no data chunk');
}

function decodeSamples(view: DataView, start: number, size: number, fmt: { format: number; channels: number; bits: number }): Int16Array {
  const bytes = fmt.bits / 8;
  const frameBytes = bytes * fmt.channels;
  const n = Math.floor(size / frameBytes);
  const out = new Int16Array(n);
  const read = (o: number): number => {
    if (fmt.format === 3 && fmt.bits === 32) return view.getFloat32(o, true);
    if (fmt.format !== 1) throw new Error(`unsupported WAV format ${fmt.format}`);
    if (fmt.bits === 16) return view.getInt16(o, true) / 32768;
    if (fmt.bits === 8) return (view.getUint8(o) - 128) / 128;
    if (fmt.bits === 24) return ((view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getInt8(o + 2) << 16)) / 8388608);
    if (fmt.bits === 32) return view.getInt32(o, true) / 2147483648;
    throw new Error(`unsupported WAV bit depth ${fmt.bits}`);
  };
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let c = 0; c < fmt.channels; c++) acc += read(start + i * frameBytes + c * bytes);
    out[i] = Math.max(-32768, Math.min(32767, Math.round((acc / fmt.channels) * 32767)));
  }
  return out;
}

/** Writes mono 16-bit PCM as a canonical 44-byte-header WAV. */
export function encodeWav(pcm: Pcm): Buffer {
  const data = pcm.samples.length * 2;
  const buf = Buffer.alloc(44 + data);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + data, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(pcm.sampleRate, 24);
  buf.writeUInt32LE(pcm.sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(data, 40);
  for (let i = 0; i < pcm.samples.length; i++) buf.writeInt16LE(pcm.samples[i] ?? 0, 44 + i * 2);
  return buf;
}
