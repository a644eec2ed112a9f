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
