/**
 * Class within-count (round 27, neg27; docs/reading.md §45): "Trong 120 triệu thuê bao di động có
 * 100,7 triệu dùng điện thoại thông minh": the count after "trong N <noun> … có" counts that noun
 * (elided), a part of those N, not what a count entry of another noun counts (people, "người"), unless the figure writes
 * that noun of its own.
 * An entry whose names or unit say the noun ("Số thuê bao 5G") keeps the figure. Pure.
 */
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { entrySays } from './entry-words';

/** "trong (số) N <noun> (≤ 40 more characters, no clause break) có" right before the figure: the noun. */
const WITHIN = /(?:^|[^\p{L}])[Tt]rong\s+(?:(?:tổng\s+)?số\s+)?\d[\d.,]*(?:\s+(?:nghìn|triệu|tỷ))?\s+(\p{L}+\s+\p{L}+)[^.;:\d]{0,40}?\s(?:có|thì có)\s+$/u;

/** Why a count figure whose noun a "trong N … có" before it elides is no value of `ind`, else null (`after`: the words after its numeral). */
export function withinCount(before: string, after: string, f: Figure, ind: Indicator): ReturnType<typeof msg> | null {
  // A figure with the entry's noun of its own ("61,3 triệu người dùng …") counts what the entry counts.
  const rest = after.replace(/^\s*(?:nghìn|triệu|tỷ)?\s*/u, '');
  if (ind.unitClass !== 'count' || (ind.unit && rest.startsWith(ind.unit) && !/^\p{L}/u.test(rest.slice(ind.unit.length)))) return null;
  const noun = WITHIN.exec(before.slice(-120))?.[1];
  if (!noun || entrySays(ind, noun)) return null;
  return msg(
    `"${f.raw}" đếm ${noun} (danh từ lược sau "trong … có"), không phải "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" counts ${noun} (the noun elided after "trong … có"), not "${ind.name}": left unmarked.`,
  );
}
