import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { atomicJsonWriter } from './atomic-json-writer';

export interface JobRecord {
  /** Sent with every create of this clip, so a re-sent create replays the first instead of making a video. */
  idempotencyKey: string;
  /** Absent between "about to send" and HeyGen's answer: a crash there re-sends with the same key (v3) or looks the marker up (legacy). */
  videoId?: string;
  /** Sent in the attempt's title: how a create HeyGen honours no Idempotency-Key for is found again. */
  marker?: string;
  /** The job kind (src/jobs/registry.ts). */
  kind?: string;
  submittedAt: string;
  attempts: number;
}

interface JournalFile {
  version: 1;
  /** scope (backend, generation, account: ServerIdentity.scope) -> content key -> job */
  scopes: Record<string, Record<string, JobRecord>>;
}

/**
 * The prebuild's memory of what it has asked HeyGen for: written (atomically) before each create is sent and
 * after its answer, so a crash, kill -9 or Ctrl-C at any moment resumes the same videos on the next run.
 */
export class Journal {
  private readonly write: (data: unknown) => Promise<void>;

  private constructor(
    file: string,
    private readonly scope: string,
    private data: JournalFile,
  ) {
    this.write = atomicJsonWriter(file);
  }

  static async open(file: string, scope: string): Promise<Journal> {
    let data: JournalFile = { version: 1, scopes: {} };
    if (existsSync(file)) {
      try {
        data = JSON.parse(await readFile(file, 'utf8')) as JournalFile;
      } catch {
        throw new Error(`${file} is damaged; move it aside and re-run (clips already in public/clips are kept; in-flight HeyGen jobs are then submitted again with the same idempotency key, which HeyGen replays within 24 h)`);
      }
    }
    data.scopes[scope] ??= {};
    return new Journal(file, scope, data);
  }

  get(key: string): JobRecord | undefined {
    return this.data.scopes[this.scope]?.[key];
  }

  pending(): Record<string, JobRecord> {
    return { ...this.data.scopes[this.scope] };
  }

  put(key: string, record: JobRecord): Promise<void> {
    this.data.scopes[this.scope]![key] = record;
    return this.flush();
  }

  delete(key: string): Promise<void> {
    delete this.data.scopes[this.scope]![key];
    return this.flush();
  }

  private flush(): Promise<void> {
    return this.write(this.data);
  }
}
