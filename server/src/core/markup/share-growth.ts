/**
 * Round 35 (growth35; docs/reading.md §85): a growth told beside a share in one clause chain.
 * Writers give a subject's share of a whole and, in the next clause of the same sentence, its rate of
 * growth, the subject not written again: "kinh tế số ước chiếm 18,3% GDP, tốc độ tăng trưởng khoảng
 * 20% so với năm 2023", "… đạt 18,3% GDP, tốc độ tăng trưởng vượt 20%/năm", "… chiếm khoảng 10% tổng mức
 * bán lẻ …, tăng trên 25%". The growth clause names nothing; the subject is the share's.
 *
 * Read here: a name in the sentence whose entry (or, for a subject name, one of whose entries) is a
 * share "Tỷ trọng X trong W" (GDP's or another whole's), the first percent after it the share's
 * (the whole written right after it: catalog/gdp-share.ts ofGdp, opensWithWhole), then, with no
 * figure, comma or clause stop in the whole's words, a comma opening the growth clause:
 * "(với) (tốc độ|mức) tăng trưởng|tăng (bình quân) (hedge)" right before a percent. The growth entry
 * is the catalog's one "Tăng trưởng X" (name or alias, "tốc độ tăng trưởng X" too) of the share's
 * subject X; none or several: nothing. After the share's own name ("tỷ trọng …"), the growth words must
 * say "tăng trưởng": a bare "tăng" there is the share's change ("tỷ trọng … đạt 7%, tăng 27% so với
 * năm 2020": the share rose 27%, held10's "… ước khoảng 14,96%, tăng 21% so với cùng kỳ").
 * A forecast or plan word before the growth figure in the
 * sentence ("dự kiến", "mục tiêu", "sẽ"…): nothing (a target's or forecast's growth is no level).
 * Another subject written in the growth clause ("…, trong khi Thái Lan tăng 20%") does not open with
 * the growth words: nothing. The growth is then a name with no words of its own right before the
 * figure (as detect.ts detectUnnamed's): `canonical` inserts the name, `wrap` lists the case. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import { gdpShareSubject, ofGdp, opensWithWhole, wholeShareSubject } from '../catalog/gdp-share';
import { tokenize } from '../catalog/name-keys';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { FORECAST } from './judge';
import { tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import type { AmbiguousCase, MarkMode } from './types';
import { subjectCandidate, type NameContext } from './subject-names';

/** Words of a plan or a target before the growth figure: the measure of a plan, not the value. */
const PLANNED = /(?<![\p{L}])(?:mục tiêu|kế hoạch|phấn đấu|chỉ tiêu|định hướng)(?![\p{L}])/iu;
/**
 * From the share's percent to the growth's numeral: the whole's words (no figure, comma or clause
 * stop; at most 80 characters), a comma, the growth words, a hedge. (Not "và": the checker's binder
 * gives a name right before "và tăng N%" the share's percent, not the change.) Bounded: no retry over
 * an unbounded run.
 */
const BETWEEN = new RegExp(
  String.raw`^[^\d,;:.!?()\n]{0,80}?,\s{0,3}(?<words>(?:(?:với|có|đạt)\s{1,3})?(?:(?:tốc độ|mức)\s{1,3})?(?:tăng trưởng|tăng)\s{1,3}(?:(?:bình quân|trung bình)\s{1,3})?)(?:(?:vượt|trên|hơn|khoảng|gần|xấp xỉ|chừng|ở mức|đạt|là)\s{1,3})?$`,
  'iu',
);

/** Per catalog, the growth entry of each folded subject ("kinh te so" → "Tăng trưởng kinh tế số"); null when none or several. */
const growthBySubject = new WeakMap<Catalog, Map<string, Indicator | null>>();

function growthOf(catalog: Catalog, subject: string): Indicator | null {
  let t = growthBySubject.get(catalog);
  if (!t) {
    t = new Map();
    for (const g of catalog.all()) {
      if (g.measure !== 'growth') continue;
      for (const label of [g.name, ...(g.aliases ?? [])]) {
        const m = /^(?:toc do )?tang truong (.+)$/.exec(tokenize(foldKey(label)).join(' '));
        if (!m) continue;
        const had = t.get(m[1]);
        t.set(m[1], had === undefined || had === g ? g : null);
      }
    }
    growthBySubject.set(catalog, t);
  }
  return t.get(subject) ?? null;
}

/**
 * The folded subject X of the share a name is: a name of a share entry (every entry it may be a
 * "Tỷ trọng X trong W" of one X; the whole is in its words), or a subject name one of whose share
 * entries has its whole written right after the percent (`after`); else null.
 */
function shareSubjectOf(n: Named, after: string): string | null {
  const subjects = n.subject
    ? n.subject.map((s) => shareSubject(s.indicator, after))
    : [...new Set([n.indicator, ...n.candidates])].map((i) => shareSubject(i, null));
  const found = new Set(subjects.filter((s): s is string => !!s));
  if (found.size !== 1 || (!n.subject && subjects.some((s) => !s))) return null;
  return [...found][0];
}

/** The subject X of a share entry "Tỷ trọng X trong W" (its whole written right after the percent's start of `after`, when given); else null. */
function shareSubject(ind: Indicator, after: string | null): string | null {
  const folded = tokenize(foldKey(ind.name)).join(' ');
  const gdp = gdpShareSubject(folded);
  if (gdp) return after === null || ofGdp(after) ? gdp : null;
  const whole = wholeShareSubject(folded);
  return whole && (after === null || opensWithWhole(after, whole.whole)) ? whole.subject : null;
}

/** The first index `i` in [0, n) where `at(i)` holds (false before it, true from it on); n if none. */
function lowerBound(n: number, at: (i: number) => boolean): number {
  let [lo, hi] = [0, n];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The offset of the first match of any of `res` in `text` (Infinity if none). */
function firstAt(text: string, ...res: RegExp[]): number {
  return Math.min(...res.map((re) => text.search(re)).map((i) => (i < 0 ? Infinity : i)));
}

/** The run's parts this reader uses (detect.ts Run). */
interface RunPart extends NameContext {
  mode: MarkMode;
  ambiguous: AmbiguousCase[];
}

/** Per run (its list of cases), the growths read in `wrap` mode: the text offset of each figure and its entry. */
const listed = new WeakMap<AmbiguousCase[], Map<number, Indicator>>();
function listedAt(run: RunPart): Map<number, Indicator> {
  let m = listed.get(run.ambiguous);
  if (!m) listed.set(run.ambiguous, (m = new Map()));
  return m;
}

/**
 * The run's cases with each growth this reader named in `wrap` mode, which the judge lists as a name
 * with no words (`variant-name` on nothing), said as it is: the name is the share's subject's, written
 * nowhere near the figure (`name-elsewhere`).
 */
export function relabelShareGrowth(run: RunPart): AmbiguousCase[] {
  const at = listed.get(run.ambiguous);
  if (!at) return run.ambiguous;
  return run.ambiguous.map((c) => {
    const g = c.reason === 'variant-name' ? at.get(c.start) : undefined;
    if (!g || c.candidates[0] !== g) return c;
    const raw = c.figures[0] ?? '';
    const words = c.text ? ` "${c.text}"` : '';
    return { ...c, reason: 'name-elsewhere', message: msg(
      `"${raw}": mức tăng của chủ thể của tỷ trọng viết trước nó trong câu ("${g.name}"); chữ${words} trước số liệu không phải tên chỉ tiêu để bọc: chưa đánh dấu. Viết tên chỉ tiêu trước số liệu để đánh dấu.`,
      `"${raw}": the growth of the subject of the share written before it in the sentence ("${g.name}"); the words${words} before the figure are no name of the indicator to wrap: left unmarked. Write the indicator's name before the figure to mark it.`,
    ) };
  });
}

/**
 * The growth names a unit's first part tells beside a share (the growth clause after the share's
 * percent), each on the growth words before its figure ("tốc độ tăng trưởng": `canonical` writes the
 * name over them), or right before the figure when the figure's own words begin them. In `wrap` there
 * are no words of the name to wrap: the judge lists the case (relabelled `name-elsewhere` by
 * relabelShareGrowth).
 */
export function shareGrowthNames(run: RunPart, unit: ProseUnit, named: Named[], plainFigs: Figure[][]): Named[] {
  if (unit.table) return [];
  const part = unit.parts[0];
  const figs = (plainFigs[0] ?? []).filter((f) => f.kind === 'percent').sort((a, b) => a.start - b.start);
  if (figs.length < 2) return [];
  const text = part.text;
  const own = named.filter((n) => n.part === 0);
  const mayShare = own.filter((n) => (n.subject ? n.subject.map((x) => x.indicator) : [n.indicator]).some((i) => /^t[iy] trong /.test(foldKey(i.name))));
  if (!mayShare.length) return [];
  // (sorted once: each name's first percent after it and the names after it found by halving, linear over a long sentence)
  const starts = own.map((n) => n.cand.start).sort((a, b) => a - b);
  const namedEntries = new Set(own.map((n) => n.indicator));
  const planned = firstAt(text, FORECAST, PLANNED);
  const tokens = tokensOf(part);
  const out: Named[] = [];
  const taken = new Set<number>();
  for (const n of mayShare) {
    const k = lowerBound(figs.length, (i) => figs[i].start >= n.cand.end);
    if (k + 1 >= figs.length) continue;
    const share = figs[k];
    const growth = figs[k + 1];
    if (share.change || taken.has(growth.start) || growth.numeralStart - share.end > 160 || planned < growth.numeralStart) continue;
    // (no other name between the share's name and the growth: the clause chain is the share's subject's)
    const next = lowerBound(starts.length, (i) => starts[i] >= n.cand.end);
    if (next < starts.length && starts[next] < growth.end) continue;
    const between = text.slice(share.end, growth.numeralStart).normalize('NFC');
    const m = BETWEEN.exec(between);
    if (!m) continue;
    // (a bare "tăng" after the share's own name, "tỷ trọng … đạt 7%, tăng 27% so với năm 2020", is the share's change)
    if (!/tăng trưởng/iu.test(m.groups!.words) && /t[iy] trong/.test(foldKey(text.slice(Math.max(0, n.cand.start - 16), n.cand.end)))) continue;
    const after = text.slice(share.end, Math.min(text.length, share.end + 120));
    const subject = shareSubjectOf(n, after);
    const g = subject && growthOf(run.catalog, subject);
    if (!g || namedEntries.has(g)) continue;
    taken.add(growth.start);
    // (the growth words "tốc độ tăng trưởng" up to the figure's own words, else nothing right before the figure)
    const wordsStart = share.end + m[0].lastIndexOf(m.groups!.words);
    const end = Math.min(growth.start, wordsStart + m.groups!.words.trimEnd().length);
    const span = end > wordsStart && between === text.slice(share.end, growth.numeralStart) ? { start: wordsStart, end } : { start: growth.start, end: growth.start };
    const first = lowerBound(tokens.length, (i) => tokens[i].start >= span.start);
    const last = span.end > span.start ? lowerBound(tokens.length, (i) => tokens[i].end > span.end) - 1 : first;
    if (first >= tokens.length || last < first) continue;
    if (span.end > span.start) span.end = tokens[last].end; // (the words' last, not the blank after them)
    // (wrap has no words of the name to wrap: the judge lists the case when canonical would mark it; relabelled below)
    if (run.mode === 'wrap') listedAt(run).set(part.start + span.start, g);
    out.push({ cand: subjectCandidate(run, g, { first, last, ...span }), part: 0, indicator: g, candidates: [g] });
  }
  return out;
}
