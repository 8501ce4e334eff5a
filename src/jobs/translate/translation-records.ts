import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { atomicJsonWriter } from '../atomic-json-writer';

/** A translated video on disk, and the HeyGen job that made it (fetched again if the file goes missing). */
export interface TranslatedVideo {
  translationId: string;
  /** ServerIdentity.scope of the account that made it: only that account can fetch it again. */
  scope: string;
  file: string;
  captions: string;
  bytes: number;
  /** The proofread's content key, when the video was generated from a reviewed SRT. */
  fromProofread?: string;
  createdAt: string;
}

/** A finished proofread: its translated SRT was downloaded for review; `--resume` generates from it. */
export interface FinishedProofread {
  proofreadId: string;
  scope: string;
  reviewSrt: string;
  createdAt: string;
}

interface RecordsFile {
  version: 1;
  videos: Record<string, TranslatedVideo>;
  proofreads: Record<string, FinishedProofread>;
}

/**
 * What `npm run translate` has finished, by content key (the scheduler's journal holds only work in flight):
 * a re-run finds a language done, or the proofread a `--resume` goes on from. Written atomically.
 */
export class TranslationRecords {
  private readonly write: (data: unknown) => Promise<void>;

  private constructor(
    readonly file: string,
    private readonly data: RecordsFile,
  ) {
    this.write = atomicJsonWriter(file);
  }

  static async open(file: string): Promise<TranslationRecords> {
    if (!existsSync(file)) return new TranslationRecords(file, { version: 1, videos: {}, proofreads: {} });
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as RecordsFile;
      return new TranslationRecords(file, { version: 1, videos: data.videos ?? {}, proofreads: data.proofreads ?? {} });
    } catch {
      throw new Error(`${file} is damaged; move it aside and re-run (finished translations are then made again)`);
    }
  }

  video(key: string): TranslatedVideo | undefined {
    return this.data.videos[key];
  }

  /** The record of `key` when its file is still whole on disk. */
  videoOnDisk(key: string): TranslatedVideo | undefined {
    const v = this.data.videos[key];
    return v && existsSync(v.file) && statSync(v.file).size === v.bytes ? v : undefined;
  }

  /** A video on disk generated from the proofread `proofreadKey` (any edit of its SRT). */
  videoFromProofread(proofreadKey: string): TranslatedVideo | undefined {
    const key = Object.keys(this.data.videos).find((k) => this.data.videos[k]?.fromProofread === proofreadKey);
    return key ? this.videoOnDisk(key) : undefined;
  }

  proofread(key: string): FinishedProofread | undefined {
    return this.data.proofreads[key];
  }

  putVideo(key: string, v: TranslatedVideo): Promise<void> {
    this.data.videos[key] = v;
    return this.write(this.data);
  }

  putProofread(key: string, p: FinishedProofread): Promise<void> {
    this.data.proofreads[key] = p;
    return this.write(this.data);
  }
}
