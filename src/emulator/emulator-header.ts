/** Set on every response of the emulator (HeyGen never sends it): how a client learns that clips are placeholders. */
export const EMULATOR_HEADER = 'x-heygen-emulator';
