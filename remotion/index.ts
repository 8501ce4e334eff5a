import { registerRoot } from 'remotion';
import { RemotionRoot } from './Root';
import { loadStudioIndex, setInitialStudioIndex } from './studio/load-studio-index';

// The specs of videos/ are compositions too; read their index first so that every environment (Studio, a render
// started from Studio's Render button) sees them from the start. Without `npm run studio` it is absent: no wait.
loadStudioIndex().then((index) => {
  setInitialStudioIndex(index);
  registerRoot(RemotionRoot);
});
