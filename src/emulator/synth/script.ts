export type ScriptPart = { kind: 'text'; text: string } | { kind: 'break'; seconds: number };

const BREAK = /<break\s+time\s*=\s*["']?\s*([0-9]*\.?[0-9]+)\s*(ms|s)\s*["']?\s*\/?>(?:\s*<\/break>)?/gi;

/** Splits a HeyGen script into spoken text and `<break time="1.5s"/>` / `"300ms"` pauses (adjacent pauses add up). */
export function parseScript(script: string): ScriptPart[] {
  const parts: ScriptPart[] = [];
  const pushText = (raw: string) => {
    // Other markup is not spoken: strip tags and collapse whitespace.
    const text = raw.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    if (text) parts.push({ kind: 'text', text });
  };
  let last = 0;
  for (const m of script.matchAll(BREAK)) {
    pushText(script.slice(last, m.index));
    const value = Number(m[1]);
    const seconds = (m[2] ?? 's').toLowerCase() === 'ms' ? value / 1000 : value;
    const prev = parts[parts.length - 1];
    if (prev?.kind === 'break') prev.seconds += seconds;
    else parts.push({ kind: 'break', seconds });
    last = m.index + m[0].length;
  }
  pushText(script.slice(last));
  return parts;
}
