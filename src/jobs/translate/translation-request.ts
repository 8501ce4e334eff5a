/** One language of one finished video, as a job's request (src/jobs/kinds/video-translation.ts and friends). */
export interface TranslationRequest {
  /** The finished video: uploaded once per account (the asset cache), its name the job's title. */
  video: string;
  /** One of `GET /v3/video-translations/languages`. */
  language: string;
  /** What the video says, sent as the input SRT. */
  srt?: string;
  /** Where the results go: <outBase>.mp4, .srt, and .review.srt for a proofread. */
  outBase: string;
  /** `--resume`: the finished proofread and the reviewed SRT the video is generated from. */
  proofread?: { id: string; key: string; srt: string };
}

/** The outputs of a request: `out/example.spanish-spain` -> .mp4, .srt, .review.srt. */
export const translationFiles = (r: TranslationRequest) => ({ video: `${r.outBase}.mp4`, captions: `${r.outBase}.srt`, reviewSrt: `${r.outBase}.review.srt` });
