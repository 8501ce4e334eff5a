import type { PlannedClip } from './plan';

const KANJI = /\p{Script=Han}/gu;

/**
 * The warning for clips the emulator's eSpeak NG voice will mangle: it reads Japanese kana but says "Chinese letter"
 * (in English) for each kanji. One message for the run, naming each scene and its kanji, or null when none has any.
 */
export function offlineSpeechWarning(clips: PlannedClip[]): string | null {
  const lines: string[] = [];
  for (const c of clips) {
    if (c.cached || c.refetch || c.request.source || c.request.speech.type !== 'script') continue;
    const locale = c.request.voice.locale ?? c.usedBy[0]!.locale;
    if (!/^ja\b/i.test(locale)) continue;
    const kanji = [...new Set(c.request.speech.script.match(KANJI) ?? [])];
    if (!kanji.length) continue;
    for (const u of c.usedBy) lines.push(`  ${u.file} ${u.locale} scene ${u.scene + 1}: ${kanji.slice(0, 12).join('')}${kanji.length > 12 ? '…' : ''}`);
  }
  if (!lines.length) return null;
  return [
    `warning: the offline placeholder voice (eSpeak NG) reads Japanese kana but not kanji: it says "Chinese letter" for each of these.`,
    ...lines,
    `  Write these scripts in kana (hiragana/katakana) for offline speech; with a HeyGen key the real voice reads kanji.`,
  ].join('\n');
}
