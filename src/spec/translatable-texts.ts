import type { VideoSpec } from './video-spec';

export interface TranslatableText {
  /** JSON path of the text in the spec, e.g. "$.scenes[0].title": the key translations are stored under. */
  path: string;
  text: string;
  /** What the text is, for the translator ("script", "chart label", …). */
  kind: string;
}

/** Only text with a letter in it needs a translator: "%", "$" or "2024" stay as written. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text);
}

/**
 * Every text a viewer sees or hears, in spec order, with its JSON path: titles, scripts, chart and KPI labels and
 * units, bullet items, quotes, captions of images, overlays, the title card and the lower third. Data, layout and
 * media paths are never in it, so translators touch words only.
 */
export function translatableTexts(spec: VideoSpec): TranslatableText[] {
  const out: TranslatableText[] = [];
  const add = (path: string, text: string | undefined, kind: string) => {
    if (text !== undefined && hasWords(text)) out.push({ path, text, kind });
  };
  add('$.title', spec.title, 'video title');
  add('$.presenter.name', spec.presenter.name, 'lower third: name');
  add('$.presenter.role', spec.presenter.role, 'lower third: role');
  spec.scenes.forEach((scene, i) => {
    const at = `$.scenes[${i}]`;
    add(`${at}.title`, scene.title, 'scene title');
    add(`${at}.script`, scene.script, 'script (spoken)');
    const g = scene.graphic;
    if (g?.type === 'bar' || g?.type === 'line') {
      add(`${at}.graphic.unit`, g.unit, 'chart unit');
      g.data.forEach((d, j) => add(`${at}.graphic.data[${j}].label`, d.label, 'chart label'));
    } else if (g?.type === 'kpi') {
      g.items.forEach((item, j) => {
        add(`${at}.graphic.items[${j}].label`, item.label, 'KPI label');
        add(`${at}.graphic.items[${j}].prefix`, item.prefix, 'KPI prefix');
        add(`${at}.graphic.items[${j}].unit`, item.unit, 'KPI unit');
      });
    } else if (g?.type === 'bullets') {
      g.items.forEach((item, j) => add(`${at}.graphic.items[${j}]`, item, 'bullet item'));
    } else if (g?.type === 'image') {
      add(`${at}.graphic.caption`, g.caption, 'image caption');
    } else if (g?.type === 'quote') {
      add(`${at}.graphic.text`, g.text, 'quote');
      add(`${at}.graphic.author`, g.author, 'quote author');
    }
    scene.overlays?.forEach((o, k) => add(`${at}.overlays[${k}].text`, o.text, 'overlay'));
  });
  return out;
}

/** Writes `value` at a JSON path made by translatableTexts ("$.scenes[0].graphic.items[1].label") in a copy-safe object. */
export function setAtPath(target: unknown, path: string, value: string): void {
  const keys = [...path.replace(/^\$/, '').matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
  let node = target as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[keys[keys.length - 1]!] = value;
}
