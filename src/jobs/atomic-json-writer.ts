import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes JSON to `file` whole or not at all (a temp file renamed over it), one write after the other, so a kill
 * mid-write leaves the last complete version. Each call snapshots `data` at once.
 */
export function atomicJsonWriter(file: string): (data: unknown) => Promise<void> {
  let writing = Promise.resolve();
  return (data) => {
    const snapshot = JSON.stringify(data, null, 2);
    writing = writing.then(async () => {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, snapshot);
      await rename(tmp, file);
    });
    return writing;
  };
}
