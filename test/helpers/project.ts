import { fileURLToPath } from 'node:url';
import type { VideoSpecInput } from '../../src/spec/video-spec';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export { tempProject } from '../../src/project/temp-project';

export const SHORT_SPEC: VideoSpecInput = {
  id: 'short',
  format: 'landscape-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [
    { title: 'One', script: 'Sales went up.', graphic: { type: 'bar', data: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }] } },
    { title: 'Two', script: 'Costs went down.', graphic: { type: 'bar', data: [{ label: 'C', value: 5 }, { label: 'D', value: 2 }] } },
  ],
};
