import { watchStaticFile } from '@remotion/studio';
import { useContext, useEffect, useRef, useState } from 'react';
import { Composition, Folder, getRemotionEnvironment, Internals, staticFile } from 'remotion';
import { STUDIO_INDEX_PATH, type StudioEntry, type StudioIndex } from '../../src/spec/studio-index';
import { TEMPLATE_PARTS } from '../templates';
import { initialStudioIndex, loadStudioIndex } from './load-studio-index';
import { SpecErrorCard } from './SpecErrorCard';

/** The index, kept current in Studio: `npm run studio` rewrites it when a spec or the clip store changes. */
function useStudioIndex(): StudioIndex | null {
  const [index, setIndex] = useState(initialStudioIndex);
  useEffect(() => {
    const env = getRemotionEnvironment();
    if (!env.isStudio || env.isRendering) return;
    const { cancel } = watchStaticFile(staticFile(STUDIO_INDEX_PATH), () => {
      loadStudioIndex().then((next) => next && setIndex(next), () => undefined);
    });
    return cancel;
  }, []);
  return index;
}

/**
 * Studio keeps props once they were shown or edited in its props panel and prefers them to defaultProps; when a
 * spec changes on disk its new content must win, so it is handed to Studio's props store directly.
 */
function usePushDiskChanges(entries: StudioEntry[]): void {
  // Internals: no public API sets that store in 4.0.527 (updateDefaultProps() is now saveDefaultProps(), which writes the file).
  const { updateProps } = useContext(Internals.EditorPropsContext);
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    for (const e of entries) {
      const props = e.kind === 'spec' ? e.props : { file: e.file, issues: e.issues };
      const text = JSON.stringify(props);
      const before = seen.current.get(e.id);
      seen.current.set(e.id, text);
      if (before !== undefined && before !== text) updateProps({ id: e.id, defaultProps: props, newProps: props });
    }
  }, [entries, updateProps]);
}

const ErrorComposition: React.FC<{ entry: Extract<StudioEntry, { kind: 'error' }> }> = ({ entry }) => (
  <Composition
    id={entry.id}
    component={SpecErrorCard}
    defaultProps={{ file: entry.file, issues: entry.issues }}
    width={1920}
    height={1080}
    fps={30}
    durationInFrames={30}
  />
);

/** Every spec in videos/ as a composition named by its id, with its template, its clips and its captions. */
export const SpecCompositions: React.FC = () => {
  const index = useStudioIndex();
  const entries = index?.entries ?? [];
  usePushDiskChanges(entries);
  if (!entries.length) return null;
  return (
    <Folder name="Videos">
      {entries.map((e) => {
        if (e.kind === 'error') return <ErrorComposition key={e.id} entry={e} />;
        const t = TEMPLATE_PARTS[e.template];
        return (
          <Composition
            key={e.id}
            id={e.id}
            component={t.component}
            schema={t.schema}
            defaultProps={e.props as typeof t.defaultProps}
            calculateMetadata={t.calculateMetadata}
            width={t.width}
            height={t.height}
            durationInFrames={300}
            fps={30}
          />
        );
      })}
    </Folder>
  );
};
