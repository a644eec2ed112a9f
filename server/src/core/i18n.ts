/** Messages for users come in Vietnamese and English; code picks one at the edge. */

export type Lang = 'vi' | 'en';

/** A message in both languages. */
export interface Msg {
  vi: string;
  en: string;
}

export function msg(vi: string, en: string): Msg {
  return { vi, en };
}

export function pick(m: Msg, lang: Lang): string {
  return lang === 'en' ? m.en : m.vi;
}

/** "vi", "vi-VN" → vi; anything else → en. Undefined → vi (the product's home language). */
export function langFromLocale(locale: string | undefined): Lang {
  if (!locale) return 'vi';
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Formats a number the Vietnamese way (dot thousands, comma decimals) or the English way. */
export function formatNumber(n: number, lang: Lang, maxDecimals = 3): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  return n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxDecimals });
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date for a message: "27/4/2022" in Vietnamese, "27 Apr 2022" in English (never the ISO form a
 * reader would not write). Anything that is not a YYYY-MM-DD date comes back as it is.
 */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return lang === 'vi' ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : `${Number(m[3])} ${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}`;
}
