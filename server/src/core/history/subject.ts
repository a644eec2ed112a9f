/**
 * The province a figure of a provincial series is about: part of the history's key, so that the
 * rules compare a province's DTI score or rank only with the same province's earlier statements
 * (docs/history.md "Provinces in the history").
 *
 * A provincial series is a catalog entry of scope `national` whose name says "cấp tỉnh" or whose
 * denominator counts the provinces (the provincial DTI, its ranks, pillars and indices). Its
 * figure's subject is, in this order:
 * 1. the one province named in the figure's clause (the text between the clause breaks , ; : ( )
 *    around it, references left out); "trung bình"/"bình quân" there and no province: the national
 *    average (`NATIONAL`), a subject of its own, never a province's; a figure in parentheses is
 *    that of the words before them ("bình quân cả nước (0,4014 điểm)", "sau Hà Nội (0,8241)");
 * 2. else the one province the sentence names;
 * 3. else, when the sentence names none ("về kinh tế số, tỉnh xếp thứ 8", a table row): the one
 *    named last before it in its paragraph or table (a table's header), else the one its section's
 *    heading names, else, when no province is named in its section before it, the report's own
 *    province: the one its front matter's `committee`, `issuer` or `issuer-parent` names ("Ủy ban
 *    nhân dân tỉnh Quảng Ninh");
 * 4. else none: the figure is compared with nothing (as every provincial figure was before).
 * Two provinces where one is looked for (a list, "Đà Nẵng sau sáp nhập với Quảng Nam", "Hà Nội, Huế
 * lần lượt đạt …", a clause that opens with the last province of a list) is none.
 *
 * Province names are the 63 of before 1 July 2025 and the 34 after (agencies.ts), matched with
 * each word capitalised, tone marks in either placement ("Khánh Hòa", "Khánh Hoà"); a former name
 * stays its own province ("Hải Dương" is not "Hải Phòng"), a renamed one is the same ("Thừa Thiên
 * Huế" is "Huế"). Pure.
 */
import { unpinned } from '../caches';
import { FORMER_PROVINCES, PROVINCES_2025 } from '../agencies';
import type { Indicator } from '../catalog/types';
import type { FrontMatter } from '../parse/model';

/** The subject of a provincial figure that states the provinces' average ("giá trị trung bình DTI cấp tỉnh"). */
export const NATIONAL = 'cả nước';

/** Tone marks (not the vowel marks of ă â ê ô ơ ư): written on either vowel of "oa", "oe", "uy". */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const foldedChars = new Map<string, string>();

/** Lower case without tone marks, one UTF-16 unit for one (offsets stay those of `s`). */
function toneFold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = c.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
      continue;
    }
    let f = foldedChars.get(c);
    if (f === undefined) {
      const g = c.normalize('NFD').replace(TONES, '').normalize('NFC').toLowerCase();
      f = g.length === 1 ? g : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
      foldedChars.set(c, f);
    }
    out += f;
  }
  return out;
}

/** The 63 provinces and the 34 units after 1 July 2025, by name; extra ways of writing some. */
const VARIANTS: Record<string, string[]> = {
  'Thành phố Hồ Chí Minh': ['Hồ Chí Minh', 'TP HCM', 'TP.HCM', 'TP. HCM', 'TPHCM', 'HCM'],
  'Bà Rịa - Vũng Tàu': ['Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BR-VT'],
  'Đắk Lắk': ['Đắk Lắk', 'Đăk Lăk', 'Đắc Lắc'],
  'Đắk Nông': ['Đắk Nông', 'Đăk Nông'],
};

/** Every province name: the 34 of today and the 29 merged on 1 July 2025. */
export const PROVINCE_NAMES: readonly string[] = [...PROVINCES_2025, ...Object.keys(FORMER_PROVINCES)];

/** Folded written form (canonicalForm of toneFold) → the province's name. */
let names: Map<string, string> | null = null;
/** The folded first words of the written forms ("quang", "tp", "huê"): a run's other words start no name. */
let firstWords: Set<string> | null = null;
/** The most words a written form has ("Bà Rịa - Vũng Tàu"). */
const MAX_WORDS = 5;

function provinceNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  firstWords = new Set();
  for (const name of PROVINCE_NAMES)
    for (const v of VARIANTS[name] ?? [name]) {
      const key = canonicalForm(toneFold(v));
      names.set(key, name);
      firstWords.add(/^[^\s.\-–—]+/u.exec(key)![0]);
    }
  return names;
}

/** A folded written form as the names are keyed: dashes and spaces around them as " - ", runs of spaces as one. */
function canonicalForm(folded: string): string {
  return folded.replace(/\s*[-–—]\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

/**
 * Runs of capitalised words ("Tỉnh Quảng Ninh", "TP.HCM", "Bà Rịa – Vũng Tàu"): a name is written
 * with every word capitalised, so only these are looked up (prose is mostly lower case: one pass).
 */
const RUN = /\p{Lu}\p{L}*(?:(?:[ \t]+|[ \t]*[-–—][ \t]*|\.[ \t]*)\p{Lu}\p{L}*)*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD = /\p{Lu}\p{L}*/gu;

/** The provinces `text` names (each with its offset), in text order; "Thái Bình Dương" (the ocean) is none. */
export function provincesNamed(text: string): Array<{ name: string; at: number; end: number }> {
  const known = provinceNames();
  const out: Array<{ name: string; at: number; end: number }> = [];
  RUN.lastIndex = 0;
  for (let run = RUN.exec(text); run; run = RUN.exec(text)) {
    // Whole words only: not the capital inside "iPhone", nor a run that goes on into digits.
    if (WORD_CHAR.test(text[run.index - 1] ?? '') || /\p{N}/u.test(text[run.index + run[0].length] ?? '')) continue;
    const words: Array<[number, number]> = [];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(run[0]); w; w = WORD.exec(run[0])) words.push([run.index + w.index, run.index + w.index + w[0].length]);
    for (let i = 0; i < words.length; ) {
      let found = 0;
      let name = '';
      // Most capitalised words open a sentence ("Năm", "Theo"): no name starts with them.
      if (!firstWords!.has(toneFold(text.slice(words[i][0], words[i][1])))) {
        i++;
        continue;
      }
      // The longest written form that starts at word i.
      for (let j = Math.min(words.length, i + MAX_WORDS); j > i && !found; j--) {
        const hit = known.get(canonicalForm(toneFold(text.slice(words[i][0], words[j - 1][1]))));
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
      if (name === 'Thái Bình' && next && toneFold(text.slice(next[0], next[1])) === 'dương') {
        i += found + 1;
        continue;
      }
      out.push({ name, at, end });
      i += found;
    }
  }
  return out;
}

const provincial = new WeakMap<Indicator, boolean>();

/**
 * A series of provinces: scope `national` (a ranking or index of many units) and about provinces —
 * "cấp tỉnh" in its name, or a denominator that counts the provinces. The ministries' DTI is not.
 */
export function isProvincial(indicator: Indicator): boolean {
  let p = provincial.get(indicator);
  if (p === undefined) {
    p = indicator.scope === 'national' && (/cap tinh/.test(toneFold(indicator.name).normalize('NFD').replace(/[\u0300-\u036f]/g, '')) || /^tỉnh/u.test(indicator.denominatorOf ?? ''));
    provincial.set(indicator, p);
  }
  return p;
}

/** The front-matter fields that may name the body a report is of (docs/dialect.md §2). */
export const PROVINCE_FIELDS = ['committee', 'issuer', 'issuer-parent'] as const;

/**
 * The province a report is of: the one province its `committee`, `issuer` and `issuer-parent` name
 * ("Ủy ban nhân dân tỉnh Quảng Ninh", "Sở Khoa học và Công nghệ thành phố Huế"); undefined when they
 * name none, or more than one.
 */
export function reportProvince(fm: FrontMatter | null | undefined): string | undefined {
  if (!fm) return undefined;
  const kept = provinceOf.get(fm);
  if (kept) return kept.name;
  const found = new Set<string>();
  for (const field of PROVINCE_FIELDS) {
    const v = fm.data[field];
    if (typeof v === 'string') for (const p of provincesNamed(v)) found.add(p.name);
  }
  const name = found.size === 1 ? [...found][0] : undefined;
  provinceOf.set(fm, { name });
  return name;
}

/** reportProvince of each front matter (never changed once parsed). */
const provinceOf = new WeakMap<FrontMatter, { name: string | undefined }>();

/** The front-matter fields reportProvince reads, when they name a province (what a history document keeps of them). */
export function provinceFields(fm: FrontMatter | null | undefined): Record<string, string> | null {
  if (!fm || reportProvince(fm) === undefined) return null;
  const out: Record<string, string> = {};
  for (const field of PROVINCE_FIELDS) if (typeof fm.data[field] === 'string') out[field] = fm.data[field] as string;
  return out;
}

const CLAUSE_BREAK = /[,;:()\n]/u;
const RESPECTIVELY = /(?:^|[^\p{L}])lần lượt(?![\p{L}])/iu;
const AVERAGE = /(?:^|[^\p{L}])(?:trung bình|bình quân)(?![\p{L}])/iu;

/**
 * `text` with its references and HTML comments blanked, same length: "[[…]]" names a series, a
 * comment (a source note) is no statement, and neither names the province a figure is about.
 */
function masked(text: string): string {
  return text.includes('[[') || text.includes('<!--') ? text.replace(/\[\[[^\]\r\n]*\]\]|<!--[^]*?-->/g, (m) => m.replace(/[^\r\n]/g, ' ')) : text;
}

/**
 * The subject of a figure of a provincial series (see the module comment): `text` the document's,
 * `sentence` the offsets of the figure's sentence, [at, end) the figure's, `own` the report's own
 * province (reportProvince). A province's name, NATIONAL, or undefined.
 */
export function subjectOf(text: string, sentence: { start: number; end: number }, at: number, end: number, own: string | undefined): string | undefined {
  // What it reads: the sentence and the text before it (fromContext), the figure's place, the
  // report's province. A keystroke checks every figure again: the same reading is not done again.
  const from = Math.max(0, sentence.start - LOOKBACK);
  // Its own copy (caches.ts unpinned): a slice in it would keep the whole text of this version alive.
  const key = unpinned(`${own ?? ''}\0${at - from}\0${end - from}\0${sentence.start - from}\0${from === 0 ? '' : '…'}${text.slice(from, sentence.end)}`);
  const kept = subjects.get(key);
  if (kept !== undefined) return kept === NONE ? undefined : kept;
  const subject = readSubject(text, sentence, at, end, own);
  if (subjects.size >= 1_000) subjects.clear();
  subjects.set(key, subject ?? NONE);
  return subject;
}

/** subjectOf's answers by what they read: at most 1 000 (each key up to 3 000 characters of text, about 6 MB at worst). */
const subjects = new Map<string, string>();
const NONE = '\0';

function readSubject(text: string, sentence: { start: number; end: number }, at: number, end: number, own: string | undefined): string | undefined {
  const s = masked(text.slice(sentence.start, sentence.end));
  const from = at - sentence.start;
  const to = end - sentence.start;
  if (from < 0 || to > s.length) return undefined;
  // The figure's clause: from the break before it to the break after it.
  let a = from;
  while (a > 0 && !CLAUSE_BREAK.test(s[a - 1])) a--;
  let b = to;
  while (b < s.length && !CLAUSE_BREAK.test(s[b])) b++;
  const clause = s.slice(a, b);
  const named = provincesNamed(s);
  const inSentence = new Set(named.map((p) => p.name));
  // Several provinces and "lần lượt" ("Hà Nội, Huế lần lượt đạt 0,8241 và 0,7951"): which figure is
  // whose is the order of two lists, not a clause's.
  if (inSentence.size > 1 && RESPECTIVELY.test(s)) return undefined;
  const inClause = new Set(named.filter((p) => p.at >= a && p.end <= b).map((p) => p.name));
  if (inClause.size === 1) {
    // The last of a list of provinces ("Hà Nội, Huế đạt trên 0,79"): the clause is not its own.
    if (inSentence.size > 1 && s[a - 1] === ',' && named.some((p) => p.end <= a - 1 && /^\s*$/.test(s.slice(p.end, a - 1)))) return undefined;
    return [...inClause][0];
  }
  if (inClause.size > 1) return undefined;
  if (AVERAGE.test(clause)) return NATIONAL;
  // A figure in parentheses is the one of the words before them: "so với điểm bình quân cả nước
  // (0,4014 điểm)" is the average's, "cao hơn Đà Nẵng (0,8002)" Đà Nẵng's.
  if (s[a - 1] === '(') {
    let p = a - 1;
    while (p > 0 && !CLAUSE_BREAK.test(s[p - 1])) p--;
    const lead = s.slice(p, a - 1);
    const inLead = new Set(named.filter((n) => n.at >= p && n.end <= a - 1).map((n) => n.name));
    if (inLead.size) return inLead.size === 1 && !AVERAGE.test(lead) ? [...inLead][0] : undefined;
    if (AVERAGE.test(lead)) return NATIONAL;
  }
  if (inSentence.size === 1) return [...inSentence][0];
  if (inSentence.size > 1) return undefined;
  return fromContext(text, sentence.start, own);
}

/** How far back a sentence that names no province reads for the one it speaks of. */
const LOOKBACK = 3000;

/** What fromContext reads of the text before a sentence (absolute offsets). */
interface ContextIndex {
  /** Province names outside references and comments, in text order. */
  mentions: Array<{ name: string; at: number; end: number }>;
  /** Where each paragraph or table starts (after a blank line), ascending. */
  paragraphs: number[];
  /** Each heading line: its start, end, and the provinces it names. */
  headings: Array<{ at: number; end: number; names: Set<string> }>;
}

/** Where the front matter ends (0 if none): it names the report's own province (reportProvince), not a sentence's. */
function bodyStart(text: string): number {
  return /^\uFEFF?---\r?\n[^]*?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 20_000))?.[0].length ?? 0;
}

/** The ContextIndex of text[from, to): a bounded window, read once per sentence that needs it. */
function contextIndex(text: string, from: number, to: number): ContextIndex {
  const w = text.slice(from, to);
  // A reference or a comment names none (as spans).
  const spans: Array<[number, number]> = [];
  for (const x of w.matchAll(/\[\[[^\]\r\n]*\]\]|<!--[^]*?-->/g)) spans.push([x.index, x.index + x[0].length]);
  // A comment open at the window's end reaches the sentence: nothing after its start counts.
  const open = w.lastIndexOf('<!--');
  if (open >= 0 && w.indexOf('-->', open) < 0) spans.push([open, w.length]);
  const mentions: ContextIndex['mentions'] = [];
  let k = 0;
  for (const p of provincesNamed(w)) {
    while (k < spans.length && spans[k][1] <= p.at) k++;
    if (!(k < spans.length && spans[k][0] < p.end)) mentions.push({ name: p.name, at: from + p.at, end: from + p.end });
  }
  const paragraphs: number[] = [];
  for (const b of w.matchAll(/\n[ \t]*\r?\n/g)) paragraphs.push(from + b.index + b[0].length);
  const headings: ContextIndex['headings'] = [];
  let j = 0;
  for (const h of w.matchAll(/(?:^|\n)([ \t]{0,3}#{1,6}[ \t][^\n]*)/g)) {
    const at = from + h.index + h[0].length - h[1].length;
    const end = at + h[1].length;
    const names = new Set<string>();
    while (j < mentions.length && mentions[j].end <= end) {
      if (mentions[j].at >= at) names.add(mentions[j].name);
      j++;
    }
    headings.push({ at, end, names });
  }
  return { mentions, paragraphs, headings };
}

/** The last element of ascending `list` whose key is at most `x`, as an index; -1 if none. */
function lastAtMost<T>(list: T[], key: (t: T) => number, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The province a sentence that names none speaks of ("về kinh tế số, tỉnh xếp thứ 8", a table row):
 * the one named last before it in its paragraph or table (a table's header: "| Thanh Hóa, DTI năm
 * 2021 | Kết quả |"), else the one its section's heading names, else — when nothing between that
 * heading and the sentence names a province — the report's own. Several at the place looked at: none.
 */
function fromContext(text: string, start: number, own: string | undefined): string | undefined {
  const body = bodyStart(text);
  const from = Math.max(body, start - LOOKBACK);
  const { mentions, paragraphs, headings } = contextIndex(text, from, start);
  const m = text;
  const p = lastAtMost(paragraphs, (x) => x, start);
  const paragraphStart = p >= 0 ? paragraphs[p] : from;
  const k = lastAtMost(mentions, (x) => x.end, start);
  const last = k >= 0 ? mentions[k] : undefined;
  if (last && last.at >= paragraphStart) {
    // The last one named, unless its sentence (or row) names several: a list is nobody's referent.
    const open = Math.max(paragraphStart - 1, m.lastIndexOf('.', last.at), m.lastIndexOf(';', last.at), m.lastIndexOf('\n', last.at));
    const close = [m.indexOf('.', last.end), m.indexOf(';', last.end), m.indexOf('\n', last.end)].filter((x) => x >= 0);
    const stop = Math.min(start, ...close);
    let several = false;
    for (let j = k - 1; j >= 0 && mentions[j].at > open; j--) if (mentions[j].name !== last.name && mentions[j].end <= stop) several = true;
    return several ? undefined : last.name;
  }
  // The section's heading: the nearest line above that opens with "#".
  const h = lastAtMost(headings, (x) => x.at, start - 1);
  const heading = h >= 0 && headings[h].end <= start ? headings[h] : undefined;
  if (heading?.names.size) return heading.names.size === 1 ? [...heading.names][0] : undefined;
  // Another province named in the section before the sentence: whose figure this is is not sure.
  if (last && last.at >= (heading?.end ?? from)) return undefined;
  return own;
}

/** The history's key of a series for one subject ("dti-province-score" for Huế); the indicator's id when none. */
export function seriesKey(indicatorId: string, subject: string | undefined): string {
  return subject === undefined ? indicatorId : `${indicatorId}\u0001${subject}`;
}
