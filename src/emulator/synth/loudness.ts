/** RMS (0–1) of each video frame's slice of the audio, the slice centred on the frame's time. */
export function frameRms(samples: Int16Array, sampleRate: number, fps: number, frames: number): Float32Array {
  const out = new Float32Array(frames);
  const half = sampleRate / fps / 2;
  for (let f = 0; f < frames; f++) {
    const centre = ((f + 0.5) * sampleRate) / fps;
    const a = Math.max(0, Math.floor(centre - half));
    const b = Math.min(samples.length, Math.ceil(centre + half));
    let acc = 0;
    for (let i = a; i < b; i++) {
      const v = (samples[i] ?? 0) / 32768;
      acc += v * v;
    }
    out[f] = b > a ? Math.sqrt(acc / (b - a)) : 0;
  }
  return out;
}

/** Maps RMS to mouth levels 0..levels-1, relative to the clip's own loud frames so quiet and loud voices both animate. */
export function mouthLevels(rms: Float32Array, levels: number): Uint8Array {
  const voiced = Array.from(rms).filter((v) => v > 0.005).sort((a, b) => a - b);
  const ref = voiced.length ? (voiced[Math.floor(voiced.length * 0.9)] ?? 0.1) : 0.1;
  const gate = Math.max(0.004, ref * 0.08);
  const out = new Uint8Array(rms.length);
  for (let i = 0; i < rms.length; i++) {
    const v = rms[i] ?? 0;
    const open = v <= gate ? 0 : Math.min(1, (v - gate) / (ref - gate));
    out[i] = Math.round(open * (levels - 1));
  }
  return out;
}
