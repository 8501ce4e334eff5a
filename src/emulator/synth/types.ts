export interface WordTiming {
  word: string;
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
}

export interface SpeechRequest {
  text: string;
  voiceId?: string;
  /** 0.5–1.5, default 1. */
  speed?: number;
  /** BCP 47 language to speak (HeyGen's voice_settings.locale, or the catalog voice's language); default English. */
  locale?: string;
}

export interface Speech {
  /** 16-bit PCM mono WAV. */
  wav: Buffer;
  sampleRate: number;
  durationSec: number;
  words: WordTiming[];
  /** The espeak-ng voice that spoke it, e.g. "de+f3". */
  voice: string;
}

export interface ClipRequest {
  width: number;
  height: number;
  /** Default 25. */
  fps?: number;
  /** Chooses the look deterministically: distinct ids give distinct looks. */
  avatarId?: string;
  /** PNG/JPEG bytes of a photo avatar (HeyGen type:"image"), gently animated instead of the drawn figure. */
  photo?: Buffer;
  /** PNG/JPEG drawn behind the presenter, stretched to the frame (the emulator's title cards): the clip is opaque. */
  backdrop?: Buffer;
  speech: { text: string; voiceId?: string; speed?: number; locale?: string } | { audio: Buffer };
  /** Stamp each frame's index into the clip (see frameMarkerRect). */
  frameMarker?: boolean;
  /** Video codec, default 'vp9' (what HeyGen's WebMs most likely use); 'vp8' is there for comparison: slower and larger here. */
  codec?: 'vp8' | 'vp9';
}

export interface ClipStats {
  /** Distinct pictures drawn (the rest of the frames reuse them). */
  pictures: number;
  /** Frames piped to ffmpeg (a frame equal to the previous one is repeated by ffmpeg instead). */
  sentFrames: number;
  /** CPU seconds used by ffmpeg, and by this process during the call (which includes anything else it ran meanwhile). */
  ffmpegCpuSec: number;
  nodeCpuSec: number;
}

export interface ClipResult {
  durationSec: number;
  frames: number;
  fps: number;
  width: number;
  height: number;
  /** Word timings of the speech (empty when the clip was made from supplied audio: there is no text to time). */
  words: WordTiming[];
  srt: string;
  /** The espeak-ng voice of synthesized speech (also the audio stream's title in the WebM). */
  voice?: string;
  /** How the clip was made (for benchmarks); optional so stand-in synthesizers need not invent it. */
  stats?: ClipStats;
}
