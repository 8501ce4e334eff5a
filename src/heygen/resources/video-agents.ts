import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { paginate } from '../paginate';
import { videoDetailSchema, type VideoDetail } from '../schemas/video';
import { agentSessionCreatedSchema, agentSessionItemSchema, agentSessionSchema, agentStyleSchema, type AgentSession, type AgentStyle, type CreateVideoAgentBody } from '../schemas/video-agent';
import { pollUntil, type PollOptions } from '../poll-until';

export interface VideoAgentsResource {
  /** `POST /v3/video-agents`. HeyGen honours no Idempotency-Key here: never re-sent blind; resume with `findByPrompt`. */
  create(body: CreateVideoAgentBody, opts?: { signal?: AbortSignal }): Promise<{ session_id: string; status: string; video_id?: string | null; created_at: number }>;
  get(sessionId: string, opts?: { signal?: AbortSignal }): Promise<AgentSession>;
  list(query?: { limit?: number }): AsyncGenerator<{ session_id: string; title?: string | null; created_at: number }>;
  styles(query?: { tag?: string; limit?: number }): AsyncGenerator<AgentStyle>;
  stop(sessionId: string): Promise<{ session_id: string }>;
  videos(sessionId: string): AsyncGenerator<VideoDetail>;
  /** The session created at or after `sinceSec` whose first user message is `prompt` (a resumed run's own session). */
  findByPrompt(prompt: string, sinceSec: number): Promise<AgentSession | undefined>;
  /** Polls the session until it is completed with a video id; its video is then waited for like any other. */
  wait(sessionId: string, opts?: PollOptions): Promise<AgentSession & { video_id: string }>;
}

export function createVideoAgentsResource(transport: Transport): VideoAgentsResource {
  const get = async (sessionId: string, opts: { signal?: AbortSignal } = {}): Promise<AgentSession> => {
    const res = await transport.request({ method: 'GET', path: `/v3/video-agents/${encodeURIComponent(sessionId)}`, kind: 'read', signal: opts.signal });
    return parseData(agentSessionSchema, res, 'GET /v3/video-agents/{id}');
  };
  return {
    async create(body, opts = {}) {
      const res = await transport.request({ method: 'POST', path: '/v3/video-agents', json: body, kind: 'create', signal: opts.signal });
      return parseData(agentSessionCreatedSchema, res, 'POST /v3/video-agents');
    },
    get,
    list: (query = {}) => paginate(transport, '/v3/video-agents', query, agentSessionItemSchema),
    styles: (query = {}) => paginate(transport, '/v3/video-agents/styles', query, agentStyleSchema),
    async stop(sessionId) {
      const res = await transport.request({ method: 'POST', path: `/v3/video-agents/${encodeURIComponent(sessionId)}/stop`, json: {}, kind: 'write' });
      return parseData(agentSessionItemSchema.pick({ session_id: true }), res, 'POST /v3/video-agents/{id}/stop');
    },
    videos: (sessionId) => paginate(transport, `/v3/video-agents/${encodeURIComponent(sessionId)}/videos`, {}, videoDetailSchema),
    async findByPrompt(prompt, sinceSec) {
      for await (const item of paginate(transport, '/v3/video-agents', {}, agentSessionItemSchema)) {
        if (item.created_at < sinceSec) break; // newest first: older sessions are not this run's
        const session = await get(item.session_id);
        const first = [...(session.messages ?? [])].reverse().find((m) => m.role === 'user');
        if (first?.content === prompt) return session;
      }
      return undefined;
    },
    async wait(sessionId, opts = {}) {
      const done = await pollUntil(
        transport,
        {
          kind: 'Video Agent session',
          id: sessionId,
          read: (signal) => get(sessionId, { signal }),
          status: (s) => s.status,
          progress: (s) => s.progress ?? undefined,
          done: (s) => s.status === 'completed' && Boolean(s.video_id),
          failed: (s) => (s.status === 'failed' ? { code: 'agent_failed', message: s.messages?.find((m) => m.type === 'error')?.content } : undefined),
        },
        opts,
      );
      return done as AgentSession & { video_id: string };
    },
  };
}
