import type { Transport } from '../transport';
import { paginate } from '../paginate';
import { parseData } from '../parse-data';
import { speechSchema, voiceDetailSchema, voiceSchema, type Voice, type VoiceDetail } from '../schemas/catalog';
import { stripSentinels } from '../strip-sentinels';
import { idempotencyKeyFor } from '../idempotency-key';

export interface SpeechRequest {
  text: string;
  voiceId: string;
  speed?: number;
  inputType?: 'text' | 'ssml';
  language?: string;
  locale?: string;
}

export interface SpeechResult {
  audioUrl: string;
  durationSec: number;
  /** seconds; the `<start>`/`<end>` sentinels removed */
  words: { word: string; start: number; end: number }[];
  requestId?: string;
}

export interface VoicesResource {
  list(query?: { type?: 'public' | 'private'; engine?: string; language?: string; gender?: string; limit?: number }): AsyncGenerator<Voice>;
  get(voiceId: string): Promise<VoiceDetail>;
  /** `POST /v3/voices/speech`: TTS with word timestamps (the voice must be Starfish-capable) */
  speech(req: SpeechRequest, opts?: { signal?: AbortSignal }): Promise<SpeechResult>;
}

export function createVoicesResource(transport: Transport): VoicesResource {
  return {
    list: (query = {}) => paginate(transport, '/v3/voices', query, voiceSchema),
    async get(voiceId) {
      const res = await transport.request({ method: 'GET', path: `/v3/voices/${encodeURIComponent(voiceId)}`, kind: 'read' });
      return parseData(voiceDetailSchema, res, 'GET /v3/voices/{id}');
    },
    async speech(req, opts = {}) {
      const body = { text: req.text, voice_id: req.voiceId, speed: req.speed, input_type: req.inputType, language: req.language, locale: req.locale };
      // a repeated speech call makes nothing twice, so a content key lets it be retried like an idempotent call
      const idempotencyKey = idempotencyKeyFor('POST /v3/voices/speech', body);
      const res = await transport.request({ method: 'POST', path: '/v3/voices/speech', json: body, kind: 'create', signal: opts.signal, idempotencyKey });
      const data = parseData(speechSchema, res, 'POST /v3/voices/speech');
      return {
        audioUrl: data.audio_url,
        durationSec: data.duration,
        words: stripSentinels(data.word_timestamps ?? []).map((w) => ({ word: w.word, start: w.start, end: w.end })),
        requestId: data.request_id ?? undefined,
      };
    },
  };
}
