import { staticFile } from 'remotion';
import { STUDIO_INDEX_PATH, type StudioIndex } from '../../src/spec/studio-index';

/** The index `npm run studio` writes of videos/ (null when it did not run: plain `remotion studio`, renders, Lambda). */
export async function loadStudioIndex(): Promise<StudioIndex | null> {
  try {
    const res = await fetch(staticFile(STUDIO_INDEX_PATH), { cache: 'no-store' });
    if (!res.ok) return null;
    const index = (await res.json()) as StudioIndex;
    return index.version === 1 && Array.isArray(index.entries) ? index : null;
  } catch {
    return null;
  }
}

// Read once before registerRoot (remotion/index.ts), so a render finds the spec compositions at its first look.
let initial: StudioIndex | null = null;
export function setInitialStudioIndex(index: StudioIndex | null): void {
  initial = index;
}
export function initialStudioIndex(): StudioIndex | null {
  return initial;
}
