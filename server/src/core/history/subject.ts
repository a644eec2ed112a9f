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

interface Matcher {
  re: RegExp;
  /** Folded written form → the province's name. */
  names: Map<string, string>;
}
let matcher: Matcher | null = null;

function provinceMatcher(): Matcher {
  if (matcher) return matcher;
  const names = new Map<string, string>();
  for (const name of PROVINCE_NAMES) for (const v of VARIANTS[name] ?? [name]) names.set(canonicalForm(toneFold(v)), name);
  const alternatives = [...names.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ - |-| /g, (m) => (m === ' ' ? '\\s+' : '\\s*[-–—]\\s*')));
  matcher = { re: new RegExp(alternatives.join('|'), 'gu'), names };
  return matcher;
}

/** A folded written form as the matcher keys it: dashes and spaces around them as " - ", runs of spaces as one. */
function canonicalForm(folded: string): string {
  return folded.replace(/\s*[-–—]\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

/** True if every word of `written` starts with a capital (a name, not "diễn biến", "thái bình"). */
function capitalised(written: string): boolean {
  return written.split(/[\s\-–—.]+/u).every((w) => w === '' || w[0] !== w[0].toLowerCase());
}

/** The provinces `text` names (each with its offset), in text order; "Thái Bình Dương" (the ocean) is none. */
export function provincesNamed(text: string): Array<{ name: string; at: number; end: number }> {
  const { re, names } = provinceMatcher();
  const folded = toneFold(text);
  const out: Array<{ name: string; at: number; end: number }> = [];
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const at = m.index;
    const end = at + m[0].length;
    if (/[\p{L}\p{N}]/u.test(folded[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(folded[end] ?? '')) {
      re.lastIndex = at + 1;
      continue;
    }
    if (!capitalised(text.slice(at, end))) continue;
    const name = names.get(canonicalForm(m[0]));
    if (!name) continue;
    // The Pacific ("châu Á – Thái Bình Dương") names neither Thái Bình nor Bình Dương.
    if ((name === 'Thái Bình' && /^thai\s+binh\s+dương(?![\p{L}])/u.test(folded.slice(at))) || (name === 'Bình Dương' && /thai\s+$/u.test(folded.slice(Math.max(0, at - 8), at)))) continue;
    out.push({ name, at, end });
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

/** `sentence` with its references blanked ("[[…]]" names a series, not a province). */
function withoutReferences(sentence: string): string {
  return sentence.includes('[[') ? sentence.replace(/\[\[[^\]\r\n]*\]\]/g, (m) => ' '.repeat(m.length)) : sentence;
}

/**
 * The subject of a figure of a provincial series (see the module comment): `text` the document's,
 * `sentence` the offsets of the figure's sentence, [at, end) the figure's, `own` the report's own
 * province (reportProvince). A province's name, NATIONAL, or undefined.
 */
export function subjectOf(text: string, sentence: { start: number; end: number }, at: number, end: number, own: string | undefined): string | undefined {
  const s = withoutReferences(text.slice(sentence.start, sentence.end));
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

/** How far back a sentence that names no province looks for the one it speaks of. */
const LOOKBACK = 4000;

/**
 * The province a sentence that names none speaks of ("về kinh tế số, tỉnh xếp thứ 8", a table row):
 * the one named last before it in its paragraph or table (a table's header: "| Thanh Hóa, DTI năm
 * 2021 | Kết quả |"), else the one its section's heading names, else — when nothing between that
 * heading and the sentence names a province — the report's own. Several at the place looked at: none.
 */
function fromContext(text: string, start: number, own: string | undefined): string | undefined {
  const from = Math.max(0, start - LOOKBACK);
  const before = withoutReferences(text.slice(from, start));
  // The paragraph (or table) so far: from the last blank line.
  const blank = /\n[ \t]*\r?\n(?![^]*\n[ \t]*\r?\n)/.exec(before);
  const paragraph = blank ? before.slice(blank.index + blank[0].length) : before;
  const inParagraph = provincesNamed(paragraph);
  if (inParagraph.length) {
    const last = inParagraph[inParagraph.length - 1];
    // The last one named, unless its sentence (or row) names several: a list is nobody's referent.
    const open = Math.max(paragraph.lastIndexOf('.', last.at), paragraph.lastIndexOf(';', last.at), paragraph.lastIndexOf('\n', last.at));
    const close = [paragraph.indexOf('.', last.end), paragraph.indexOf(';', last.end), paragraph.indexOf('\n', last.end)].filter((k) => k >= 0);
    const stop = close.length ? Math.min(...close) : paragraph.length;
    return new Set(inParagraph.filter((p) => p.at > open && p.end <= stop).map((p) => p.name)).size === 1 ? last.name : undefined;
  }
  // The section's heading: the nearest line above that opens with "#".
  const heading = /(?:^|\n)[ \t]{0,3}#{1,6}[ \t]([^\n]*)(?![^]*\n[ \t]{0,3}#{1,6}[ \t])/.exec(before);
  if (heading) {
    const named = new Set(provincesNamed(heading[1]).map((p) => p.name));
    if (named.size) return named.size === 1 ? [...named][0] : undefined;
    // Another province named in the section before the sentence: whose figure this is is not sure.
    if (provincesNamed(before.slice(heading.index)).length) return undefined;
  } else if (provincesNamed(before).length) return undefined;
  return own;
}

/** The history's key of a series for one subject ("dti-province-score" for Huế); the indicator's id when none. */
export function seriesKey(indicatorId: string, subject: string | undefined): string {
  return subject === undefined ? indicatorId : `${indicatorId}\u0001${subject}`;
}
