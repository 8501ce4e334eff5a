import { useMemo } from 'react';
import { AbsoluteFill, useVideoConfig } from 'remotion';
import { presenterClipFormat } from '../../src/spec/formats';
import { buildTimeline } from '../../src/spec/timeline';
import { captionPages } from '../shared/captions';
import { speechSpans } from '../shared/ducking';
import { DEFAULT_LOCALE } from '../shared/format-number';
import { computeLayout, framingFor, lowerThirdFor, type TemplateId } from '../shared/layout';
import { bottom, rect, right } from '../shared/rect';
import { transitionFrames } from '../shared/scene-timing';
import type { TemplateProps } from '../shared/template-schema';
import { resolveTheme } from '../shared/theme';
import { visibleText } from '../shared/visible-text';
import { canonicalLocale, isRightToLeft, numberingSystemFor } from '../../src/spec/locales';
import { Backdrop } from './Backdrop';
import { CaptionsTrack, type CaptionStyle } from './CaptionsTrack';
import { FontGate } from './FontGate';
import { LogoMark } from './LogoMark';
import { LowerThird } from './LowerThird';
import { MusicTrack } from './MusicTrack';
import { PresenterTrack } from './PresenterTrack';
import { ScenesTrack } from './ScenesTrack';
import { TitleCard } from './TitleCard';

/** What makes one template look unlike another; everything else is shared. */
export interface TemplateLook {
  template: TemplateId;
  captionStyle: CaptionStyle;
  /** Words spoken within this span share a caption page. */
  captionPageMs: number;
  captionMaxChars: number;
  titleCard: boolean;
  lowerThird: { name: string; role?: string } | null;
}

/** A whole video: backdrop, scenes with transitions, presenter, title card, lower third, captions, logo, music. */
export const TemplateVideo: React.FC<{ spec: TemplateProps; look: TemplateLook }> = ({ spec, look }) => {
  const { fps, width, height } = useVideoConfig();
  const timeline = useMemo(() => buildTimeline(spec, spec.manifest ?? null, fps, spec.sceneClips), [spec, fps]);
  const locale = spec.locale ?? DEFAULT_LOCALE;
  const theme = resolveTheme(spec.theme, locale);
  const rtl = isRightToLeft(locale);
  // Numbers in the locale's digits when asked ("native"), Latin digits otherwise: Intl reads the -u-nu- extension.
  const numberLocale = `${locale}-u-nu-${numberingSystemFor(locale, Object.entries(spec.locales ?? {}).find(([tag]) => canonicalLocale(tag) === locale)?.[1].digits)}`;
  const fontText = useMemo(() => visibleText(spec, numberLocale), [spec, numberLocale]);
  // Right-to-left: what reads in order is mirrored, so the presenter moves to the other side of the title and graphic.
  const side = rtl ? (spec.presenter.side === 'left' ? 'right' : 'left') : spec.presenter.side;
  const firstClip = timeline.scenes.find((s) => s.clip)?.clip;
  const planned = presenterClipFormat(spec.format);
  const clipAspect = firstClip ? firstClip.width / firstClip.height : planned.width / planned.height;
  const framing = framingFor(look.template, spec.presenter.framing);
  const lowerThird = lowerThirdFor(spec.presenter, look.lowerThird);
  const layout = computeLayout({ template: look.template, width, height, framing, side, clipAspect, captions: spec.captions, logo: Boolean(theme.logo) });
  const transition = spec.sceneTransition === 'none' ? 0 : transitionFrames(timeline, fps);
  const first = timeline.scenes[0]!;
  const introFrames = look.titleCard && spec.title ? Math.min(Math.round(2.4 * fps), Math.floor(first.durationInFrames * 0.45)) : 0;

  const pages = useMemo(
    () =>
      spec.captions
        ? timeline.scenes.flatMap((s, i) => {
            const track = spec.captionTracks?.[i];
            return track ? captionPages(track, (s.from / fps) * 1000, { pageMs: look.captionPageMs, maxChars: look.captionMaxChars }) : [];
          })
        : [],
    [spec.captions, spec.captionTracks, timeline, fps, look.captionPageMs, look.captionMaxChars],
  );
  const speech = useMemo(() => timeline.scenes.flatMap((s) => (s.clip ? speechSpans(s.from, s.clip.durationSec, s.clip.words, fps) : [])), [timeline, fps]);
  const g = layout.graphic;
  const cardBox = rect(g.x, layout.title.y, Math.max(right(g), right(layout.title)) - g.x, bottom(g) - layout.title.y);

  return (
    <FontGate enabled={spec.theme.font === 'Inter'} text={fontText} locale={locale}>
      <AbsoluteFill dir={rtl ? 'rtl' : 'ltr'} lang={locale} style={{ fontFamily: theme.fontFamily, overflow: 'hidden' }}>
        <Backdrop background={spec.background} theme={theme} />
        <ScenesTrack scenes={spec.scenes} timeline={timeline} overlap={transition} kind={spec.sceneTransition} layout={layout} theme={theme} locale={numberLocale} introFrames={introFrames} />
        {introFrames ? <TitleCard title={spec.title!} kicker={lowerThird?.name} box={cardBox} theme={theme} unit={layout.unit} frames={introFrames} /> : null}
        <PresenterTrack timeline={timeline} placement={layout.presenter} framing={framing} side={side} theme={theme} unit={layout.unit} player={spec.presenterPlayer} buildCommand={spec.specFile ? `npm run prebuild -- ${spec.specFile}` : 'npm run prebuild'} />
        {lowerThird ? <LowerThird name={lowerThird.name} role={lowerThird.role} box={layout.lowerThird} theme={theme} unit={layout.unit} at={Math.round(0.8 * fps)} seconds={4} /> : null}
        {pages.length ? <CaptionsTrack pages={pages} box={layout.captions} style={look.captionStyle} theme={theme} /> : null}
        {theme.logo ? <LogoMark src={theme.logo} box={layout.logo} alignRight={layout.logo.x > width / 2} /> : null}
        {spec.music ? <MusicTrack src={spec.music.src} volume={spec.music.volume} duckTo={spec.music.duckTo} speech={speech} /> : null}
      </AbsoluteFill>
    </FontGate>
  );
};
