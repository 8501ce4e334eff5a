import type { RenderProgress } from './render-video';

/** Frames, frames/s and ETA on one line: redrawn in place on a terminal, every ~10% otherwise (or when told to). */
export function createRenderReporter(label: string, stream: NodeJS.WriteStream = process.stderr, opts: { inPlace?: boolean } = {}) {
  const started = Date.now();
  const inPlace = opts.inPlace ?? !!stream.isTTY;
  let lastDecile = -1;
  return {
    onProgress(p: RenderProgress) {
      const elapsed = (Date.now() - started) / 1000;
      const fps = p.renderedFrames / Math.max(elapsed, 0.001);
      const eta = fps > 0 ? (p.totalFrames - p.renderedFrames) / fps : 0;
      const text = `  render ${label}: ${p.renderedFrames}/${p.totalFrames} frames · ${fps.toFixed(1)} fps · ${(p.progress * 100).toFixed(0)}% · ETA ${eta.toFixed(0)}s`;
      if (inPlace) stream.write(`\r\x1b[2K${text}`);
      else if (Math.floor(p.progress * 10) !== lastDecile) {
        lastDecile = Math.floor(p.progress * 10);
        stream.write(`${text}\n`);
      }
    },
    done(outFile: string) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${inPlace ? '\r\x1b[2K' : ''}  rendered ${outFile} in ${secs}s\n`);
    },
  };
}
