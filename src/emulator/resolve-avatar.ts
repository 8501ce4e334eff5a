import type { EmulatorContext } from './emulator-context';
import { findLook } from './catalog';
import { HttpError } from './http-error';
import { findPhotoAvatar, photoAvatarStatus } from './photo-avatars';

/** What an `avatar_id` draws: a catalogue look (its default voice) or a finished photo avatar (its picture). */
export function resolveAvatar(ctx: EmulatorContext, avatarId: string, param: string): { avatarId: string; photo?: Buffer; defaultVoice?: string } {
  const look = findLook(avatarId);
  if (look) return { avatarId, defaultVoice: look.default_voice_id };
  const photo = findPhotoAvatar(ctx, avatarId);
  if (photo && photo.lookId === avatarId) {
    const status = photoAvatarStatus(photo);
    if (status !== 'completed') throw new HttpError(400, `Avatar ${avatarId} is ${status}, not ready for videos`, { code: 'invalid_parameter', param });
    return { avatarId, photo: photo.photo };
  }
  if (ctx.acceptUnknownIds) return { avatarId };
  throw new HttpError(404, `Avatar ${avatarId} not found`, { code: 'avatar_not_found', param });
}
