/**
 * The one reader of province names in text, for the history (history/subject.ts: whose figure a
 * provincial series' figure is) and the markup judges (markup/province.ts: a province's figure is
 * no value of a national entry).
 *
 * Names are the 34 provincial units of today and the 29 merged on 1 July 2025 (agencies.ts), each
 * word capitalised, tone marks in either placement ("Khánh Hòa", "Khánh Hoà": the catalog's
 * spellingKey), with the common short forms ("TP.HCM", "TP HCM", "Bà Rịa – Vũng Tàu", "Thừa Thiên
 * Huế"). A former name stays its own province ("Hải Dương" is not "Hải Phòng"), a renamed one is
 * the same ("Thừa Thiên Huế" is "Huế"). "Thái Bình Dương" (the Pacific) names none.
 *
 * A name written after "tỉnh", "thành phố" or "TP" takes the word into its mention (`from`); with
 * `local`, such a word before a capitalised word that is no province's name ("thành phố Thủ Đức")
 * is a mention too, of a local unit (`name` null). ownerProvince leaves out a province named as the
 * place of an event ("Hội nghị … tại Đà Nẵng"). Pure.
 */
import { FORMER_PROVINCES, PROVINCES_2025 } from './agencies';
import { spellingKey } from './catalog/name-keys';
import { work } from './work';

/** Every province name: the 34 of today and the 29 merged on 1 July 2025. */
export const PROVINCE_NAMES: readonly string[] = [...PROVINCES_2025, ...Object.keys(FORMER_PROVINCES)];

/** The ways of writing some names (else the name itself; "Thành phố Hồ Chí Minh" is read as "thành phố" before "Hồ Chí Minh"). */
const VARIANTS: Record<string, string[]> = {
  'Thành phố Hồ Chí Minh': ['Hồ Chí Minh', 'TP HCM', 'TP.HCM', 'TP. HCM', 'TPHCM', 'HCM'],
  'Bà Rịa - Vũng Tàu': ['Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT'],
  'Đắk Lắk': ['Đắk Lắk', 'Đăk Lăk', 'Đắc Lắc'],
  'Đắk Nông': ['Đắk Nông', 'Đăk Nông'],
  Huế: ['Huế', 'Thừa Thiên Huế'],
};
/** Forms that name the city only after "thành phố"/"TP" ("Đoàn Thanh niên Cộng sản Hồ Chí Minh" names a person). */
const AFTER_PREFIX_ONLY = new Set(['Hồ Chí Minh', 'HCM']);

/** A province named in a text: its name (null: a local unit that is no province, `local` only), where the name is, where its mention starts ("tỉnh …"). */
export interface ProvinceMention {
  name: string | null;
  at: number;
  end: number;
  from: number;
}

/** One word's key (spellingKey), kept: the same capitalised words come back sentence after sentence. */
const wordKeys = new Map<string, string>();
function wordKey(w: string): string {
  let k = wordKeys.get(w);
  if (k === undefined) {
    k = spellingKey(w);
    if (wordKeys.size >= 10_000) wordKeys.clear();
    wordKeys.set(w, k);
  }
  return k;
}

/** A written form as the names are keyed: spellingKey, dashes and spaces around them as " - ". */
function formKey(written: string): string {
  return spellingKey(written).replace(/\s*[-–—]\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

/** Key of a written form → the province's name; the keys of the first words of the forms; the forms read only after a prefix. */
let known: { names: Map<string, string>; firstWords: Set<string>; prefixOnly: Set<string> } | null = null;
function knownNames(): { names: Map<string, string>; firstWords: Set<string>; prefixOnly: Set<string> } {
  if (known) return known;
  const names = new Map<string, string>();
  const firstWords = new Set<string>();
  const prefixOnly = new Set<string>();
  for (const name of PROVINCE_NAMES)
    for (const v of VARIANTS[name] ?? [name]) {
      names.set(formKey(v), name);
      firstWords.add(wordKey(/^[^\s.\-–—]+/u.exec(v)![0]));
      if (AFTER_PREFIX_ONLY.has(v)) prefixOnly.add(formKey(v));
    }
  return (known = { names, firstWords, prefixOnly });
}
/** The most words a written form has ("Bà Rịa - Vũng Tàu"). */
const MAX_WORDS = 5;
const PACIFIC_TAIL = spellingKey('Dương');

/**
 * Runs of capitalised words ("Tỉnh Quảng Ninh", "TP.HCM", "Bà Rịa – Vũng Tàu"): a name is written
 * with every word capitalised, so only these are looked up (prose is mostly lower case: one pass).
 */
const RUN = /\p{Lu}\p{L}*(?:(?:[ \t]+|[ \t]*[-–—][ \t]*|\.[ \t]*)\p{Lu}\p{L}*)*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const WORD = /\p{Lu}\p{L}*/gu;
/** "tỉnh", "thành phố", "TP" just before a name (the text up to the name). */
const PREFIX = /(?<![\p{L}\p{N}])(?:[Tt]ỉnh|[Tt]hành phố|TP\.?) $/u;
/** "tỉnh", "thành phố", "TP" before a capitalised word: a local unit, named or not. */
const LOCAL_UNIT = /(?<![\p{L}\p{N}])(?:[Tt]ỉnh|[Tt]hành phố|TP\.?) (\p{Lu}\p{L}*)(?![\p{L}\p{N}])/gu;

/** A mention of a province by one of its names. */
export type NamedProvince = ProvinceMention & { name: string };

/**
 * The provinces `text` names, in text order (a name after "tỉnh"/"thành phố"/"TP" with the word in
 * its mention); with `local`, also "tỉnh"/"thành phố"/"TP" before a capitalised word that starts no
 * province's name (name null).
 */
export function provincesNamed(text: string): NamedProvince[];
export function provincesNamed(text: string, options: { local: boolean }): ProvinceMention[];
export function provincesNamed(text: string, options: { local?: boolean } = {}): ProvinceMention[] {
  work.steps += text.length;
  const out: ProvinceMention[] = [];
  if (!/\p{Lu}/u.test(text)) return out;
  const { names, firstWords, prefixOnly } = knownNames();
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    // Whole words only: not the capital inside "iPhone", nor a run that goes on into digits.
    if (WORD_CHAR.test(text[run.index - 1] ?? '') || DIGIT.test(text[run.index + run[0].length] ?? '')) continue;
    const words: Array<[number, number]> = [];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(run[0]); w; w = WORD.exec(run[0])) words.push([run.index + w.index, run.index + w.index + w[0].length]);
    for (let i = 0; i < words.length; ) {
      // Most capitalised words open a sentence ("Năm", "Theo"): no name starts with them.
      if (!firstWords.has(wordKey(text.slice(words[i][0], words[i][1])))) {
        i++;
        continue;
      }
      // The longest written form that starts at word i.
      let found = 0;
      let name = '';
      let key = '';
      for (let j = Math.min(words.length, i + MAX_WORDS); j > i && !found; j--) {
        key = formKey(text.slice(words[i][0], words[j - 1][1]));
        const hit = names.get(key);
        if (hit) {
          found = j - i;
          name = hit;
        }
      }
      if (!found) {
        i++;
        continue;
      }
      const at = words[i][0];
      const end = words[i + found - 1][1];
      // The Pacific ("châu Á – Thái Bình Dương") names neither Thái Bình nor Bình Dương.
      const next = words[i + found];
      if (name === 'Thái Bình' && next && wordKey(text.slice(next[0], next[1])) === PACIFIC_TAIL) {
        i += found + 1;
        continue;
      }
      const prefix = PREFIX.exec(text.slice(Math.max(0, at - 12), at));
      if (!prefix && prefixOnly.has(key)) {
        i += found;
        continue;
      }
      out.push({ name, at, end, from: prefix ? at - prefix[0].length : at });
      i += found;
    }
  }
  if (options.local) {
    const named = out.slice();
    let added = false;
    for (const m of text.matchAll(LOCAL_UNIT)) {
      const at = m.index + m[0].length - m[1].length;
      if (named.some((n) => n.at <= at && at < n.end)) continue;
      out.push({ name: null, at, end: at + m[1].length, from: m.index });
      added = true;
    }
    if (added) out.sort((a, b) => a.from - b.from);
  }
  return out;
}

/** Words saying a figure is the country's ("cả nước", "toàn quốc", "Việt Nam"). */
export const NATION_WORDS = /(?<![\p{L}])(?:cả nước|toàn quốc|Việt Nam)(?![\p{L}])/iu;

/** A province named as the place of an event ("Hội nghị … tại Đà Nẵng"), no owner of a figure. */
export const VENUE_BEFORE = /(?:hội nghị|diễn đàn|hội thảo|tọa đàm|toạ đàm|sự kiện|lễ|phiên họp|triển lãm|tổ chức|khai mạc|diễn ra)[^,;:.]{0,40}$/iu;

/**
 * The first province (or local unit after "tỉnh"/"thành phố"/"TP") `text` names as an owner, not as
 * an event's venue, as written ("tỉnh Quảng Ninh", "TP.HCM"); null if none.
 */
export function ownerProvince(text: string): string | null {
  if (!/\p{Lu}/u.test(text)) return null;
  const t = text.normalize('NFC');
  for (const m of provincesNamed(t, { local: true })) {
    if (VENUE_BEFORE.test(t.slice(Math.max(0, m.from - 60), m.from))) continue;
    return t.slice(m.from, m.end);
  }
  return null;
}
