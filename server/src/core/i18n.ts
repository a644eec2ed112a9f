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
  return numberFormat(lang, maxDecimals).format(n);
}

/**
 * `n.toLocaleString(locale, { maximumFractionDigits })` is `new Intl.NumberFormat(locale, options)
 * .format(n)` (ECMA-402 Number.prototype.toLocaleString): the same text, without making a formatter
 * for every number (a keystroke renders every finding's message again). One per language and decimals.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}${maxDecimals}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxDecimals })));
  return f;
}

/**
 * Makes now what a first check's messages and their order make at their first use in a process:
 * ICU's number formatter of the language (formatNumber's, 3 decimals; about 11 ms of CPU for the
 * first) and its collation (check.ts orders codes with localeCompare). For a moment the thread
 * would otherwise wait idle (lsp/server.ts, the default catalog's worker); nothing it returns changes.
 */
export function warmIntl(lang: Lang): void {
  numberFormat(lang, 3);
  'a'.localeCompare('b');
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

/**
 * A value for a message's `{placeholder}`: text as it is; a number, formatted the language's way
 * (`{ num, decimals }` for other than 3 decimals at most); a date (`{ date: 'YYYY-MM-DD' }`); a
 * phrase in both languages (Msg); another message of the same table by id (MsgRef); or a list of
 * values joined by a separator.
 */
export type MsgValue =
  | string
  | number
  | Msg
  | MsgRef
  | { num: number; decimals?: number }
  | { date: string }
  | { join: string; items: readonly MsgValue[] };

export type MsgParams = Readonly<Record<string, MsgValue>>;

/** A message of a message table (a rule's `meta.messages`) by id, with its placeholders' values. */
export interface MsgRef {
  id: string;
  params?: MsgParams;
}

/** Message templates by id, each in both languages with the same named placeholders. */
export type MessageTable = Readonly<Record<string, Msg>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * The message `ref` of `table` in one language, its placeholders filled. Throws on an id not in the
 * table and on a placeholder without a value: a rule's mistake, which the checker reports as such.
 */
export function renderMessage(table: MessageTable, ref: MsgRef, lang: Lang): string {
  const template = Object.hasOwn(table, ref.id) ? table[ref.id] : undefined;
  if (!template) throw new Error(`no message "${ref.id}"`);
  const params = ref.params ?? {};
  const value = (v: MsgValue): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return formatNumber(v, lang);
    if ('num' in v) return formatNumber(v.num, lang, v.decimals);
    if ('date' in v) return formatDate(v.date, lang);
    if ('join' in v) return v.items.map(value).join(v.join);
    if ('id' in v) return renderMessage(table, v, lang);
    return pick(v, lang);
  };
  return template[lang].replace(PLACEHOLDER, (_m, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`message "${ref.id}": no value for {${name}}`);
    return value(params[name]);
  });
}
