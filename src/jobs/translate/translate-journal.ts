import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One language of one translated video: written before the create is sent, completed with HeyGen's answers. */
export interface TranslationRecord {
  idempotencyKey: string;
  submittedAt: string;
  translationId?: string;
  proofreadId?: string;
  /** the reviewed SRT was uploaded (proofread flow) */
  srtUploaded?: boolean;
  /** the output files were written */
  done?: boolean;
}

export interface TranslateEntry {
  /** the uploaded source, reused by every language and every re-run */
  assetId?: string;
  languages: Record<string, TranslationRecord>;
}

interface TranslateJournalFile {
  version: 1;
  /** scope (backend + base URL) -> content key (video bytes, captions, mode) -> entry */
  scopes: Record<string, Record<string, TranslateEntry>>;
}

/** What `npm run translate` has asked HeyGen for, so a killed run resumes without paying twice (written atomically). */
export class TranslateJournal {
  private writing = Promise.resolve();
  private constructor(
    readonly file: string,
    private readonly scope: string,
    private readonly data: TranslateJournalFile,
  ) {}

  static async open(file: string, scope: string): Promise<TranslateJournal> {
    let data: TranslateJournalFile = { version: 1, scopes: {} };
    if (existsSync(file)) {
      try {
        data = JSON.parse(await readFile(file, 'utf8')) as TranslateJournalFile;
      } catch {
        throw new Error(`${file} is damaged; move it aside and re-run (translations in flight are then requested again)`);
      }
    }
    data.scopes[scope] ??= {};
    return new TranslateJournal(file, scope, data);
  }

  entry(key: string): TranslateEntry {
    const scope = this.data.scopes[this.scope] ?? {};
    scope[key] ??= { languages: {} };
    this.data.scopes[this.scope] = scope;
    return scope[key];
  }

  save(): Promise<void> {
    const snapshot = JSON.stringify(this.data, null, 2);
    this.writing = this.writing.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, snapshot);
      await rename(tmp, this.file);
    });
    return this.writing;
  }
}
