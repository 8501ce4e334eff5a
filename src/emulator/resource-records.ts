/** A Video Agent session: its prompt and the video the stand-in agent makes. */
export interface AgentSession {
  id: string;
  prompt: string;
  title: string;
  createdAt: number;
  videoId: string;
  stopped?: boolean;
  request: unknown;
}

/** A photo avatar: one group with one look, made from an uploaded picture. */
export interface PhotoAvatar {
  groupId: string;
  lookId: string;
  name: string;
  photo: Buffer;
  width: number;
  height: number;
  createdAt: number;
  /** when training ends (the look is `processing` until then) */
  readyAt: number;
  /** HeyGen wants the person's consent first; cleared when the consent page is visited */
  needsConsent?: boolean;
  consentAt?: number;
  error?: { code: string; message: string };
}

/** A lipsync or a video translation: a record of HeyGen's shape over one internal render job. */
export interface DerivedVideo {
  id: string;
  jobId: string;
  title: string | null;
  callbackId: string | null;
  createdAt: number;
  inputLanguage?: string;
  outputLanguage?: string;
  captions: boolean;
  deleted?: boolean;
}

/** A proofread session: the translated SRT, waiting for review before the video is made. */
export interface Proofread {
  id: string;
  title: string;
  createdAt: number;
  readyAt: number;
  inputLanguage: string;
  outputLanguage: string;
  /** the source video's file and the SRT of its words */
  videoFile: string;
  originalSrt: string;
  /** the SRT the video will speak: the translation, or the user's edit */
  srt: string;
  submitted: boolean;
}
