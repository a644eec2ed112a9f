/**
 * Earlier periods' figures told beside a bound level (docs/reading.md §6.12; issue 13 round 21,
 * test/fixtures/period-round21.yaml), the reference's further figures (further.ts), each of its
 * own period:
 * - a rise told from an earlier level in the next clause: "[[X]] tháng 7/2024 đạt 54,34 Mbps,
 *   nhích lên từ 52,4 Mbps của tháng 6/2024" → 52,4 of 2024-06;
 * - a base dated by "cùng kỳ" right after it: "đạt 136,21 Mbps, tăng 167,7% so với mức 50,88 Mbps
 *   cùng kỳ" → 50,88 of the bound figure's period a year back (2025-04 → 2024-04); "cùng kỳ năm
 *   2024" → that year;
 * - the bases listed after the first: "đạt 54,48 điểm, so với 53,96 điểm năm 2022 và 51,82 điểm năm
 *   2021" → 51,82 of 2021 (53,96 is further.ts's base).
 * Never a change, a target, a figure of another kind or unit, a figure with no period of its own,
 * nor one behind another reference. Pure; bounded (a few figures after the bound one).
 */
import type { Figure, PeriodPhrase } from '../types';
import type { SentenceReading } from './clauses';
import { resolveSamePeriod } from './period-codes';
import { maskedIn } from './masked';

/** A further figure of another period: its index, and its period when not its reading's. */
export interface EarlierBase {
  at: number;
  period?: string;
}

const sameKind = (a: Figure, b: Figure): boolean => a.kind === b.kind && a.unitClass === b.unitClass && (a.unit ?? '') === (b.unit ?? '');

/** The clause's words before the earlier level: a verb of rise or fall, then "từ" (and "mức"). */
const RISE_FROM =
  /^\s*(?:và\s+)?(?:(?:đã|vẫn)\s+)?(?:nhích lên|nhích|tăng lên|tăng mạnh|tăng nhẹ|tăng|giảm nhẹ|giảm xuống|giảm|đi lên|cải thiện|vươn lên|lên|xuống|hạ)\s+(?:(?:đáng kể|rõ rệt)\s+)?từ\s+(?:(?:mức|con số)\s+)?$/u;
/** Between the earlier level and its period phrase. */
const OF_PERIOD = /^\s*(?:(?:của|vào|hồi|trong)\s+)?$/u;

/**
 * "…đạt 54,34 Mbps, nhích lên từ 52,4 Mbps của tháng 6/2024": the clause right after the bound
 * figure `idx` (which has a period) holds only a verb of rise or fall, "từ", one figure of its kind
 * and unit, and that figure's own period phrase, another period: that figure. -1 if none.
 */
export function risenFrom(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number {
  const own = reading.figures[idx];
  const j = idx + 1;
  if (own.period < 0 || j >= figures.length || figures[idx].change) return -1;
  const c = reading.clauseOf[idx] + 1;
  const clause = reading.clauses[c];
  if (!clause || reading.clauseOf[j] !== c || clause.paren || (j + 1 < figures.length && reading.clauseOf[j + 1] === c)) return -1;
  const f = figures[j];
  const rd = reading.figures[j];
  const p = rd.period >= 0 ? periods[rd.period] : undefined;
  if (!p || !rd.own || p.comparison || f.change || (rd.role !== 'level' && rd.role !== 'base') || !sameKind(f, figures[idx])) return -1;
  if (p.code === periods[own.period].code || p.start < f.end || !OF_PERIOD.test(text.slice(f.end, p.start))) return -1;
  if (!RISE_FROM.test(text.slice(clause.start, f.start).toLowerCase()) || !/^[\s.;!]*$/.test(text.slice(p.end, clause.end)) || maskedIn(reading, clause.start, clause.end)) return -1;
  return j;
}

/** Right after a base: "cùng kỳ", "cùng kỳ năm 2024", "cùng kỳ năm trước" (a `SPLY` code of periods.ts). */
const SPLY = /^SPLY(?:-\d{4})?$/;

/**
 * "…đạt 136,21 Mbps, tăng 167,7% so với mức 50,88 Mbps cùng kỳ": a base after the bound figure
 * `idx`, only changes between, with no period of its own but a "cùng kỳ" phrase right after it: that
 * base, of the bound figure's period moved to that year (with no period phrase in the sentence, the
 * phrase's `SPLY` code, which binding.ts moves from the period the bound figure is read with). Null
 * if none.
 */
export function samePeriodBase(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): EarlierBase | null {
  const own = reading.figures[idx];
  const ownCode = own.period >= 0 ? periods[own.period].code : '';
  if (SPLY.test(ownCode)) return null;
  for (let j = idx + 1; j < figures.length && j <= idx + 3; j++) {
    const rd = reading.figures[j];
    if (rd.role === 'change') continue;
    const f = figures[j];
    if (rd.role !== 'base' || rd.own || f.change || !sameKind(f, figures[idx]) || maskedIn(reading, figures[idx].end, f.start)) return null;
    const p = periods.find((q) => q.start >= f.end && /^\s*$/.test(text.slice(f.end, q.start)));
    if (!p || !p.comparison || !SPLY.test(p.code)) return null;
    // (no period phrase in the sentence: the `SPLY` code itself, moved by binding.ts from the
    // period the bound figure is read with, told in an earlier sentence)
    const period = ownCode ? resolveSamePeriod(p.code, ownCode) : p.code;
    return period ? { at: j, period } : null;
  }
  return null;
}

/** Between two bases of a list. */
const JOIN = /^\s*(?:,\s*(?:và\s+)?|và\s+)$/u;

/**
 * "…so với 53,96 điểm năm 2022 và 51,82 điểm năm 2021": after the base `first` (a further figure
 * of the bound figure `idx`, with its own period phrase right after it), the figures joined to it
 * by "," or "và", each of its kind and unit with a phrase of another period right after it: those
 * figures (at most 6). Empty if none.
 */
export function listedBases(first: number, idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number[] {
  const codes = new Set<string>();
  const dated = (j: number): number => {
    const rd = reading.figures[j];
    const p = rd.period >= 0 ? periods[rd.period] : undefined;
    if (!p || !rd.own || p.comparison || p.start < figures[j].end || !/^\s*$/.test(text.slice(figures[j].end, p.start))) return -1;
    return p.end;
  };
  let end = dated(first);
  if (end < 0 || first <= idx) return [];
  codes.add(periods[reading.figures[first].period].code);
  if (reading.figures[idx].period >= 0) codes.add(periods[reading.figures[idx].period].code);
  const out: number[] = [];
  for (let j = first + 1; j < figures.length && out.length < 6; j++) {
    const f = figures[j];
    const rd = reading.figures[j];
    const next = dated(j);
    if (next < 0 || f.change || (rd.role !== 'level' && rd.role !== 'base') || !sameKind(f, figures[idx]) || !JOIN.test(text.slice(end, f.start))) break;
    const code = periods[rd.period].code;
    if (codes.has(code) || maskedIn(reading, end, f.start)) break;
    codes.add(code);
    out.push(j);
    end = next;
  }
  return out;
}

/**
 * The three readings above for the bound figure `idx`, given the bases further.ts found already
 * (`found`, their indices): the rise's earlier level, the "cùng kỳ" base, the bases listed after a
 * dated base that follows the bound figure.
 */
export function earlierBases(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, found: number[]): EarlierBase[] {
  const out: EarlierBase[] = [];
  const r = risenFrom(idx, text, figures, periods, reading);
  if (r >= 0) out.push({ at: r });
  const s = samePeriodBase(idx, text, figures, periods, reading);
  if (s) out.push(s);
  const first = found.find((j) => j > idx);
  if (first !== undefined) for (const j of listedBases(first, idx, text, figures, periods, reading)) out.push({ at: j });
  return out;
}

/** Between a base and the level it rises to: its period phrase, then "lên"/"xuống" ("từ 95,47 Mbps của tháng 12/2025 lên 123,71 Mbps"). */
const RISES_TO = /^[^,;()]{0,40}?(?:^|\s)(?:lên|xuống)(?:\s+(?:mức|con số))?\s*$/u;

/**
 * "…đạt 594,81 Mbps, tốc độ tải lên tăng từ 95,47 Mbps của tháng 12/2025 lên 123,71 Mbps": true if
 * the base `j` is the start of a rise to a level right after it in its clause ("từ A lên B": A is B's
 * base, not the bound figure's, even when B is of no reference).
 */
export function risesTo(j: number, text: string, figures: Figure[], reading: SentenceReading): boolean {
  const k = j + 1;
  if (k >= figures.length || reading.clauseOf[k] !== reading.clauseOf[j] || reading.figures[k].role === 'change' || figures[k].change) return false;
  return RISES_TO.test(text.slice(figures[j].end, figures[k].start).toLowerCase());
}
