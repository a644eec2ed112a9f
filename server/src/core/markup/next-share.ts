/**
 * Round 34 (next34; docs/reading.md §78): a share told in the next sentence through an anaphor.
 * Writers name an amount in one sentence and give its share of a whole in the next, the amount
 * taken up by an anaphor: "Doanh thu thương mại điện tử bán lẻ năm 2019 … lên 10,08 tỷ USD. Kênh
 * này chiếm 4,9% tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng cả nước." (form A:
 * "<anaphor> (đã/ước/…) chiếm|bằng|tương đương|tương ứng (khoảng/gần/…) N% <whole>"), or "Tỷ trọng
 * của kênh này trong <whole> lên mức 7,5%" (form B). The anaphor ("kênh này", "con số này", "quy
 * mô này", "giá trị này", "mức này", "thị trường này", "đó" for "này") opens the sentence (a period
 * phrase may come first: "Năm 2021, con số này chiếm …").
 *
 * Its antecedent is the measure the detector marked (or, in `wrap`, listed for its wording) in the
 * sentence right before, in the same paragraph: exactly one entry, the last amount of that sentence
 * its own (an amount after it, "…, trong đó 5 sàn lớn thu về 5 tỷ USD. Con số này …", is another
 * measure's: nothing). Two entries marked there make the anaphor ambiguous: listed. The share is
 * the entry named "Tỷ trọng <subject> trong <whole>" whose subject is words of the antecedent's
 * names and whose whole opens the words after the percent (catalog/whole-share.ts wholeShareEntry),
 * the whole not narrowed to the goods (catalog/gdp-share.ts opensWithWhole). The press writes the
 * retail whole as "(tổng) doanh thu bán lẻ hàng hóa và (doanh thu) dịch vụ tiêu dùng" too: read as
 * "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", only when "và … dịch vụ" follows.
 *
 * The figure is then judged as a name written right before it would be (detect.ts detectUnnamed):
 * `canonical` inserts the name, `wrap` lists the case (`name-elsewhere`). A forecast or a target in
 * either sentence, a sentence with no amount before: nothing. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { opensWithWhole, wholeShareSubject } from '../catalog/gdp-share';
import { tokenize } from '../catalog/name-keys';
import { wholeShareEntry } from '../catalog/whole-share';
import type { UnitReading } from './bind';
import { blankComments } from './context';
import { FORECAST } from './judge';
import type { AmbiguousCase, Mention } from './types';
import type { Range } from '../types';
import { msg } from '../i18n';

const ANAPHOR = String.raw`(?:kênh|con số|quy mô|giá trị|mức|thị trường)\s+(?:này|đó)`;
/** An opening period phrase, at most: "Năm 2021, ", "Trong năm 2022, ". */
const LEAD = String.raw`(?:(?:trong\s+|riêng\s+)?(?:năm|quý|tháng)\s+[\dIVX/]+\s*,?\s+)?`;
const ADVERBS = String.raw`(?:(?:đã|ước|hiện|cũng|mới|chỉ|đang|vẫn|tiếp tục)\s+)*`;
const HEDGE = String.raw`(?:(?:khoảng|gần|hơn|trên|xấp xỉ|chừng|ước|tới)\s+)?`;
/** Form A, up to the percent: "Kênh này chiếm ", "Con số này đã chiếm khoảng ". */
const FORM_A = new RegExp(String.raw`^\s*${LEAD}${ANAPHOR}\s+${ADVERBS}(?:chiếm|bằng|tương đương(?:\s+với)?|tương ứng(?:\s+với)?)\s+${HEDGE}$`, 'iu');
/** Form B, up to the percent: "Tỷ trọng của kênh này trong <whole> lên mức ". */
const FORM_B = new RegExp(String.raw`^\s*${LEAD}tỷ trọng\s+(?:của\s+)?${ANAPHOR}\s+trong\s+([^\d,;:.()]{6,100}?)\s+${ADVERBS}(?:đạt|là|lên mức|ở mức|lên|tăng lên|vào khoảng|chiếm)\s+${HEDGE}$`, 'iu');
/** A cheap first test: the anaphor near the sentence's start, a percent. */
const MAY = new RegExp(String.raw`^\s*${LEAD}(?:tỷ trọng\s+(?:của\s+)?)?${ANAPHOR}[^]*\d\s*%`, 'iu');
/** Words of a target or a plan: the measure of a plan, not the value. */
const PLANNED = /(?<![\p{L}])(?:mục tiêu|kế hoạch|phấn đấu|chỉ tiêu)(?![\p{L}])/iu;
/** An amount: a number with a scale or a currency ("16,4 tỷ USD", "135 nghìn tỷ đồng"). */
const AMOUNT = /\d[\d.,]*\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|USD|đồng)(?![\p{L}])/iu;
/** The press's wording of the retail whole: "(tổng) doanh thu bán lẻ hàng hóa và (doanh thu) dịch vụ tiêu dùng". */
const RETAIL_WORDING = /^(\s*)(?:tổng\s+)?doanh thu bán lẻ hàng hóa và (?:doanh thu\s+)?dịch vụ tiêu dùng/iu;

/** Whether a sentence may tell a share through an anaphor (before any reading). */
export function mayTellNext(sentence: string): boolean {
  return MAY.test(sentence.normalize('NFC'));
}

/** The run's parts this reader uses (detect.ts Run). */
interface RunPart {
  catalog: Catalog;
  text: string;
  mentions: Mention[];
  ambiguous: AmbiguousCase[];
  lines: { range(start: number, end: number): Range };
}

/** The share a sentence (at `start` of the text) tells through an anaphor: the figure's index and the entry; null if none (an anaphor after two measures: the case listed in `run.ambiguous`). */
export function nextShare(run: RunPart, start: number, sentence: string, reading: UnitReading): { at: number; indicator: Indicator } | null {
  if (!reading.prose || !mayTellNext(sentence) || FORECAST.test(sentence) || PLANNED.test(sentence)) return null;
  const figs = reading.figs[0];
  const at = figs.findIndex((f) => f.kind === 'percent' && !f.change);
  if (at < 0) return null;
  const f = figs[at];
  const upTo = sentence.slice(0, f.start).normalize('NFC');
  const b = FORM_B.exec(upTo);
  if (!b && !FORM_A.test(upTo)) return null;
  const whole = retailWording(b ? b[1] : sentence.slice(f.end));
  const prev = sentenceBefore(run.text, start);
  if (!prev || FORECAST.test(prev.text) || PLANNED.test(prev.text)) return null;
  const antecedents = antecedentsOf(run, prev);
  const shares = [...new Set(antecedents.map((a) => shareOf(run.catalog, a, whole)).filter((e): e is Indicator => !!e))];
  if (!shares.length) return null;
  if (antecedents.length > 1) {
    // ("con số này" after two measures: whose share it is, the reader cannot tell)
    const pos = start + f.start;
    const names = antecedents.map((a) => `"${a.name}"`).join(', ');
    run.ambiguous.push({ start: pos, end: pos, range: run.lines.range(pos, pos), text: '', reason: 'name-elsewhere', candidates: shares, figures: [f.raw], message: msg(`"${f.raw}": từ thay thế ở đầu câu có thể chỉ một trong các số liệu của câu trước (${names}): chưa đánh dấu. Ghi tên chỉ tiêu vào câu này để đánh dấu.`, `"${f.raw}": the anaphor opening the sentence may stand for any of the sentence before's measures (${names}): not marked. Write the indicator's name in this sentence to mark it.`) });
    return null;
  }
  const entry = shares[0];
  return { at, indicator: entry };
}

/** The share entry of the antecedent's subject whose whole opens `whole` (not narrowed to the goods); else null. */
function shareOf(catalog: Catalog, antecedent: Indicator, whole: string): Indicator | null {
  const entry = wholeShareEntry(catalog, antecedent, whole);
  const split = entry && wholeShareSubject(tokenize(foldKey(entry.name)).join(' '));
  return entry && split && opensWithWhole(whole, split.whole) ? entry : null;
}

/** The whole as the catalog words it: the press's retail wording read as "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng". */
function retailWording(after: string): string {
  return after.normalize('NFC').replace(RETAIL_WORDING, '$1tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng');
}

/** The sentence right before `at` in its paragraph (comments blanked), with its offset; null when `at` opens the paragraph. */
function sentenceBefore(text: string, at: number): { start: number; text: string } | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let from = lineStart;
  // (the paragraph's earlier lines: a blank line or a heading ends it)
  while (from > 0) {
    const prevStart = text.lastIndexOf('\n', from - 2) + 1;
    const line = text.slice(prevStart, from - 1).trim();
    if (!line || line.startsWith('#')) break;
    from = prevStart;
  }
  const before = blankComments(text.slice(from, at));
  const cut = before.trimEnd(); // (not /\s+$/: retried from every blank of a run inside, quadratic in it)
  if (!/[.!?;]$/u.test(cut)) return null;
  // (the last sentence end before the one that closes the previous sentence; "TP." or a decimal point is no end)
  let s = 0;
  for (const m of cut.slice(0, -1).matchAll(/[.!?;](?=\s+\p{Lu})/gu)) if (!cut.endsWith('TP', m.index) && !cut.endsWith('Tp', m.index)) s = m.index + 1;
  const t = cut.slice(s);
  return t.trim() ? { start: from + s, text: t } : null;
}

/**
 * The entries marked (or, for their wording, listed) in the sentence `prev` with an amount, each
 * the last amount of that sentence its own (an amount after it is another measure's: none then).
 */
function antecedentsOf(run: RunPart, prev: { start: number; text: string }): Indicator[] {
  const end = prev.start + prev.text.length;
  const inPrev = (p: number): boolean => p >= prev.start && p < end;
  const found = new Map<Indicator, number>();
  for (const m of run.mentions) if (inPrev(m.start) && m.figure) found.set(m.indicator, Math.max(found.get(m.indicator) ?? 0, m.figure.end));
  for (const a of run.ambiguous)
    if (a.reason === 'variant-name' && inPrev(a.start) && a.candidates.length === 1 && !found.has(a.candidates[0])) {
      const raw = a.figures[0];
      const k = raw ? run.text.indexOf(raw, a.end) : -1;
      if (k >= 0 && inPrev(k)) found.set(a.candidates[0], k + raw.length);
    }
  const amounts = [...found].filter(([ind]) => ind.unitClass === 'currency' || ind.unitClass === 'count');
  if (!amounts.length) return [];
  // (the antecedent is the last measure named: no amount after the last marked figure)
  const last = Math.max(...amounts.map(([, e]) => e));
  return AMOUNT.test(run.text.slice(last, end)) ? [] : amounts.map(([ind]) => ind);
}
