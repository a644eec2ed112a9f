/**
 * Series choice from the document (round 34, gdp34; docs/reading.md §80): a name several series
 * share ("tỷ trọng kinh tế số trong GDP": the ministry's estimate and the statistics office's value)
 * that neither its sentence, its paragraph nor its period settles (series.ts) is settled, when the
 * document itself says which, by
 *
 * 1. the headings above it, nearest first: the first that names a compiler of the candidates
 *    decides when it names one series ("## Kết quả năm 2024 (theo báo cáo của Bộ Thông tin và
 *    Truyền thông)", the title "# Hội nghị tổng kết … của Bộ Thông tin và Truyền thông"); one that
 *    names several decides nothing (and no heading above it is asked);
 * 2. the report's own earlier choice: every earlier reference (or mark) of the name's series in the
 *    document is of one series (`[[Tỷ trọng kinh tế số trong GDP @ TCTK]]` before, the same name
 *    bare after);
 * 3. the report's own body: its front matter's `committee`, `issuer`, `issuer-parent` or `title`
 *    names one series' compiler ("committee: Cục Kinh tế số và Xã hội số, Bộ Thông tin và Truyền
 *    thông") and its text names no other series' compiler anywhere (a ministry's report that quotes
 *    the statistics office somewhere decides nothing by its front matter).
 *
 * Both the checker (series.ts inferSeries) and the markup detector (markup/series-choice.ts) ask
 * these, after the sentence and the period. The compiler naming itself (compilerNames,
 * namedCompilers) lives here too. Pure but for a one-text memo of the compilers its body names.
 */
import { registerCache } from './caches';
import type { Indicator } from './catalog/types';
import { foldKey } from './catalog/catalog';
import { headingChain, headingsOf } from './markup/context';
import { frontMatterField } from './parse/front-matter';
import { frontMatterAt } from './parse/markdown-source';
import type { ReportDocument } from './parse/model';
import { msg, type Msg } from './i18n';
import { foldSameLength } from './text';
import { work } from './work';

/**
 * The folded names and codes of every body that compiled an indicator's series, whatever its dates
 * (the Ministry of Science and Technology compiles the ministry's series since 1/3/2025, the
 * Statistics Office the statistics office's: a report names the body of its day).
 */
function compilerNames(ind: Indicator): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (!s) return;
    const key = foldKey(s);
    // Two-letter codes ("UN") are too easily a word: only names and longer codes count.
    if (key.replace(/[^a-z0-9]/g, '').length >= 3) out.push(key);
  };
  for (const c of ind.compilers ?? []) {
    add(c.name);
    for (const code of c.codes ?? []) add(code);
  }
  add(ind.compiler);
  for (const code of ind.compilerCodes ?? []) add(code);
  return out;
}

/**
 * The compilers named in `folded` (a folded text), as offsets per candidate: a name matches on word
 * boundaries; "Tổng cục Thống kê" does not also count as "Cục Thống kê" (the longer name wins).
 */
export function namedCompilers(folded: string, candidates: Indicator[]): Array<{ indicator: Indicator; at: number; end: number }> {
  const hits: Array<{ indicator: Indicator; at: number; end: number }> = [];
  for (const ind of candidates) {
    for (const key of compilerNames(ind)) {
      work.steps += folded.length;
      for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
        const end = at + key.length;
        if (/[a-z0-9]/.test(folded[at - 1] ?? '') || /[a-z0-9]/.test(folded[end] ?? '')) continue;
        hits.push({ indicator: ind, at, end });
      }
    }
  }
  // A hit inside a longer hit of another series is no naming of its own.
  return hits.filter((h) => !hits.some((o) => o !== h && o.indicator !== h.indicator && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at));
}

/** How the document settled a shared name. */
export interface DocumentChoice {
  indicator: Indicator;
  by: 'heading' | 'earlier' | 'report';
  reason: Msg;
}

/** References "[[…]]" blanked (a code inside one names that reference's series, not the text's). */
const blankRefs = (s: string): string => s.replace(/\[\[[^\]\r\n]*\]\]/g, (m) => ' '.repeat(m.length));

/** The series named in `text` (one), 'several', or null (none named). */
function oneNamed(text: string, candidates: Indicator[]): Indicator | 'several' | null {
  const s = blankRefs(text);
  const named = new Set(namedCompilers(foldSameLength(s), candidates).map((h) => h.indicator));
  return named.size === 1 ? [...named][0] : named.size ? 'several' : null;
}

/** The compiler as `text` writes it, for the reason. */
function writtenCompiler(text: string, ind: Indicator, candidates: Indicator[]): string {
  const s = blankRefs(text);
  const hit = namedCompilers(foldSameLength(s), candidates).find((h) => h.indicator === ind);
  return hit ? s.slice(hit.at, hit.end) : (ind.compiler ?? ind.id);
}

/**
 * The series the headings above offset `at` name (nearest first; the first naming any compiler of
 * the candidates decides, if it names one). `doc`: the text's parsed document, when the caller has
 * its outline (not parsed again).
 */
export function seriesOfHeadings(text: string, at: number, candidates: Indicator[], doc?: ReportDocument): DocumentChoice | null {
  if (candidates.length < 2) return null;
  if (doc && doc.text === text && doc.sections.length) headingsOf(text, doc);
  // (a document with no outline, restored from the history's saved form: its ATX headings read from the text, not parsed again)
  const chain = doc && !doc.sections.length ? atxChain(text, at) : headingChain(text, at);
  for (const h of chain) {
    const one = oneNamed(h.text, candidates);
    if (one === 'several') return null;
    if (!one) continue;
    const written = writtenCompiler(h.text, one, candidates);
    return { indicator: one, by: 'heading', reason: msg(`tiêu đề phía trên nêu cơ quan biên soạn: ${written}`, `the heading above names the compiler: ${written}`) };
  }
  return null;
}

/** The ATX headings ("## …") above `at`, the nearest of each higher level, nearest first. */
function atxChain(text: string, at: number): Array<{ text: string }> {
  const all: Array<{ level: number; text: string }> = [];
  for (const m of text.slice(0, at).matchAll(/^(#{1,6})[ \t]+(.*)$/gm)) all.push({ level: m[1].length, text: m[2] });
  const out: Array<{ text: string }> = [];
  let level = Infinity;
  for (let i = all.length - 1; i >= 0 && level > 1; i--) {
    if (all[i].level >= level) continue;
    level = all[i].level;
    out.push(all[i]);
  }
  return out;
}

/** The one series of the candidates the earlier references of the document stand for (in order; null ones and other entries skipped), else null. */
export function seriesChosenBefore(earlier: ReadonlyArray<Indicator | null>, candidates: Indicator[]): DocumentChoice | null {
  if (candidates.length < 2) return null;
  const used = new Set(earlier.filter((i): i is Indicator => !!i && candidates.includes(i)));
  if (used.size !== 1) return null;
  const one = [...used][0];
  const who = one.compiler ?? one.id;
  return { indicator: one, by: 'earlier', reason: msg(`báo cáo đã dùng tên này cho chuỗi của ${who} ở phía trước`, `the report used this name for the ${who} series earlier`) };
}

/** The front matter's fields that say whose report it is. */
const OWN_FIELDS = ['committee', 'issuer', 'issuer-parent', 'title'] as const;

/** The last text read: its body (after the front matter), folded, and the candidates' verdicts on it. */
let memo: { text: string; body: string; named: Map<Indicator, boolean>; own: Map<string, string> } | null = null;
registerCache(() => {
  memo = null;
});

function memoOf(text: string): NonNullable<typeof memo> {
  if (memo?.text === text) return memo;
  const fm = frontMatterAt(text);
  const from = fm && fm.end >= 0 ? fm.end : 0;
  memo = { text, body: foldSameLength(blankRefs(text.slice(from))), named: new Map(), own: new Map() };
  return memo;
}

/**
 * A front-matter field as text: the YAML's value, else (a front matter the YAML reader refuses, a
 * title with an unquoted ": ", which the checker reports) its line's words after "field:".
 */
function ownField(text: string, field: string): string {
  const raw = frontMatterField(text, field);
  if (typeof raw === 'string') return raw.slice(0, 300);
  const fm = frontMatterAt(text);
  if (!fm || fm.end < 0) return '';
  const line = new RegExp(`^${field}:[ \t]*(.*)$`, 'm').exec(text.slice(fm.open, Math.min(fm.end, fm.open + 4000)));
  return line ? line[1].slice(0, 300) : '';
}

/**
 * The series whose compiler the report's front matter names (its committee, issuer or title), when
 * it names one and the report's text names no other candidate's compiler.
 */
export function seriesOfReport(text: string, candidates: Indicator[]): DocumentChoice | null {
  if (candidates.length < 2) return null;
  const m = memoOf(text);
  const fields: string[] = [];
  for (const field of OWN_FIELDS) {
    let v = m.own.get(field);
    if (v === undefined) m.own.set(field, (v = ownField(text, field)));
    if (v) fields.push(v);
  }
  const one = oneNamed(fields.join(' ; '), candidates);
  if (!one || one === 'several') return null;
  // (the body names another series' compiler: the report quotes it somewhere, its own word decides nothing)
  for (const other of candidates) {
    if (other === one) continue;
    let named = m.named.get(other);
    if (named === undefined) m.named.set(other, (named = namedCompilers(m.body, [other]).length > 0));
    if (named) return null;
  }
  const written = writtenCompiler(fields.join(' ; '), one, candidates);
  return { indicator: one, by: 'report', reason: msg(`báo cáo là của ${written} (phần đầu), không nêu cơ quan biên soạn nào khác`, `the report is ${written}'s own (front matter) and names no other compiler`) };
}

/**
 * The series the document settles a shared name on at offset `at`: its headings, else its earlier
 * choice (`earlier`: the series the references before it stand for), else its own body; null when
 * none of them decides.
 */
export function seriesOfDocument(text: string, at: number, candidates: Indicator[], earlier: ReadonlyArray<Indicator | null>, doc?: ReportDocument): DocumentChoice | null {
  return seriesOfHeadings(text, at, candidates, doc) ?? seriesChosenBefore(earlier, candidates) ?? seriesOfReport(text, candidates);
}
