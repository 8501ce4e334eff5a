import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/inter/800.css';
// Variable Noto fonts split by unicode-range: declared here, fetched only for characters a video uses.
import '@fontsource-variable/noto-sans-arabic';
import '@fontsource-variable/noto-sans-hebrew';
import '@fontsource-variable/noto-sans-devanagari';
import '@fontsource-variable/noto-sans-thai';
import '@fontsource-variable/noto-sans-jp';
import '@fontsource-variable/noto-sans-sc';
import '@fontsource-variable/noto-sans-kr';
import { useEffect, useState } from 'react';
import { cancelRender, continueRender, delayRender } from 'remotion';
import twemojiUrl from 'twemoji-colr-font/twemoji.woff2';
import { registerEmojiFont } from '../shared/emoji-font';
import { scriptFontsFor } from '../shared/script-fonts';

registerEmojiFont(twemojiUrl);

const WEIGHTS = [400, 500, 600, 700, 800];
// Characters from the Latin and Latin Extended subsets, so both font files are in before the first frame.
const SAMPLE = 'Aa1€ÄäŁłő';
const SCRIPT_WEIGHTS = [500, 800];

/**
 * Holds the frame until the fonts the video's text needs are loaded (Inter, and the Noto family of each other
 * script in `text`, all bundled from npm, offline): CSS fonts load lazily, and text measured or painted before
 * that would use a fallback font (or boxes) and change the layout between frames.
 */
export const FontGate: React.FC<{ enabled: boolean; text?: string; locale?: string; children: React.ReactNode }> = ({ enabled, text = '', locale = 'en-US', children }) => {
  const [handle] = useState(() => delayRender('Loading fonts'));
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const inter = enabled ? WEIGHTS.map((w) => document.fonts.load(`${w} 40px Inter`, SAMPLE)) : [];
    const scripts = scriptFontsFor(text, locale).flatMap(({ family, sample }) => SCRIPT_WEIGHTS.map((w) => document.fonts.load(`${w} 40px "${family}"`, sample)));
    let first = true;
    Promise.all([...inter, ...scripts])
      .then(() => {
        setReady(true);
        // The handle is released once; later loads (Studio edits) only add faces.
        if (first) continueRender(handle);
        first = false;
      })
      .catch((err: unknown) => cancelRender(err));
  }, [handle, enabled, text, locale]);
  return ready ? children : null;
};
