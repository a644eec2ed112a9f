/**
 * What the detector's judge asks of a bound figure beyond its unit (detect.ts): the compiler code
 * of a series for a period, whether a rank's written scope fits the indicator's, and whether the
 * figure is too far from the name. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { periodRange } from '../parse/period-codes';
import type { Figure, RankScopeWritten } from '../types';
import { clauseAt, type UnitReading } from './bind';
import { closeEnough } from './judge';
import type { Named } from './names';
import { afterParticipants, titledFigure } from './report-title';
import { asideLength } from '../parse/bracket-aside';
import { frontedWith } from '../parse/fronted-with';
import { speedRestated } from './restated-measure';

/**
 * The code of the series' compiler for a period: the body that compiled it when the period ended
 * (catalog `from`/`until`: "@ BKHCN" for 2025, "@ BTTTT" for 2024) that the catalog resolves, else its first code.
 */
export function compilerCodeAt(ind: Indicator, period: string | null): string | undefined {
  const end = period ? periodRange(period)?.[1] : undefined;
  const then = end ? ind.compilers?.find((c) => c.codes?.length && (!c.from || c.from <= end) && (!c.until || end <= c.until)) : undefined;
  // (one of that body's codes the catalog resolves, `compilerCodes`: "@ NSO" for the statistics office in 2025, not "@ CTK")
  const accepted = then?.codes?.find((c) => !ind.compilerCodes || ind.compilerCodes.some((k) => k.toLowerCase() === c.toLowerCase()));
  return accepted ?? ind.compilerCodes?.[0] ?? ind.compilers?.[0]?.codes?.[0];
}

/** The scope a rank is written with ("trong ASEAN", "thế giới") against the indicator's (catalog `scope`). */
export function scopeFits(written: RankScopeWritten, scope: Indicator['scope']): boolean {
  if (!scope) return true;
  if (written === 'region') return scope === 'asean' || scope === 'asia' || scope === 'asia-pacific';
  if (written === 'asia') return scope === 'asia' || scope === 'asia-pacific';
  return written === scope;
}
export const SCOPE_VI: Record<string, string> = { world: 'trên thế giới', asean: 'trong ASEAN', asia: 'ở châu Á', 'asia-pacific': 'ở châu Á - Thái Bình Dương', region: 'trong khu vực', national: 'trong nước' };
export const SCOPE_EN: Record<string, string> = { world: 'in the world', asean: 'within ASEAN', asia: 'in Asia', 'asia-pacific': 'in Asia-Pacific', region: 'in the region', national: 'within the country' };

const GLOSS = /^\s*\((?:\s*\p{Lu}[\p{Lu}\d&-]{1,9}|\s*[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){0,3})\s*\)/u;

/**
 * The length of the bracketed gloss at the start of `after` (the text right after a name), 0 if
 * none: an abbreviation, or at most four words with no numeral ("(DTI)", "(kinh tế số ICT)").
 */
export function glossLength(after: string): number {
  return GLOSS.exec(after)?.[0].length ?? 0;
}

/**
 * Why a figure of a sentence is too far from the name to be surely its: 'clause' for one before the
 * name in another clause, or after it beyond a bracket; 'words' for more than eight words between.
 * A level after the name in a later clause is the checker's choice when the name's clause has
 * none ("[[X]] tăng 8% so với cùng kỳ, đạt 50.350 doanh nghiệp"): near enough, it is marked; so is
 * the first figure of an item the name titles ("- [[X]]: tuy …, xuống hạng 37 năm 2025").
 */
export function farFigure(reading: UnitReading, n: Named, f: Figure, catalog?: Catalog, words?: string): 'clause' | 'words' | null {
  // "Báo cáo <name> năm 2019 của <publisher> (WEF), Việt Nam đứng thứ 67/141"; "…, Hoa Kỳ giữ vị trí thứ 1" (report-title.ts)
  const titled = titledFigure(reading.texts[0], n.cand, f, reading.periods[0], /cấp tỉnh/iu.test(n.indicator.name), words);
  if (titled) return titled === 'own' ? null : 'clause';
  // "[[khu vực châu Á – Thái Bình Dương]] với 40 quốc gia và vùng lãnh thổ tham gia, Việt Nam xếp hạng 17" (report-title.ts).
  if (n.part === 0 && afterParticipants(reading.texts[0], n.cand, f)) return null;
  // "Với 78,59%, tỷ lệ người sử dụng Internet đã vượt kế hoạch": a level fronted in "Với …," right before the name is its own (parse/fronted-with.ts).
  if (n.part === 0 && reading.figs[0][0] === f && frontedWith(reading.texts[0], n.cand.start, reading.figs[0], reading.prose?.reading.masked ?? [])) return null;
  // "Riêng băng rộng cố định, VNNIC đo được tốc độ tải xuống … chỉ 58,88 Mb/giây": the network's speed restated before its figure (restated-measure.ts).
  if (n.part === 0 && speedRestated(reading.texts[0], n, reading.figs[0], f, catalog)) return null;
  // "- Đầu ra đổi mới sáng tạo: tuy …, xuống hạng 37 năm 2025": a name titling its item before ":" owns the item's first figure (round 23, held27).
  // "- Nhiệm vụ 1 (Trung tâm giám sát, điều hành thông minh): 36/63 địa phương": the name in brackets after an item's label and number titles it too (round 24, reading.md §36).
  if (n.part === 0 && titlesItem(reading.texts[0], n.cand) && reading.figs[0].find((g) => g.start >= n.cand.end) === f) return null;
  // "[[X]] liên tục tăng trong giai đoạn 2020 – 2024, từ 12,66% năm 2020 lên 13,17% năm 2024": a span's two ends (docs/reading.md §68).
  if (n.part === 0 && spanEnds(reading.texts[0], n.cand.end, f)) return null;
  const fc = clauseAt(reading, f.start);
  const nc = clauseAt(reading, n.cand.start);
  const clauses = reading.prose?.reading.clauses ?? [];
  // An abbreviation in brackets right after the name glosses it ("Chỉ số … cấp tỉnh (DTI) năm 2023
  // của Bình Dương đạt 0,7411 điểm"): no clause of its own between the name and its figure.
  const gap = f.start >= n.cand.end ? reading.texts[0].slice(n.cand.end, f.start) : '';
  const gloss = glossLength(gap);
  // (or an aside with its own words and figures: "(theo Ookla)", "(năm 2023: 13 tỷ USD)", parse/bracket-aside.ts)
  const aside = gloss ? 0 : asideLength(gap);
  const glossOnly = (gloss > 0 || aside > 0) && /^[^()[\],;:]*$/.test(gap.slice(gloss || aside));
  if (fc !== nc && !glossOnly && (f.start < n.cand.end || clauses[fc]?.paren || clauses[nc]?.paren || /[()[\]]/.test(reading.texts[0].slice(n.cand.end, f.start)))) return 'clause';
  // (a change or a growth rate is no level a change leads to: its gap keeps the changes before it)
  const movedTo = f.start >= n.cand.end && !f.change && !f.growth;
  const spans = movedTo ? skipped(reading, f) : reading.periods[0];
  return closeEnough(reading.texts[0], n.cand, f, aside && glossOnly ? [{ start: n.cand.end, end: n.cand.end + aside }, ...spans.filter((p) => p.start >= n.cand.end + aside)] : spans) ? null : 'words';
}

/**
 * A movement over a span right after the name, then its two ends: "<name> (liên tục) tăng trong giai
 * đoạn X – Y, từ A năm X lên B năm Y". The level moved to (B) is the name's, though a clause away;
 * the start year and the end year must be the span's ends (docs/reading.md §68).
 */
const SPAN_MOVE = /^\s*(?:(?:đã|liên tục|tiếp tục|không ngừng|đều)\s+)*(?:tăng|giảm)(?:\s+(?:dần|đều|mạnh|nhẹ))?\s+(?:trong\s+|qua\s+)?(?:giai đoạn|thời kỳ|các năm)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\s*,\s*từ\s+(?:mức\s+)?[\d.,]+\s*%?[^,;()\d]{0,12}?\s+(?:năm\s+)?((?:19|20)\d{2})\s+(?:lên|xuống)\s+(?:mức\s+)?$/u;

function spanEnds(text: string, nameEnd: number, f: Figure): boolean {
  if (f.start < nameEnd || f.start - nameEnd > 160) return false;
  const m = SPAN_MOVE.exec(text.slice(nameEnd, f.numeralStart));
  if (!m || m[1] !== m[3] || m[1] >= m[2]) return false;
  const after = /^\s+(?:năm\s+)?((?:19|20)\d{2})(?![\d])/u.exec(text.slice(f.end, f.end + 12));
  return !!after && after[1] === m[2];
}

/** Nothing but a list marker before a name that titles its item. */
const TITLE_BEFORE = /^\s*(?:[-*+•]\s*)?$/u;
/** An item's label before the bracketed name: a list marker, at most three words and a number, "(". */
const LABEL_BRACKET = /^\s*(?:[-*+•]\s*)?(?:\p{L}+\s+){1,3}\d{1,2}\s*\(\s*$/u;

/** Whether the name titles its item: "- <name>:", "- Nhiệm vụ 1 (<name>):". */
function titlesItem(text: string, c: { start: number; end: number }): boolean {
  const before = text.slice(0, c.start);
  const after = text.slice(c.end, c.end + 8);
  return (TITLE_BEFORE.test(before) && /^\s*:/.test(after)) || (LABEL_BRACKET.test(before) && /^\s*\)\s*:/.test(after));
}

/** A rank band: "top 10", "tốp 10". */
const BAND = /^t[oố]p(?![\p{L}])/iu;
/** "so với", "so sánh với" right before a comparison base's period phrase. */
const COMPARED = /(?:^|[^\p{L}])(so(?:\s+sánh)?\s+với|so)\s*$/u;

/**
 * What counts as no word between a name and a level or rank after it: period phrases, and the
 * changes and bases of the sentence other than the figure with their comparison phrases ("[[X]] đạt
 * 42%, tăng 3 điểm phần trăm so với năm 2022 và xếp thứ 5", "tăng 4 bậc so với năm 2021 để vươn lên
 * thứ 3/63": the change and its base stand between). Sorted spans.
 */
function skipped(reading: UnitReading, f: Figure): Array<{ start: number; end: number }> {
  const text = reading.texts[0];
  const roles = reading.prose?.reading.figures;
  const spans = reading.periods[0].map((p) => {
    const m = p.comparison ? COMPARED.exec(text.slice(Math.max(0, p.start - 16), p.start)) : null;
    return { start: m ? p.start - m[0].length + m[0].indexOf(m[1]) : p.start, end: p.end };
  });
  reading.figs[0].forEach((g, i) => {
    const role = roles?.[i]?.role;
    // (and a rank band before the rank: "lọt vào tốp 10 với vị trí thứ 8/63", parse/roles.ts pastBand)
    if (g !== f && (role === 'change' || role === 'base' || (!roles && g.change) || (f.kind === 'rank' && BAND.test(g.raw)))) spans.push({ start: g.start, end: g.end });
  });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

