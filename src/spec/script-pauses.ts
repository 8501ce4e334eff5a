/**
 * The longest single `<break>` a script may hold. HeyGen documents no limit and bills the silence as video, so a
 * typo such as time="600s" would pay for ten minutes of nothing; 10 s is longer than any pause a talk needs.
 */
export const MAX_BREAK_SEC = 10;

const BREAK = /<break\s+time="([\d.]+)(m?s)"\s*\/>/g;

/** Every `<break time="…"/>` of a script, in seconds. */
export function breakSeconds(script: string): number[] {
  return [...script.matchAll(BREAK)].map((m) => (m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1])));
}

/** What is wrong with a script's pauses, or null. */
export function pauseProblem(script: string): string | null {
  const longest = Math.max(0, ...breakSeconds(script));
  if (longest <= MAX_BREAK_SEC) return null;
  return `a <break> of ${longest} s is over the ${MAX_BREAK_SEC} s allowed per pause (HeyGen bills silence as video); shorten it, or split the scene`;
}
