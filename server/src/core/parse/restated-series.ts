/**
 * Earlier periods told in the clause after the bound figure (docs/reading.md §6.5 (13)): "[[X]] năm
 * 2021 đạt khoảng 96%, trong khi năm 2020 mới là 30,85% và năm 2019 chỉ 10,76%" — the clause opens
 * with "trong khi", "còn", "khi đó" or nothing, and holds only items "<period phrase> <adverb>
 * <linking word> <figure>", joined by "," or "và", each figure of the bound figure's kind and role,
 * each period another: those figures, each of its own period, are the reference's further figures
 * (further.ts; a clause of one such item is further.ts restatement's). Never a change, a target, a
 * figure of another kind or unit, a clause with a reference or any other figure. Pure; bounded (one
 * clause, at most 8 items).
 */
import type { Figure, PeriodPhrase } from '../types';
import type { SentenceReading } from './clauses';

/** What may open the clause before its first period phrase. */
const OPENS = /^\s*(?:(?:trong khi|trong lúc|còn|khi đó|và)\s+)?$/u;
/** Between an item's period phrase and its figure: adverbs ("mới", "chỉ"), a linking word. */
const LINKS = /^\s*(?:(?:mới|chỉ|đã|vẫn|cũng|còn|mới chỉ)\s+)*(?:(?::|là|đạt|ở mức|có)\s*)?$/u;
/** Between two items. */
const JOINS = /^\s*(?:,\s*(?:và\s+)?|và\s+)$/u;

/** The further figures of the bound figure `idx` told for earlier periods in the next clause (see the module comment). */
export function restatedSeries(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number[] {
  const own = reading.figures[idx];
  const bound = figures[idx];
  if (own.period < 0 || bound.change) return [];
  // The next clause (past a blank one: ", còn" cuts twice).
  const c0 = reading.clauseOf[idx];
  const c = c0 + 1 < reading.clauses.length && !text.slice(reading.clauses[c0 + 1].start, reading.clauses[c0 + 1].end).trim() ? c0 + 2 : c0 + 1;
  const clause = reading.clauses[c];
  if (!clause || clause.paren || reading.masked.some((m) => m >= clause.start && m < clause.end)) return [];
  const codes = new Set([periods[own.period].code]);
  const out: number[] = [];
  let from = clause.start;
  for (let j = idx + 1; j < figures.length; j++) {
    if (reading.clauseOf[j] < c || reading.clauses[reading.clauseOf[j]].paren) return [];
    const f = figures[j];
    const rd = reading.figures[j];
    const p = rd.period >= 0 ? periods[rd.period] : undefined;
    if (!p || !rd.own || p.comparison || p.start < from || p.end > f.start || out.length >= 8) return [];
    if (rd.role !== own.role || f.change || f.kind !== bound.kind || f.unitClass !== bound.unitClass || codes.has(p.code)) return [];
    if (!(out.length ? JOINS : OPENS).test(text.slice(from, p.start)) || !LINKS.test(text.slice(p.end, f.start))) return [];
    codes.add(p.code);
    out.push(j);
    from = f.end;
  }
  // The clause ends with its last item ("…, năm 2021 là 7%": the items may go on past a comma).
  const last = out.length ? reading.clauses[reading.clauseOf[out[out.length - 1]]] : clause;
  return out.length >= 2 && /^[\s.;]*$/u.test(text.slice(from, last.end)) ? out : [];
}
