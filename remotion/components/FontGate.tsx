import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
import { useEffect, useState } from 'react';
import { cancelRender, continueRender, delayRender } from 'remotion';

const WEIGHTS = [400, 500, 600, 700, 800];
// Characters from the Latin and Latin Extended subsets, so both font files are in before the first frame.
const SAMPLE = 'Aa1€ÄäŁłő';

/**
 * Holds the frame until Inter (bundled by @fontsource, offline) is loaded: CSS fonts load lazily, and text
 * measured or painted before that would use a fallback font and change the layout between frames.
 */
export const FontGate: React.FC<{ enabled: boolean; children: React.ReactNode }> = ({ enabled, children }) => {
  const [handle] = useState(() => (enabled ? delayRender('Loading the Inter font') : null));
  const [ready, setReady] = useState(!enabled);
  useEffect(() => {
    if (handle === null) return;
    Promise.all(WEIGHTS.map((w) => document.fonts.load(`${w} 40px Inter`, SAMPLE)))
      .then(() => {
        setReady(true);
        continueRender(handle);
      })
      .catch((err: unknown) => cancelRender(err));
  }, [handle]);
  return ready ? children : null;
};
