/**
 * Elliptical names: a later clause of a sentence that names a second indicator only by the "của …"
 * that sets it apart from the first ("Tỷ lệ hồ sơ trực tuyến toàn trình của bộ, ngành đạt 61%; của
 * địa phương đạt 17%"). Wrap mode cannot mark "của địa phương" (it is no name), so the detector lists
 * it as ambiguous (`elliptical-name`) with the indicator it stands for: nothing is silently dropped.
 * The indicator is found in the catalog: the first name's words with their "của …" replaced by the
 * clause's, resolved as a reference would be (no indicator name is written here).
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { readFigures } from '../parse/figures';
import type { Figure } from '../types';
import type { Named } from './names';

/** A "của …" clause standing for another indicator. */
export interface Ellipsis {
  /** Offsets of "của …" in the text given. */
  start: number;
  end: number;
  indicator: Indicator;
  /** The figure after it, as read. */
  figure: Figure;
}

/** ";"/"," then "của" and up to six words, then an optional linking word, then a figure. */
const ELLIPSIS = /[;,]\s+(của(?:\s+[\p{L}]+,?){1,6}?)\s+(?:(?:đạt|là|ở mức|chiếm)\s+)?(?=\S*\d)/gu;

/**
 * The elliptical clauses after the names `own` (offsets into `text`, in text order) of a sentence:
 * `text` is the sentence and, when it ends at ";" (a sentence boundary), the rest of its line.
 */
export function ellipses(text: string, own: Named[], catalog: Catalog): Ellipsis[] {
  const out: Ellipsis[] = [];
  if (!own.length || !text.includes('của')) return out;
  ELLIPSIS.lastIndex = 0;
  for (let m = ELLIPSIS.exec(text); m; m = ELLIPSIS.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]);
    const end = start + m[1].replace(/,$/, '').length;
    // The nearest name before it, whose words set it apart by a "của …" of their own.
    const first = [...own].reverse().find((n) => n.cand.end <= start);
    if (!first || own.some((n) => n.cand.start < end && n.cand.end > start)) continue;
    const words = text.slice(first.cand.start, first.cand.end);
    const at = words.lastIndexOf(' của ');
    if (at <= 0) continue;
    const res = catalog.resolve(`${words.slice(0, at)} ${text.slice(start, end)}`);
    if (!('indicator' in res) || res.indicator === first.indicator) continue;
    const figure = readFigures(text.slice(end, end + 60))[0];
    if (!figure || figure.start > 16) continue;
    out.push({ start, end, indicator: res.indicator, figure });
  }
  return out;
}
