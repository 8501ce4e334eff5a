import { mkdirSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StudioIndex } from '../../src/spec/studio-index';
import { writeStudioIndex } from '../../src/studio/watch-studio-index';

const root = mkdtempSync(path.join(os.tmpdir(), 'hr-studio-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const indexWith = (n: number): StudioIndex => ({
  version: 1,
  entries: [{ kind: 'error', id: `spec-${n}`, file: 'videos/a.json', issues: [{ path: '$.format', message: `edit ${n}` }] }],
});

describe('writeStudioIndex', () => {
  it('writes only when the index changed', async () => {
    mkdirSync(path.join(root, 'public'), { recursive: true });
    expect(await writeStudioIndex(root, indexWith(0))).toBe(true);
    expect(await writeStudioIndex(root, indexWith(0))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(root, 'public', '_studio', 'index.json'), 'utf8'))).toEqual(indexWith(0));
  });

  // Studio watches public/ with a recursive fs.watch, which on Linux (Node 20) follows each file's inode: a file
  // replaced by rename is never reported again, and Studio missed every spec edit after the first.
  it('is reported by a recursive watch of public/ at every write, not only the first', async () => {
    const seen: string[] = [];
    const watcher = watch(path.join(root, 'public'), { recursive: true }, (_type, file) => seen.push(String(file).split(path.sep).join('/')));
    try {
      for (let n = 1; n <= 3; n++) {
        seen.length = 0;
        expect(await writeStudioIndex(root, indexWith(n))).toBe(true);
        await expect.poll(() => seen.includes('_studio/index.json'), { timeout: 5_000, interval: 20 }).toBe(true);
      }
    } finally {
      watcher.close();
    }
  });
});
