/** Measures a string's width in pixels at the font in use. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

function shorten(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? ELLIPSIS : text.slice(0, lo).trimEnd() + ELLIPSIS;
}

/** The longest head of a too-wide word that fits with a hyphen (letters) or without (CJK), or null when none does. */
function breakWord(word: string, maxWidth: number, measure: Measure): [string, string] | null {
  const chars = [...word];
  for (let k = chars.length - 1; k >= 2; k--) {
    const head = chars.slice(0, k).join('');
    const joiner = /\p{L}$/u.test(head) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(head) ? '-' : '';
    if (measure(head + joiner) <= maxWidth) return [head + joiner, chars.slice(k).join('')];
  }
  return null;
}

/**
 * Wraps a label into at most `maxLines` lines of `maxWidth`, breaking between words; a word wider than a line
 * (a German compound, a CJK phrase) is broken inside when another line is free; a last line that still does not
 * fit is shortened with an ellipsis, so a label never overflows its slot.
 */
export function fitLabel(text: string, maxWidth: number, maxLines: number, measure: Measure): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i]!;
    const split = lines.length < maxLines - 1 && measure(line) > maxWidth ? breakWord(line, maxWidth, measure) : null;
    if (split) {
      lines.push(split[0]);
      words[i] = split[1];
      continue;
    }
    i++;
    while (i < words.length && measure(`${line} ${words[i]}`) <= maxWidth) {
      line = `${line} ${words[i]}`;
      i++;
    }
    lines.push(line);
  }
  if (i < words.length) lines[lines.length - 1] = `${lines[lines.length - 1]} ${words.slice(i).join(' ')}`;
  return lines.map((l) => shorten(l, maxWidth, measure));
}
