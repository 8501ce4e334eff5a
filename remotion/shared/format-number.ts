export const DEFAULT_LOCALE = 'en-US';

/** Decimal places a value is written with (at most 2), so counters animate in the data's own precision. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const s = String(Math.abs(n));
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : Math.min(2, s.length - dot - 1);
}

function safeLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function currencyDigits(locale: string, currency: string): number {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export interface ValueFormat {
  locale?: string;
  prefix?: string;
  unit?: string;
  /** ISO 4217 code: values are amounts, written with the locale's symbol in the locale's place ("1.234,50 €", "€1,234.50"). */
  currency?: string;
  /** Values to take the precision and magnitude from (all values of one chart share one format). */
  sample?: number[];
}

/**
 * Formats numbers per locale: grouping ("1,200" / "1.200"), the data's own decimals, compact notation from a
 * million up ("2.4M"), a prefix ("$") and a unit ("%" sticks to the number, words get a space).
 */
export function makeValueFormatter(opts: ValueFormat = {}): (value: number) => string {
  const locale = safeLocale(opts.locale);
  const sample = opts.sample?.length ? opts.sample : [0];
  let decimals = Math.max(...sample.map(decimalsOf));
  // Amounts with cents show the currency's own minor digits ("€1,234.50", "1.234,50 €"; yen has none).
  if (opts.currency && decimals > 0) decimals = currencyDigits(locale, opts.currency);
  const compact = Math.max(...sample.map(Math.abs)) >= 1e6;
  // A "%" unit is the locale's percent sign and spacing ("54 %" in de-DE, "٥٤٪" in ar-EG).
  const percent = opts.unit === '%' && !opts.currency;
  const style: Intl.NumberFormatOptions = opts.currency ? { style: 'currency', currency: opts.currency } : percent ? { style: 'percent' } : {};
  // "negative": no sign on a value that rounds to zero.
  const signed = { ...style, signDisplay: 'negative' } as Intl.NumberFormatOptions;
  const nf = compact
    ? new Intl.NumberFormat(locale, { ...signed, notation: 'compact', maximumFractionDigits: 1 })
    : new Intl.NumberFormat(locale, { ...signed, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const unit = percent ? '' : (opts.unit ?? '');
  const unitText = unit === '' || /^[%‰°′″]/.test(unit) ? unit : `\u2009${unit}`;
  return (value: number) => signedNumber(nf.formatToParts(percent ? value / 100 : value), opts.prefix) + unitText;
}

/**
 * The locale's own signed number with a true minus (U+2212) and the prefix before the digits. Intl's directional
 * marks around the sign are kept: without them an Arabic "−٣٫٤٪" in a left-to-right chart showed the minus on the
 * far side of the ٪, and a Latin "−3.4%" in right-to-left text moved the minus to the right of the number.
 */
export function signedNumber(parts: Intl.NumberFormatPart[], prefix = ''): string {
  let out = '';
  let prefixed = !prefix;
  for (const p of parts) {
    if (!prefixed && ['integer', 'currency', 'nan', 'infinity'].includes(p.type)) {
      out += prefix;
      prefixed = true;
    }
    out += p.type === 'minusSign' ? p.value.replace('-', '\u2212') : p.value;
  }
  return prefixed ? out : `${prefix}${out}`;
}
