/**
 * A clash of two names settled by the growth word before its percent (round 29, docs/reading.md §52):
 * "thanh toán không dùng tiền mặt tăng gần 50%" matches "Tăng trưởng giao dịch thanh toán không dùng
 * tiền mặt" and "Tỷ lệ … thúc đẩy thanh toán không dùng tiền mặt trong cơ sở giáo dục, y tế" alike
 * (names.ts `two-names`); a percent written after "tăng" in the name's clause is a rate of growth, the
 * growth entry's and never a ratio's (the same choice markup/subjects.ts pickBySubject makes for a
 * subject). Only when exactly one of the clashing entries is a growth entry the figure fits; a percent
 * "về giá trị" is no growth of those entries, which count transactions or units.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';
import { fits } from './judge';
import type { Named } from './names';

/** "tăng" (folded) between the name and its percent, no "giảm" nor a clause break between them. */
const GROWTH_BETWEEN = /^[^;:.!?()]{0,24}(?<![a-z0-9])tang(?![a-z0-9])/;
/** A percent of value (or a part's share) beside the growth: not the count's growth these entries keep. */
const NOT_COUNT = /(?<![a-z0-9])ve gia tri(?![a-z0-9])|(?<![a-z0-9])gia tri(?![a-z0-9])/;

/** The clash `n` settled to its one growth entry when `f`, a percent after "tăng", is that growth; else null. */
export function grownOfClash(n: Named, f: Figure, text: string): Named | null {
  if (n.why !== 'two-names' || n.candidates.length < 2 || f.kind !== 'percent' || f.change?.times) return null;
  if (f.start < n.cand.end) return null; // the figure written after the name, in its part
  const between = foldKey(text.slice(n.cand.end, f.numeralStart));
  if (!GROWTH_BETWEEN.test(between) || NOT_COUNT.test(foldKey(text.slice(n.cand.end, Math.min(text.length, f.end + 16))))) return null;
  const grown = n.candidates.filter((i: Indicator) => i.measure === 'growth' && fits(i, f));
  if (grown.length !== 1) return null;
  return { ...n, indicator: grown[0], candidates: grown, why: undefined };
}
