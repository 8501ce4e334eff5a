import { getStaticFiles } from '@remotion/studio';
import { registerRoot } from 'remotion';
import { STUDIO_INDEX_PATH } from '../src/spec/studio-index';
import { RemotionRoot } from './Root';
import { loadStudioIndex, setInitialStudioIndex } from './studio/load-studio-index';

// The specs of videos/ are compositions too; read their index first so that every environment (Studio, a render
// started from Studio's Render button) sees them from the start. Only `npm run studio` writes it: when the public
// folder (as bundled or served) has none, skip the fetch, so `npm run render` logs no 404 and waits for nothing.
const hasStudioIndex = getStaticFiles().some((f) => f.name === STUDIO_INDEX_PATH);
(hasStudioIndex ? loadStudioIndex() : Promise.resolve(null)).then((index) => {
  setInitialStudioIndex(index);
  registerRoot(RemotionRoot);
});
