import { createCanvas } from '@napi-rs/canvas';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { synthesizeClip } from '../src/emulator/synth/index';
import { parseCommandLine } from '../src/lib/cli-flags';

// Makes the small presenter clip (and a mock screenshot) that Studio's default props use before any prebuild.
// Run once and commit the output: `npx tsx scripts/make-sample-clip.ts`.
parseCommandLine({ usage: 'Usage: npx tsx scripts/make-sample-clip.ts\nWrites public/sample/ (the presenter clip and screenshot Studio shows before any prebuild).', options: {} }, () => undefined);
const OUT = path.resolve('public/sample');
const SIZE = 480;
const SCRIPT = 'Here is your presenter, with the numbers right beside me. Edit the props and watch the charts follow.';

function drawScreenshot(): Buffer {
  const w = 1280;
  const h = 800;
  const c = createCanvas(w, h);
  const g = c.getContext('2d');
  g.fillStyle = '#f8fafc';
  g.fillRect(0, 0, w, h);
  g.fillStyle = '#0f172a';
  g.fillRect(0, 0, 220, h);
  g.fillStyle = '#38bdf8';
  g.fillRect(28, 32, 36, 36);
  g.fillStyle = '#334155';
  for (let i = 0; i < 6; i++) g.fillRect(28, 120 + i * 56, 150 - (i % 3) * 24, 14);
  g.fillStyle = '#e2e8f0';
  g.fillRect(220, 0, w - 220, 72);
  const cards = ['#38bdf8', '#f59e0b', '#34d399'];
  cards.forEach((col, i) => {
    const x = 260 + i * 330;
    g.fillStyle = '#ffffff';
    g.fillRect(x, 110, 300, 150);
    g.fillStyle = '#94a3b8';
    g.fillRect(x + 24, 140, 120, 12);
    g.fillStyle = col;
    g.fillRect(x + 24, 180, 170, 40);
  });
  g.fillStyle = '#ffffff';
  g.fillRect(260, 300, 960, 440);
  g.strokeStyle = '#38bdf8';
  g.lineWidth = 6;
  g.beginPath();
  const pts = [520, 480, 500, 430, 440, 380, 400, 350, 360];
  pts.forEach((y, i) => (i ? g.lineTo(300 + i * 110, y + 80) : g.moveTo(300, y + 80)));
  g.stroke();
  g.fillStyle = '#e2e8f0';
  for (let i = 0; i < 4; i++) g.fillRect(300, 360 + i * 90, 880, 2);
  return c.toBuffer('image/png');
}

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="96" viewBox="0 0 320 96">
  <rect x="4" y="12" width="72" height="72" rx="18" fill="#38bdf8"/>
  <path d="M22 64 L22 44 M36 64 L36 32 M50 64 L50 50 M62 64 L62 24" stroke="#0f172a" stroke-width="8" stroke-linecap="round"/>
  <text x="92" y="64" font-family="Inter, DejaVu Sans, sans-serif" font-size="40" font-weight="700" fill="#f8fafc">Northwind</text>
</svg>
`;

await mkdir(OUT, { recursive: true });
const clipFile = path.join(OUT, 'presenter.webm');
const clip = await synthesizeClip({ width: SIZE, height: SIZE, fps: 25, avatarId: 'sample-presenter', speech: { text: SCRIPT } }, clipFile);
const round = (n: number) => Math.round(n * 1000) / 1000;
const words = clip.words.map((w) => ({ word: w.word, start: round(w.start), end: round(w.end) }));
await writeFile(path.join(OUT, 'presenter.srt'), clip.srt);
await writeFile(path.join(OUT, 'presenter.words.json'), `${JSON.stringify(words, null, 2)}\n`);
const info = { file: 'sample/presenter.webm', subtitles: 'sample/presenter.srt', durationSec: clip.durationSec, fps: clip.fps, width: clip.width, height: clip.height, sizeBytes: (await stat(clipFile)).size };
await writeFile(path.join(OUT, 'presenter.json'), `${JSON.stringify(info, null, 2)}\n`);
await writeFile(path.join(OUT, 'screenshot.png'), drawScreenshot());
await writeFile(path.join(OUT, 'logo.svg'), LOGO);
console.log(`wrote ${path.relative(process.cwd(), clipFile)}: ${clip.durationSec}s, ${clip.frames} frames, ${info.sizeBytes} bytes, ${words.length} words`);
