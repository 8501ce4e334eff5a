import { canonicalLocale } from './locales';
import { setAtPath, translatableTexts } from './translatable-texts';
import type { VideoSpec } from './video-spec';

export interface LocalizeProblem {
  /** JSON path in the spec file, e.g. `$.locales["de-DE"].text["$.scenes[0].title"]`. */
  path: string;
  message: string;
}

export interface LocalizedSpec {
  /** The spec in one language: its texts, voice and locale; data, charts and layout as written. */
  spec: VideoSpec;
  locale: string;
  /** Source paths that had no translation and kept the source text (only with fallback "source"). */
  fellBack: string[];
  /** Problems that stop this locale (missing translations without fallback, translations of texts that do not exist). */
  problems: LocalizeProblem[];
}

/** The languages a spec is made in: its own first, then the ones under `locales`, each once. */
export function specLocales(spec: VideoSpec): string[] {
  const all = [spec.locale, ...Object.keys(spec.locales ?? {})].map((l) => canonicalLocale(l) ?? l);
  return [...new Set(all)];
}

function settingsFor(spec: VideoSpec, locale: string) {
  const entry = Object.entries(spec.locales ?? {}).find(([tag]) => (canonicalLocale(tag) ?? tag) === locale);
  return entry ? { key: entry[0], settings: entry[1] } : null;
}

/**
 * The spec as made in `locale`: every text replaced by its translation, the locale's voice (or the spec's voice
 * told to speak that locale), `locale` set so numbers, dates, direction and fonts follow it. The source locale
 * returns the spec's own texts and voice, so its clips keep their keys.
 */
export function localizeSpec(spec: VideoSpec, requested: string, opts: { fallback?: 'source' | 'none' } = {}): LocalizedSpec {
  const locale = canonicalLocale(requested) ?? requested;
  const known = specLocales(spec);
  if (!known.includes(locale)) {
    return {
      spec,
      locale,
      fellBack: [],
      problems: [{ path: '$.locales', message: `the spec is not made in "${requested}" (it has ${known.join(', ')}); add "${requested}" under "locales" (\`npm run locales -- extract <spec> --to ${requested}\`)` }],
    };
  }
  const found = settingsFor(spec, locale);
  const isSource = locale === (canonicalLocale(spec.locale) ?? spec.locale);
  const text = found?.settings.text ?? {};
  const out = structuredClone(spec);
  const fellBack: string[] = [];
  const problems: LocalizeProblem[] = [];
  const at = (p: string) => `$.locales[${JSON.stringify(found?.key ?? locale)}].text[${JSON.stringify(p)}]`;
  const sources = translatableTexts(spec);
  const sourcePaths = new Set(sources.map((s) => s.path));
  for (const { path } of sources) {
    const translated = text[path];
    if (translated !== undefined) setAtPath(out, path, translated);
    else if (!isSource && opts.fallback === 'source') fellBack.push(path);
    else if (!isSource) problems.push({ path: at(path), message: `no ${locale} translation of ${path}; add it (\`npm run locales -- extract\` lists every text) or pass --fallback source to use the source text` });
  }
  for (const path of Object.keys(text)) {
    if (!sourcePaths.has(path)) problems.push({ path: at(path), message: `the spec has no text at ${path} (a scene or item moved?); remove it or move it to the text's current path` });
  }
  const voice = found?.settings.voice;
  out.voice = isSource && !voice ? spec.voice : { ...(voice ?? spec.voice), locale: voice?.locale ?? locale };
  out.locale = locale;
  out.locales = found ? { [found.key]: { ...found.settings, text: {} } } : undefined;
  return { spec: out, locale, fellBack, problems };
}
