import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { contentHash } from '../../spec/content-hash';

/** One language in the journal `npm run translate` kept before translations became scheduler jobs. */
export interface OldTranslationRecord {
  /** the key its create was sent with: HeyGen replays that create for 24 h, so an unanswered one is sent again with it */
  idempotencyKey?: string;
  submittedAt?: string;
  translationId?: string;
  proofreadId?: string;
  /** the output files were written */
  done?: boolean;
}

/** `.heygen/translate-journal.json` of earlier versions: scope (base URL) -> key -> { assetId, languages }. */
interface OldJournalFile {
  scopes?: Record<string, Record<string, { languages?: Record<string, OldTranslationRecord> }>>;
}

/**
 * The old journal's record of one language, so an upgrade resumes or reuses what was paid for instead of paying
 * again. Read only (never written); a damaged or foreign file counts as empty. Its key was the video's and
 * captions' hashes and whether a proofread was asked for; its scope the base URL.
 */
export async function oldTranslationRecord(file: string, baseUrl: string, key: { video: string; srt: string | null; proofread: boolean }, language: string): Promise<OldTranslationRecord | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as OldJournalFile;
    return data.scopes?.[baseUrl]?.[contentHash(key)]?.languages?.[language];
  } catch {
    return undefined;
  }
}
