import { writeFile } from 'node:fs/promises';
import { videoSpecJsonSchema } from '../src/spec/json-schema';

// Regenerate after changing src/spec/video-spec.ts; a test fails while the committed file is stale.
const file = 'videos/video-spec.schema.json';
await writeFile(file, `${JSON.stringify(videoSpecJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
