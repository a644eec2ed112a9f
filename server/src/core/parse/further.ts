/**
 * Further figures of a reference: besides the level figure it binds (clauses.ts), the figures of
 * the same sentence that state the same indicator for a period of their own, so that they enter
 * the history too (binding.ts `also`):
 * - a base with its own period: "tăng từ 113,5 tỷ USD năm 2021 lên 117,3 tỷ USD năm 2023" → 113,5
 *   (2021), up to four figures back in the bound figure's clause;
 * - a restatement in the next clause, which holds only a period phrase, a linking word and one
 *   figure of the same kind: "[[X]] đạt 42%, cuối năm 2023 là 17%" → 17% (end of 2023).
 */
import type { Figure, PeriodPhrase } from '../types';
import { isLevelRole, type SentenceReading } from './clauses';

/** Indices of the further figures of the level figure `idx` (see the module comment). */
export function furtherFigures(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number[] {
  const own = reading.figures[idx];
  if (!own || !isLevelRole(own.role)) return [];
  const out = ownPeriodBases(idx, figures, reading);
  const r = restatement(idx, text, figures, periods, reading);
  if (r >= 0) out.push(r);
  return out;
}

function ownPeriodBases(idx: number, figures: Figure[], reading: SentenceReading): number[] {
  const out: number[] = [];
  const own = reading.figures[idx];
  for (let j = idx - 1; j >= 0 && j >= idx - 4 && reading.clauseOf[j] === reading.clauseOf[idx]; j--) {
    const b = reading.figures[j];
    if (b.role === 'base' && b.own && b.period >= 0 && b.period !== own.period && sameKind(figures[j], figures[idx])) out.push(j);
  }
  return out;
}

/** Words that may stand between the period phrase and the figure of a restatement. */
const LINK = /^\s*(?::|là|đạt|ở mức|còn)?\s*$/u;
/** What may stand before the period phrase at the clause's start. */
const LEAD = /^\s*(?:và|còn|so với)?\s*$/u;

/**
 * The figure of the clause after the bound figure's when that clause restates the same quantity for
 * another period and says nothing else: "<period phrase> là|đạt|: <figure>". -1 if none.
 */
function restatement(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number {
  const c = reading.clauseOf[idx];
  const j = idx + 1;
  if (j >= figures.length || reading.clauseOf[j] !== c + 1) return -1;
  if (j + 1 < figures.length && reading.clauseOf[j + 1] === c + 1) return -1;
  const clause = reading.clauses[c + 1];
  if (!clause || clause.paren !== reading.clauses[c].paren) return -1;
  const fr = reading.figures[j];
  const own = reading.figures[idx];
  if (fr.role !== own.role || !fr.own || fr.period < 0 || fr.period === own.period) return -1;
  const p = periods[fr.period];
  const f = figures[j];
  if (!p || p.comparison || !sameKind(f, figures[idx]) || f.change || p.start < clause.start || p.end > f.start) return -1;
  // Nothing but the period phrase and a linking word; no other reference (masked) in between.
  if (!LEAD.test(text.slice(clause.start, p.start)) || !LINK.test(text.slice(p.end, f.start))) return -1;
  if (reading.masked.some((m) => m >= clause.start && m < f.start)) return -1;
  return j;
}

function sameKind(a: Figure, b: Figure): boolean {
  return a.unitClass === b.unitClass && a.kind === b.kind;
}
