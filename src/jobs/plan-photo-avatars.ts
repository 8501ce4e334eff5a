import { contentHash } from '../spec/content-hash';
import type { PhotoAvatarRequest } from './kinds/photo-avatar';
import type { PhotoAvatarStore } from './photo-avatar-store';
import type { PlannedClip } from './plan';

/** One persistent photo avatar a run needs: made once, before the clips that use it. */
export interface PlannedPhotoAvatar {
  key: string;
  request: PhotoAvatarRequest;
  /** Clips to generate that use it. */
  clips: number;
  /** Already made in this account (its look id is stored): nothing to do. */
  cached: boolean;
}

/** The persistent photo avatars the clips to generate need, one per photo content (not per path or spec). */
export async function planPhotoAvatars(clips: PlannedClip[], hashes: Record<string, string>, store: PhotoAvatarStore): Promise<PlannedPhotoAvatar[]> {
  const byHash = new Map<string, PlannedPhotoAvatar>();
  for (const c of clips) {
    const a = c.request.avatar;
    if (c.cached || c.refetch || a.type !== 'photo' || !a.persistent) continue;
    const hash = hashes[a.path];
    if (!hash) throw new Error(`${a.path} was not hashed`);
    const known = byHash.get(hash);
    if (known) {
      known.clips++;
      continue;
    }
    const name = a.path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
    byHash.set(hash, { key: `photo-${contentHash({ photoAvatar: hash })}`, request: { path: a.path, hash, name }, clips: 1, cached: Boolean(await store.get(hash)) });
  }
  return [...byHash.values()];
}
