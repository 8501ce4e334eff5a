import { describe, expect, it } from 'vitest';
import example from '../../videos/example.json';
import { localizeLoadedSpecs, parseLocaleSelection } from '../../src/project/localized-specs';
import { SpecError } from '../../src/project/spec-error';
import { clipRequestsFor, requestKey } from '../../src/spec/clip-request';
import { localizeSpec, specLocales } from '../../src/spec/localize-spec';
import { translatableTexts } from '../../src/spec/translatable-texts';
import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';

const spec = () => videoSpecSchema.parse(structuredClone(example));
const keys = (s: ReturnType<typeof spec>) => clipRequestsFor(s).map(requestKey);

describe('one spec, many languages', () => {
  it('the example is made in en-US (its own), de-DE, ar-EG and ja-JP, each complete', () => {
    const s = spec();
    expect(specLocales(s)).toEqual(['en-US', 'de-DE', 'ar-EG', 'ja-JP']);
    for (const locale of specLocales(s)) expect(localizeSpec(s, locale).problems).toEqual([]);
  });

  it('a locale replaces every text and the voice, and keeps data, charts and layout', () => {
    const s = spec();
    const de = localizeSpec(s, 'de-DE').spec;
    expect(de.locale).toBe('de-DE');
    expect(de.scenes[0]!.title).toBe('Anmeldungen verdoppelt');
    expect(de.voice).toMatchObject({ id: '2a01ab5a481d451b30d26f4abfde506b', locale: 'de-DE' });
    const texts = new Set(translatableTexts(s).map((t) => t.path));
    // Everything but the texts, the voice and the locale fields is as written.
    const strip = (x: ReturnType<typeof spec>) => JSON.stringify({ ...x, voice: null, locale: null, locales: null, title: null, scenes: x.scenes.map((sc) => ({ ...sc, title: null, script: null, graphic: sc.graphic?.type === 'bar' ? { ...sc.graphic, data: sc.graphic.data.map((d) => d.value) } : sc.graphic })) });
    expect(strip(de)).toBe(strip(s));
    for (const t of translatableTexts(de)) expect(texts.has(t.path)).toBe(true);
    expect(translatableTexts(de).map((t) => t.text)).not.toContain('Sign-ups doubled');
  });

  it('the source language keeps its clip keys; each locale has its own, so adding one generates only its clips', () => {
    const s = spec();
    const source = localizeSpec(s, 'en-US').spec;
    const withoutLocales = videoSpecSchema.parse({ ...structuredClone(example), locales: undefined });
    expect(keys(source)).toEqual(keys(withoutLocales));
    const all = specLocales(s).flatMap((l) => keys(localizeSpec(s, l).spec));
    expect(new Set(all).size).toBe(all.length);
  });

  it("editing the German script changes only the German scene's clip key", () => {
    const before = spec();
    const edited = structuredClone(example) as VideoSpecInput & { locales: Record<string, { text: Record<string, string> }> };
    edited.locales['de-DE']!.text['$.scenes[1].script'] = 'Die meisten kamen über die Suche.';
    const after = videoSpecSchema.parse(edited);
    for (const locale of specLocales(before)) {
      const [a, b] = [keys(localizeSpec(before, locale).spec), keys(localizeSpec(after, locale).spec)];
      if (locale === 'de-DE') {
        expect(b[0]).toBe(a[0]);
        expect(b[1]).not.toBe(a[1]);
      } else expect(b).toEqual(a);
    }
  });

  it('a missing translation fails naming the spec file, the locale and the JSON path; --fallback source lists it instead', () => {
    const input = structuredClone(example) as VideoSpecInput & { locales: Record<string, { text: Record<string, string> }> };
    delete input.locales['ja-JP']!.text['$.scenes[1].title'];
    const loaded = { file: 'videos/example.json', spec: videoSpecSchema.parse(input) };
    const err = (() => {
      try {
        localizeLoadedSpecs([loaded], parseLocaleSelection({ locales: 'all' }));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toContain('videos/example.json');
    expect((err as SpecError).message).toContain('$.locales["ja-JP"].text["$.scenes[1].title"]: ja-JP: no ja-JP translation of $.scenes[1].title');
    const ok = localizeLoadedSpecs([loaded], parseLocaleSelection({ locale: 'ja-JP' }), 'source');
    expect(ok[0]!.fellBack).toEqual(['$.scenes[1].title']);
    expect(ok[0]!.spec.scenes[1]!.title).toBe('Where they came from');
    expect(ok[0]!.suffix).toBe('.ja-JP');
  });

  it('a translation of a text that no longer exists, and a language the spec is not made in, are errors', () => {
    const input = structuredClone(example) as VideoSpecInput & { locales: Record<string, { text: Record<string, string> }> };
    input.locales['de-DE']!.text['$.scenes[7].title'] = 'Weg';
    const s = videoSpecSchema.parse(input);
    expect(localizeSpec(s, 'de-DE').problems.map((p) => p.path)).toEqual(['$.locales["de-DE"].text["$.scenes[7].title"]']);
    expect(localizeSpec(s, 'fr-FR').problems[0]!.message).toContain('not made in "fr-FR"');
    expect(() => parseLocaleSelection({ locale: 'german!' })).toThrow(/--locale german!: not a language tag/);
    expect(videoSpecSchema.safeParse({ ...structuredClone(example), locale: 'english please' }).success).toBe(false);
  });
});
