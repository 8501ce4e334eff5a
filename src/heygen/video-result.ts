/** A finished video, the same shape whether polling or a webhook delivery reported it. */
export interface VideoResult {
  videoId: string;
  status: 'completed';
  videoUrl: string;
  subtitleUrl?: string;
  durationSec?: number;
  raw: unknown;
}
