export type { WordTiming, SpeechRequest, Speech, ClipRequest, ClipResult } from './types';
export { synthesizeSpeech } from './speech';
export { synthesizeClip } from './clip';
export { wordsToSrt } from './srt';
export { dimensionsFor } from './dimensions';
export type { Resolution, AspectRatio } from './dimensions';
