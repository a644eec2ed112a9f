/**
 * A rank written before the name whose score the reference binds (round 23, held27; docs/reading.md
 * §28.4): "Đà Nẵng xếp hạng 1/63 năm thứ ba liên tiếp, với giá trị [[DTI]] 0,8002", "… đứng thứ 5/63,
 * với điểm [[DTI]] 0,6924": the figure right before the name is a rank, only a streak ("năm thứ ba
 * liên tiếp"), a comma and "với" with the score's head noun stand between it and the name, and the
 * bound level follows the name. It is the index's other measure, as a rank right after a level is
 * (further.ts otherMeasure; analyze.ts picks the rank series or drops it). Pure.
 */
import type { Figure } from '../types';
import type { SentenceReading } from './clauses';

/** Between the rank and the name: a streak at most, a comma, "với" and the score's head noun (the streak's "năm" may be read as the rank's unit: "1/63 năm"). */
const RANK_TO_NAME = /^(?:\s+(?:(?:năm|lần)\s+)?thứ\s+\p{L}{1,6}\s+liên\s+tiếp)?\s*,?\s*với\s+(?:(?:giá trị|điểm số|số điểm|mức điểm|điểm)\s+)?$/u;
/** Between the name and the bound level. */
const NAME_TO_LEVEL = /^\s*(?:(?:là|đạt)\s+)?$/u;

/** The index of the rank before the name of the bound level `idx` (the reference at [refStart, refEnd)), or -1. */
export function rankBeforeName(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number {
  const j = idx - 1;
  const f = figures[j];
  if (!f || refStart < f.end || refEnd > figures[idx].start || figures[idx].kind === 'rank' || reading.figures[idx].role === 'rank') return -1;
  if (!(f.kind === 'rank' || reading.figures[j].role === 'rank') || f.change || reading.figures[j].role === 'change') return -1;
  return refStart - f.end <= 48 && RANK_TO_NAME.test(text.slice(f.end, refStart)) && NAME_TO_LEVEL.test(text.slice(refEnd, figures[idx].start)) ? j : -1;
}
