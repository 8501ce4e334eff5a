import { writeFile } from 'node:fs/promises';
import { parseCommandLine } from '../src/lib/cli-flags';
import { videoSpecJsonSchema } from '../src/spec/json-schema';

// Regenerate after changing src/spec/video-spec.ts; a test fails while the committed file is stale.
parseCommandLine({ usage: 'Usage: npm run schema\nWrites videos/video-spec.schema.json from the zod spec (src/spec/video-spec.ts).', options: {} }, () => undefined);
const file = 'videos/video-spec.schema.json';
await writeFile(file, `${JSON.stringify(videoSpecJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
