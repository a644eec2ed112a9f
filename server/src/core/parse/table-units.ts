/**
 * A unit written only in a table's header cell (issue #13, round 14): "Doanh thu (tỷ USD)", "Tốc độ
 * (Mbps)", "Tỷ lệ (%)", "Số thuê bao (triệu)" over cells of bare numbers ("16,4"). The unit in
 * brackets is read by the figure reader itself (readFigures of "1 <unit>": its multiplier, unit and
 * unit class), and a bare number of the column is that number in that unit: 16,4 under "(tỷ USD)"
 * is 16,4 tỷ USD, as the writer meant. A cell with a unit of its own ("16,4 tỷ USD"), a change, a
 * fraction or a rank keeps its own reading. Used by the checker (table-header.ts: the figure a
 * header's reference binds) and the detector (markup/table-header.ts: whether the column's figures
 * fit). Pure; the header's unit is read once per header cell text.
 */
import type { Figure } from '../types';
import { readFigures } from './figures';

/** A bracket in a header cell: "(tỷ USD)", "(%)", "(đơn vị: triệu thuê bao)". */
const BRACKET = /\(\s*(?:đơn vị(?:\s+tính)?\s*:\s*|ĐVT\s*:\s*)?([^()]{1,30}?)\s*\)/giu;

/** The unit of a header cell, as a figure of 1 in it ("1 tỷ USD"); null when the cell writes none. */
export interface HeaderUnit {
  /** The bracket's words ("tỷ USD", "%"), as a figure's unit is written after its numeral. */
  written: string;
  /** The unit scales the number or is money ("tỷ USD", "triệu", "nghìn tỷ đồng"): a bare number read without it has another value. */
  scales: boolean;
}

const units = new Map<string, HeaderUnit | null>();

/** The unit a header cell's text writes in brackets (the module comment), or null. */
export function headerUnit(cell: string): HeaderUnit | null {
  let known = units.get(cell);
  if (known !== undefined) return known;
  known = null;
  for (const m of cell.matchAll(BRACKET)) {
    const inner = m[1].trim();
    // A year or a period in brackets ("(2022)", "(6 tháng)") is no unit: the bracket starts with a letter or "%".
    if (!/^(?:\p{L}|%)/u.test(inner)) continue;
    const text = inner === '%' ? '1%' : `1 ${inner}`;
    let f: Figure | undefined;
    try {
      f = readFigures(text)[0];
    } catch {
      f = undefined;
    }
    // The whole bracket must be the figure's unit (and multiplier): "1 tỷ USD", not "1 tỉnh" of a list.
    if (!f || f.raw !== text || f.change || f.kind === 'rank' || f.kind === 'fraction' || (!f.unit && f.multiplier === 1)) continue;
    known = { written: inner === '%' ? '%' : ` ${inner}`, scales: f.multiplier !== 1 || f.unitClass === 'currency' };
    break;
  }
  if (units.size > 2000) units.clear();
  units.set(cell, known);
  return known;
}

/** True if `f` is a bare number a header's unit may complete: no unit, no multiplier, no change, fraction nor rank. */
export function isBare(f: Figure): boolean {
  return !f.unit && f.multiplier === 1 && !f.change && f.kind !== 'rank' && f.kind !== 'fraction' && f.denominator === undefined;
}

/** The figures made in a unit, per figure: the same figure and unit give the same object (a keystroke elsewhere changes no reference). */
const made = new WeakMap<Figure, { unit: HeaderUnit; out: Figure }>();

/** `f` in the header's unit when it is bare (a new object: placed figures are shared), else `f`. */
export function inHeaderUnit<T extends Figure>(f: T, unit: HeaderUnit | null): T {
  if (!unit || !isBare(f)) return f;
  const kept = made.get(f);
  if (kept?.unit === unit) return kept.out as T;
  // The number and the unit read together by the figure reader: value, interval (rounding) and kind as if written so.
  const text = f.raw + unit.written;
  let read: Figure | undefined;
  try {
    read = readFigures(text)[0];
  } catch {
    read = undefined;
  }
  if (!read || read.raw !== text || read.numeral !== f.numeral) return f;
  const { kind, value, mantissa, multiplier, multiplierWord, unit: u, unitClass, interval, decimals } = read;
  const out: T = { ...f, kind, value, mantissa, multiplier, multiplierWord, unit: u, unitClass, interval, decimals };
  made.set(f, { unit, out });
  return out;
}
