import type { PlannedClip } from './plan';
import type { ClipState, PrebuildEvent } from './run-prebuild';

/** Shown after the spec id when a run makes more than one language. */
let showLocales = false;
const localeTag = (locale: string) => (showLocales ? `.${locale}` : '');

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function clipLabel(clip: PlannedClip): string {
  const use = clip.usedBy[0]!;
  return `${use.specId}${localeTag(use.locale)} scene ${use.scene + 1}${clip.usedBy.length > 1 ? ` (+${clip.usedBy.length - 1})` : ''}`;
}

export interface Reporter {
  onEvent(e: PrebuildEvent): void;
  done(): void;
}

/**
 * One line per clip. On a terminal the lines are redrawn in place; elsewhere (CI, a pipe) each state change
 * is one plain line; with --json one JSON object per event.
 */
export function createPrebuildReporter(opts: { json?: boolean; stream?: NodeJS.WriteStream } = {}): Reporter {
  const out = opts.stream ?? process.stderr;
  const tty = !opts.json && !!out.isTTY;
  const rows = new Map<string, { label: string; state: ClipState; elapsedMs: number; detail?: string }>();
  const started = Date.now();
  let drawn = 0;
  let ticker: NodeJS.Timeout | undefined;

  const line = (r: { label: string; state: ClipState; elapsedMs: number; detail?: string }) =>
    `  ${r.state.padEnd(11)} ${r.label.padEnd(28)} ${seconds(r.elapsedMs).padStart(7)}${r.detail ? `  ${r.detail}` : ''}`;

  const redraw = () => {
    if (drawn) out.write(`\x1b[${drawn}A`);
    const lines = [...rows.values()].map(line);
    const ready = [...rows.values()].filter((r) => r.state === 'ready' || r.state === 'cached').length;
    lines.push(`  ${ready}/${rows.size} clips ready · ${seconds(Date.now() - started)}`);
    out.write(lines.map((l) => `\x1b[2K${l}\n`).join(''));
    drawn = lines.length;
  };

  return {
    onEvent(e) {
      if (opts.json) {
        const { clip: _clip, ...rest } = e.type === 'clip' ? e : e.type === 'avatar' ? { ...e, avatar: undefined, photo: e.avatar.request.path, clip: undefined } : { ...e, clip: undefined };
        out.write(`${JSON.stringify(e.type === 'plan' ? { type: 'plan', backend: e.backend, avatars: e.avatars?.map((a) => ({ key: a.key, photo: a.request.path, cached: a.cached, clips: a.clips })), clips: e.plan.clips.map((c) => ({ key: c.key, cached: c.cached, usedBy: c.usedBy, kind: c.kind, estimatedSec: c.estimatedSec, estimateBasis: c.estimateBasis, estimatedUsd: c.estimatedUsd })) } : rest)}\n`);
        return;
      }
      if (e.type === 'plan') {
        showLocales = new Set(e.plan.clips.flatMap((c) => c.usedBy.map((u) => u.locale))).size > 1;
        const todo = e.plan.clips.filter((c) => !c.cached);
        out.write(`Prebuild: ${e.plan.clips.length} clips, ${e.plan.clips.length - todo.length} cached, ${todo.length} to generate via ${e.backend}\n`);
        if (e.dryRun) {
          for (const c of e.plan.clips) {
            const use = c.usedBy.map((u) => `${u.specId}${localeTag(u.locale)}#${u.scene + 1}`).join(', ');
            out.write(`  ${(c.cached ? 'cached' : 'generate').padEnd(9)} ${c.key.slice(0, 12)}  ${c.kind.padEnd(15)} ${use.padEnd(28)} ~${c.estimatedSec.toFixed(1)} s${c.estimatedUsd ? `  about $${c.estimatedUsd.toFixed(2)}` : ''}${c.estimateBasis && !c.cached ? `  (estimate: ${c.estimateBasis})` : ''}\n`);
          }
          // a photo avatar is made once, before its clips; HeyGen bills it by plan, not by the second
          for (const a of e.avatars ?? []) out.write(`  ${(a.cached ? 'cached' : 'create').padEnd(9)} ${a.key.slice(0, 12)}  ${'photo-avatar'.padEnd(15)} ${a.request.path.padEnd(28)} once, for ${a.clips} clip(s); no per-second cost (your plan's photo avatar allowance)\n`);
        } else if (tty) ticker = setInterval(redraw, 500);
        return;
      }
      if (e.type === 'warning') {
        out.write(`${e.message}\n`);
        return;
      }
      const label = e.type === 'avatar' ? `photo avatar ${e.avatar.request.path}` : clipLabel(e.clip);
      const prev = rows.get(e.key);
      rows.set(e.key, { label, state: e.state, elapsedMs: e.elapsedMs, detail: e.detail });
      if (tty) redraw();
      else if (prev?.state !== e.state) out.write(`${line(rows.get(e.key)!)}\n`);
    },
    done() {
      if (ticker) clearInterval(ticker);
      if (tty && rows.size) redraw();
    },
  };
}
