const SENTINELS = new Set(['<start>', '<end>']);

/** HeyGen's speech timestamps open and close with `<start>`/`<end>` markers that are not words. */
export function stripSentinels<T extends { word: string }>(words: readonly T[]): T[] {
  return words.filter((w) => !SENTINELS.has(w.word.trim()));
}
