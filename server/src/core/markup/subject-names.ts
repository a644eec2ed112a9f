/**
 * Names the detector finds without a catalog name on the words (detect.ts uses them like names):
 * subjects (subjects.ts: "Kinh tế số … tăng trưởng 22,4%") and counted nouns (counted.ts: "có gần 8
 * triệu tài khoản"), each a fuzzy candidate whose entry the bound figure picks or checks; and the
 * subject inside fuzzy words, for a name whose figure its indicator does not fit. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import { abbreviationFamily, inRange, namesakeCompilerNamed } from '../catalog/family';
import { abbreviationFamilyOf } from './ministry-abbreviation';
import { redefinedAbbreviation } from './redefined-abbreviations';
import { growthEntries, growthSibling } from '../catalog/count-members';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { bindSpan, readTexts, roleOf, type Bound, type UnitReading } from './bind';
import { countedNouns } from './counted';
import type { NameIndex } from './name-index';
import { tokenize } from './name-index';
import { markedIndicators, tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { glossLength } from './placement';
import { shareVerbAlone } from './share-verb';
import { networkSetElsewhere, notTheNetworksOwn, SENTENCE_BEFORE, pickBySubject, subjectIndex, subjectsIn, type SubjectEntry } from './subjects';

/** What these names need of a detection run. */
export interface NameContext {
  catalog: Catalog;
  idx: NameIndex;
}

/**
 * The subjects of a unit outside its names and references (subjects.ts), as names whose indicator
 * the bound figure will pick; an indicator a reference of the unit already names is left out.
 */
export function subjectNames(run: NameContext, unit: ProseUnit, named: Named[]): Named[] {
  const sidx = subjectIndex(run.catalog);
  const marked = markedIndicators(unit, run.catalog);
  const out: Named[] = [];
  unit.parts.forEach((part, k) => {
    const tokens = tokensOf(part);
    const spans = [
      ...named.filter((n) => n.part === k).map((n) => [n.cand.start, n.cand.end]),
      ...part.refs.map((r) => [r.start - part.start, r.end - part.start]),
      // A bracketed gloss right after a name is that name's ("Chỉ số … cấp tỉnh (DTI)"), no subject.
      ...named.filter((n) => n.part === k).flatMap((n) => {
        const g = glossLength(part.text.slice(n.cand.end));
        return g ? [[n.cand.end, n.cand.end + g]] : [];
      }),
    ];
    const covered = (t: number) => spans.some(([s, e]) => tokens[t].start < e && tokens[t].end > s);
    for (const hit of subjectsIn(part.text, tokens, sidx, covered)) {
      // A measure written before the subject says which of its entries it can be ("giá trị tăng
      // thêm của các hoạt động kinh tế số": none of revenue, growth, share).
      const measure = writtenMeasure(part.text.slice(Math.max(0, hit.start - 60), hit.start));
      // "hoạt động chính quyền số" (one of the DTI's main indices) is the activity, not the subject's pillar.
      if (/(?<![\p{L}])hoạt động\s+$/iu.test(part.text.slice(Math.max(0, hit.start - 12), hit.start))) continue;
      const entries = hit.entries.filter((e) => !marked.has(e.indicator) && (measure === undefined || e.measure === measure || (measure === 'gdp' && e.measure === 'whole')) && (e.measure !== 'share' || shareWritten(part.text, hit) || wholeAfter(part.text, hit, e.indicator)));
      if (!entries.length) continue;
      const indicator = entries[0].indicator;
      out.push({
        cand: subjectCandidate(run, indicator, hit),
        part: k,
        indicator,
        candidates: [...new Set(entries.map((e) => e.indicator))],
        subject: entries,
      });
    }
  });
  return out;
}

/** A percentage right before the words ("74% người dân sử dụng Internet"). */
const PERCENT_BEFORE = /\d\s*%\s*$/u;
/** The words end their clause: a punctuation mark, the end, a bracket closing it ("… cáp quang (năm 2023: 79%)", §49), or a period phrase ("… Internet năm 2023"). */
const CLAUSE_END_AFTER = /^\s*(?:[,.;:!?)]|$|\([^()\n]{0,60}\)\s*(?:[,.;!?]|$)|(?:vào |trong |tính đến |đến |tới )?(?:năm|tháng|quý|cuối|đầu|giữa) )/iu;

/**
 * A share's subject (its name without "tỷ lệ") names the share only as "N% <subject>" closing its
 * clause ("Năm 2023, với 74% người sử dụng Internet, …"): with more words after it, the
 * percentage is a part of those people or things ("79% người sử dụng Internet là người trẻ"), and
 * after it a percentage may be a change of their number ("… tăng 10%").
 */
function shareWritten(text: string, hit: { start: number; end: number }): boolean {
  return PERCENT_BEFORE.test(text.slice(Math.max(0, hit.start - 16), hit.start)) && CLAUSE_END_AFTER.test(text.slice(hit.end));
}

/**
 * Class whole-after (round 18): "<subject> (năm Y): N% <whole>", "<subject> chiếm N% <whole>" ("Người
 * sử dụng Internet năm 2023: 78,59% dân số"): the percentage written with the whole it is of, closing
 * its clause, the whole a word group of the share entry's own names ("dân số" of "tỷ lệ dân số sử dụng
 * Internet"): the share. Not a whole the names never say ("chiếm 60% người mua sắm trực tuyến"), nor
 * more words after it ("… 79% là người trẻ").
 */
const WHOLE_AFTER =
  /^\s*(?:(?:vào |trong |tính đến |đến |tới )?(?:năm|tháng|quý)\s+[\dIV/]+\s*)?(?::\s*|,?\s+(?:chiếm|đạt|là|bằng|tương đương)\s+)(?:(?:khoảng|gần|hơn|trên|ước)\s+)?\d[\d.,]*\s*%\s+(\p{L}+(?:\s+\p{L}+)?)\s*(?:\[\^[^\]\s]{1,20}\]\s*)?(?:[,.;)]|$)/iu; // (a footnote's mark after the whole, "dân số[^3].": §61)

function wholeAfter(text: string, hit: { end: number }, ind: Indicator): boolean {
  const m = WHOLE_AFTER.exec(text.slice(hit.end, hit.end + 90));
  if (!m) return false;
  const whole = ` ${foldKey(m[1])} `;
  return [ind.name, ...(ind.aliases ?? [])].some((l) => ` ${foldKey(l)} `.includes(whole));
}

/** Words between a name and its percentage that say the percentage is of the things named: a comma, a verb of level. */
const LEVEL_BETWEEN = /^[\s,]*(?:(?:đã|đều|hiện|cũng|chỉ|mới)\s+)?(?:(?:đạt|là|chiếm|bằng|tương đương|tương ứng|ở mức)\s*)?$/iu;
/** Words after a percentage that make it a part of the things named ("… 40% là hệ thống cấp độ 3"). */
const PART_AFTER = /^\s*(?:là|thuộc|của|trong số|nằm)(?![\p{L}])/iu;

/**
 * Where an account named is held, right after the name: "66% người trưởng thành đã có tài khoản
 * thanh toán tại ngân hàng", "… tại tổ chức tín dụng" (round 33, reading.md §72): still the name's
 * words (the entry's "… tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác"),
 * no more of the clause about a part of the people named.
 */
const HELD_AT = /^\s*(?:tại|ở)\s+(?:các\s+)?(?:ngân hàng|tổ chức tín dụng)(?:\s+hoặc\s+(?:các\s+)?(?:ngân hàng|tổ chức tín dụng|tổ chức được phép(?:\s+khác)?))?(?![\p{L}])/iu;

/**
 * Whether the percentage `f` bound to `n`, a share named without its share word, is a part of the
 * things named rather than their share. `fromCount`: a count's name read as its share
 * (catalog/count-members.ts); else an alias without "tỷ lệ" of an entry named "Tỷ lệ …" ("hồ sơ
 * trực tuyến toàn trình"). A part: the percentage written before the words with more of the clause
 * after them ("45% hồ sơ trực tuyến toàn trình được giải quyết trước hạn"); for a count's name also
 * after them with other words between, or a part's words after it ("… có 40% là hệ thống cấp độ 3").
 */
export function partNotShare(text: string, n: Named, f: Figure, fromCount: boolean): boolean {
  const ind = n.indicator;
  if (ind.unitClass !== 'percent' || f.kind !== 'percent' || f.change) return false;
  const share = /^t[ỷỉ]\s+lệ(?![\p{L}])/iu;
  if (!fromCount && (!share.test(ind.name.normalize('NFC')) || share.test(text.slice(n.cand.start, n.cand.end).normalize('NFC')))) return false;
  if (f.end <= n.cand.start) return /^\s*$/.test(text.slice(f.end, n.cand.start)) && !CLAUSE_END_AFTER.test(text.slice(n.cand.end).replace(HELD_AT, ''));
  return fromCount && f.start >= n.cand.end && (!LEVEL_BETWEEN.test(text.slice(n.cand.end, f.start)) || PART_AFTER.test(text.slice(f.end)));
}

/** Measure words written right before a subject (folded), and the measure each says (null: one no subject entry has). */
const MEASURE_BEFORE: Array<[RegExp, SubjectEntry['measure'] | null]> = [
  [/gia tri tang them$/, null],
  [/(?:toc do )?tang truong$/, 'growth'],
  [/(?:tong )?doanh thu$/, 'revenue'],
  [/(?:xep|thu) hang$/, 'rank'],
  [/diem$/, 'score'],
  [/t[iy] trong$/, 'gdp'], // (or another whole's: 'whole', round 33)
  [/(?:quy mo|kim ngach|doanh so|gia tri)$/, null],
];

/** The measure the words before a subject write ("giá trị tăng thêm của các hoạt động"), undefined if none. */
function writtenMeasure(before: string): SubjectEntry['measure'] | null | undefined {
  const folded = foldKey(before).replace(/[^a-z0-9]+/g, ' ').trim().replace(/(?: cua)?(?: cac)?(?: hoat dong| nganh| linh vuc)?$/, '');
  for (const [re, m] of MEASURE_BEFORE) if (re.test(folded)) return m;
  return undefined;
}

/** The counted nouns of a unit's figures (counted.ts) outside its names, as subject names of their one entry. */
export function countedNames(run: NameContext, unit: ProseUnit, named: Named[], plainFigs: Figure[][]): Named[] {
  if (unit.table) return [];
  const marked = markedIndicators(unit, run.catalog);
  const own = named.filter((n) => n.part === 0);
  const covered = (at: number) => own.some((n) => at >= n.cand.start && at < n.cand.end);
  const part = unit.parts[0];
  const tokens = tokensOf(part);
  const out: Named[] = [];
  for (const hit of countedNouns(part.text, plainFigs[0] ?? [], run.catalog, covered)) {
    if (marked.has(hit.indicator)) continue;
    const first = tokens.findIndex((t) => t.start >= hit.start);
    const last = tokens.findIndex((t) => t.end >= hit.end);
    if (first < 0 || last < first) continue;
    out.push({
      cand: subjectCandidate(run, hit.indicator, { first, last, start: hit.start, end: hit.end }),
      part: 0,
      indicator: hit.indicator,
      candidates: [hit.indicator],
      subject: [{ indicator: hit.indicator, measure: 'count', province: false }],
      countedAt: hit.numeralStart,
    });
  }
  return out;
}

/**
 * What a relative change of a count or an amount is (detect.ts): its growth entry (growthSibling);
 * 'none' when the family keeps growth entries but none is of this subject or filed as this entry's
 * ("kim ngạch xuất khẩu phần cứng … tăng 10%" beside "Tăng trưởng xuất khẩu sản phẩm công nghệ số":
 * the change is no series of the catalog, listed); null when the family keeps none.
 */
export function growthOfChange(catalog: Catalog, ind: Indicator): Indicator | 'none' | null {
  return growthSibling(catalog, ind) ?? (growthEntries(catalog, ind).length ? 'none' : null);
}

/** The message listing a change that is no series ({@link growthOfChange} 'none'). */
export function noGrowthMessage(raw: string, words: string): ReturnType<typeof msg> {
  return msg(
    `"${raw}" là mức tăng của "${words}", không phải giá trị của chỉ tiêu và không thuộc chỉ tiêu tăng trưởng nào của danh mục: chưa đánh dấu.`,
    `"${raw}" is a change of "${words}", no value of the indicator and of no growth entry of the catalog: left unmarked.`,
  );
}

/** The message listing a percentage that is a part of the things named ({@link partNotShare}). */
export function partMessage(raw: string, words: string): ReturnType<typeof msg> {
  return msg(
    `"${raw}" là một phần của "${words}" (câu còn nói tiếp về phần đó), không phải tỷ lệ của chỉ tiêu: chưa đánh dấu.`,
    `"${raw}" is a part of "${words}" (the sentence goes on about that part), not the indicator's share: left unmarked.`,
  );
}

/** The name `n` as another entry (`indicator`), on the same words. */
export function asEntry(run: NameContext, n: Named, indicator: Indicator): Named {
  return { ...n, indicator, candidates: [indicator], subject: undefined, why: undefined, cand: subjectCandidate(run, indicator, n.cand) };
}

/** A fuzzy candidate on a subject's words (or a pillar's, or an inserted name's), labelled by the entry's canonical name. */
export function subjectCandidate(run: NameContext, indicator: Indicator, hit: { first: number; last: number; start: number; end: number }): Named['cand'] {
  const label = run.idx.labels.find((l) => l.indicator === indicator && l.kind === 'canonical') ?? run.idx.labels.find((l) => l.indicator === indicator)!;
  return { label, first: hit.first, last: hit.last, start: hit.start, end: hit.end, score: 0.8, exact: false, matchedWeight: 0, rank: 0 };
}

/**
 * The entry of the name's subject that its bound figure picks: the name as that entry (on the
 * subject's words), 'none' or 'several'. A subject name has its entries; another name the subject
 * inside its words, when the words hold one and it picks an indicator other than the name's.
 */
export function bySubject(run: NameContext, unit: ProseUnit, reading: UnitReading, n: Named, b: Bound): { n: Named; reading: UnitReading; b: Bound } | 'none' | 'several' {
  const sub = n.subject ? n : subjectInside(run, unit, n);
  if (!sub) return 'none';
  // A subject inside a name is marked alone: the checker binds its own words, the name's others as
  // written, and must find the name's figure there (seed -973247913: "61% kinh tế số từng ngành,
  // lĩnh vực 53 USD" binds "53 USD" as one name, "61%" as [[kinh tế số]] and words).
  const alone = n.subject ? reading : readSubjectAlone(unit, reading, n, sub);
  const sb = n.subject ? b : alone && bindSpan(unit, alone, sub.part, sub.cand.start, sub.cand.end);
  if (!alone || !sb || sb.part !== b.part || sb.fig !== b.fig) return 'none';
  const span = sub.cand;
  const fig = alone.figs[sb.part][sb.fig];
  const own = abbreviationFamily(run.catalog, n.cand.label.indicator);
  // A provincial abbreviation of a ministry's figure ("Bộ Tài chính … giá trị DTI 2021 là 0,6321"): the ministries' family (ministry-abbreviation.ts).
  const family = sub.subject === own && own ? abbreviationFamilyOf(run.catalog, n.cand.label.indicator, unit.parts[n.part].text.slice(n.cand.start, n.cand.end), unit.parts[sb.part].text, fig.start, fig.end)! : null;
  const fitting = subjectPicks(unit, alone, sub, sb, family ?? sub.subject!);
  // A family's member: within its range; a number after "bậc" (a tier, "thuộc bậc 1 của GCI") is no score or level.
  const picked = !family ? fitting : TIER.test(alone.texts[sb.part].slice(Math.max(0, fig.numeralStart - 12), fig.numeralStart)) ? [] : inRange(fitting, fig);
  // Several series of one name ("% GDP": the ministry's and the statistics office's): a shared name, settled as one (detect.ts).
  // (a name of another measure holding the subject and a share's verb, "kinh tế số đóng góp 14,26% GDP": share-verb.ts)
  const text = alone.texts[sb.part];
  const shared = picked.length > 1 && (n.subject || (sb.part === sub.part && shareVerbAlone(text.slice(sub.cand.end, Math.max(sub.cand.end, fig.start))))) && picked.every((i) => i.name === picked[0].name);
  if (picked.length > 1 && !shared) return 'several';
  if (!picked.length || (!n.subject && picked[0] === n.indicator)) return 'none';
  return { n: { ...n, indicator: picked[0], candidates: picked, subject: undefined, why: shared ? 'shared-name' : undefined, cand: { ...subjectCandidate(run, picked[0], span) } }, reading: alone, b: sb };
}

/**
 * The unit as the checker reads `[[sub]]`, a subject inside the name `n`'s words, marked alone: the
 * name's other words as written, the subject's blanked; null when those words hold a figure (the
 * figures would not be `reading`'s, which the detector's choices index).
 */
export function readSubjectAlone(unit: ProseUnit, reading: UnitReading, n: Named, sub: Named): UnitReading | null {
  const own = unit.parts[n.part].text;
  const t = reading.texts[n.part];
  const texts = [...reading.texts];
  texts[n.part] =
    t.slice(0, n.cand.start) + own.slice(n.cand.start, sub.cand.start) + ' '.repeat(sub.cand.end - sub.cand.start) + own.slice(sub.cand.end, n.cand.end) + t.slice(n.cand.end);
  const alone = readTexts(unit, texts);
  const same = alone.figs.every((fs, k) => fs.length === reading.figs[k].length && fs.every((f, i) => f.numeralStart === reading.figs[k][i].numeralStart));
  return same ? alone : null;
}

/**
 * The entries of `entries` (a subject's) that the figure bound to the name `n` fits, judged on the
 * words between them and on the sentence: the choice series.ts byFigure makes for `[[subject]]`.
 */
export function subjectPicks(unit: ProseUnit, reading: UnitReading, n: Named, b: Bound, entries: SubjectEntry[], fig?: Figure): Indicator[] {
  const f = fig ?? reading.figs[b.part][b.fig];
  const text = reading.texts[b.part];
  // As series.ts byFigure reads the document: from the name's end to the figure's end (across the
  // cells between them), or the 30 characters before a figure written first.
  const between =
    b.part > n.part
      ? [reading.texts[n.part].slice(n.cand.end), ...reading.texts.slice(n.part + 1, b.part), text.slice(0, f.end)].join(' ')
      : b.part === n.part && f.start >= n.cand.end
        ? text.slice(n.cand.end, f.end)
        : text.slice(Math.max(0, f.start - 30), f.end);
  const scope = reading.prose?.reading.figures[b.fig]?.scope;
  // (a network named alone after an upload's or the world's average words names no speed entry: "tốc độ tải lên di động", "bình quân toàn cầu của mạng di động", subjects.ts)
  const clauseBefore = reading.texts[n.part].slice(Math.max(0, n.cand.start - 64), n.cand.start).split(/[;(]/).pop() ?? '';
  if (entries.some((e) => e.network) && (notTheNetworksOwn(clauseBefore) || networkSetElsewhere(reading.texts[n.part].slice(Math.max(0, n.cand.start - SENTENCE_BEFORE), n.cand.start)))) entries = entries.filter((e) => !e.network);
  return pickBySubject(entries, f, roleOf(reading, b), scope, between, unit.parts.map((p) => p.text).join(' '), unit.lead, text.slice(f.end, f.end + 64));
}

/**
 * The subject inside the words of `n`, which binds no figure, with the figure the checker binds it
 * to marked alone (the name's other words as written) and that reading; null if none.
 */
export function subjectBoundAlone(run: NameContext, unit: ProseUnit, reading: UnitReading, n: Named): { n: Named; b: Bound; reading: UnitReading } | null {
  const sub = subjectInside(run, unit, n);
  const alone = sub && readSubjectAlone(unit, reading, n, sub);
  const b = alone && bindSpan(unit, alone, sub.part, sub.cand.start, sub.cand.end);
  return sub && alone && b ? { n: sub, b, reading: alone } : null;
}

/** The longest subject inside a name's words, as a subject name on those words; null if none. */
export function subjectInside(run: NameContext, unit: ProseUnit, n: Named): Named | null {
  const words = unit.parts[n.part].text.slice(n.cand.start, n.cand.end);
  const hit = subjectsIn(words, tokenize(words), subjectIndex(run.catalog), () => false).sort((x, y) => y.end - y.start - (x.end - x.start))[0];
  if (!hit) return familyNamed(run, unit, n);
  const span = { first: n.cand.first + hit.first, last: n.cand.first + hit.last, start: n.cand.start + hit.start, end: n.cand.start + hit.end };
  const candidates = [...new Set(hit.entries.map((e) => e.indicator))];
  return { cand: subjectCandidate(run, candidates[0], span), part: n.part, indicator: candidates[0], candidates, subject: hit.entries };
}


/** "bậc" right before a number: a tier of a ranking or a change of places, no score. */
const TIER = /(?<![\p{L}])bậc\s*$/iu;

/**
 * An abbreviation written as such ("EGDI", "OSI", "2IPD") names its family (catalog/family.ts): the
 * name as a subject of the family's main members, its own entry `named`; null for any other name,
 * and when the unit names the compiler of another series the abbreviation also names.
 */
export function familyNamed(run: NameContext & { text?: string }, unit: ProseUnit, n: Named): Named | null {
  if (!n.cand.exact || n.cand.label.kind !== 'abbreviation' || n.subject) return null;
  const family = abbreviationFamily(run.catalog, n.cand.label.indicator);
  // ("GCI của WEF": the abbreviation of another organisation's index.)
  if (!family || namesakeNamed(run, unit, n) || redefinedNamed(run, unit, n)) return null;
  return { ...n, candidates: family.map((e) => e.indicator), subject: family };
}

/** Whether `n` is an abbreviation another organisation's index goes by, that organisation named in the unit ("GCI của WEF"). */
export function namesakeNamed(run: NameContext, unit: ProseUnit, n: Named): boolean {
  return n.cand.exact && n.cand.label.kind === 'abbreviation' && namesakeCompilerNamed(run.catalog, n.cand.label.indicator, n.cand.label.text, unit.parts.map((p) => p.text).join(' '));
}

/**
 * Whether `n`'s words hold a catalog abbreviation the report defined before for another index
 * ("Chỉ số kết nối toàn cầu (GCI)" then "Sang GCI 2020, …": redefined-abbreviations.ts, reading.md §69.2).
 */
export function redefinedNamed(run: NameContext & { text?: string }, unit: ProseUnit, n: Named): boolean {
  const part = unit.parts[n.part];
  return run.text !== undefined && redefinedAbbreviation(run.text, run.catalog, part.text.slice(n.cand.start, n.cand.end), part.start + n.cand.start);
}

/** The message listing a name so redefined ({@link redefinedNamed}). */
export function redefinedMessage(words: string, raw: string): ReturnType<typeof msg> {
  return msg(
    `Báo cáo đã định nghĩa chữ viết tắt trong "${words}" cho một chỉ số khác, không phải chỉ tiêu trong danh mục: "${raw}" chưa đánh dấu.`,
    `The report defined the abbreviation in "${words}" for another index, not the catalog entry: "${raw}" left unmarked.`,
  );
}

/** The message listing `n` when its abbreviation names another organisation's index here ({@link namesakeNamed}, {@link redefinedNamed}), else null. */
export function anotherIndexNamed(run: NameContext & { text: string }, unit: ProseUnit, n: Named, words: string, raw: string): ReturnType<typeof msg> | null {
  if (namesakeNamed(run, unit, n)) return namesakeMessage(words, raw);
  return redefinedNamed(run, unit, n) ? redefinedMessage(words, raw) : null;
}

/** The message listing such an abbreviation ({@link namesakeNamed}). */
export function namesakeMessage(words: string, raw: string): ReturnType<typeof msg> {
  return msg(
    `"${words}" cũng là tên viết tắt của chỉ số của tổ chức được nêu trong câu: "${raw}" không chắc là số liệu của chỉ tiêu trong danh mục, chưa đánh dấu.`,
    `"${words}" also abbreviates an index of the organisation the sentence names: "${raw}" is not surely the catalog entry's figure, left unmarked.`,
  );
}
