/**
 * A rate written figure first (issue 13, round 28; docs/reading.md §49): "80,2% hộ gia đình trên cả
 * nước đang sử dụng Internet băng rộng cáp quang", "hơn 75% người trưởng thành trên cả nước hiện đã
 * có tài khoản ngân hàng". Between the population and its verb the writer puts the whole nation
 * ("trên cả nước", "tại Việt Nam") and the time of the statement ("hiện", "đang", "đã"): words that
 * say the figure is the nation's current rate, the entry's own reading, not another thing. In a
 * window opening right after a percentage (bold marks aside) they are not counted as words put into
 * the name (match.ts): the name is still fuzzy (wrap lists it, canonical writes the entry's name).
 * Any other word keeps its cost (a survey's sample, "người được hỏi"), and another place put there
 * ("tại đây", "trong khu vực", "tại Thái Lan": "tại", "ở", "trong" opening no phrase of the nation)
 * ends the window, even where the word folds as a name's ("tại" as "tài"): the rate is that place's
 * ("của tỉnh" is the province's: province.ts). Pure.
 */
import type { Figure } from '../types';
import { nameWords } from '../catalog/inserted-words';
import type { Label, Token } from './name-index';

/** The nation and the statement's time, as written (lower case, NFC), as phrases (longest first where one opens another). */
const FREE = /^(?:(?:trên|trong|tại|ở|của) )?(?:cả nước|toàn quốc|việt nam)(?: |$)|^(?:hiện nay|hiện|đang|đã|đều)(?: |$)/u;
/** A preposition of place opening no phrase of FREE: another place's rate. */
const OTHER_PLACE = /^(?:tại|ở|trong)$/u;
const word = (t: Token): string => t.raw.normalize('NFC').toLowerCase();
/** How many words after the figure the phrases may stand at: the population's words, then these. */
const REACH = 8;

/**
 * Where a fronted rate's window may open (the token right after a percentage, "**" aside) and the
 * free phrases after it, as offset intervals of the part's text.
 */
export function frontedRate(text: string, tokens: Token[], figures: Figure[]): { opens: Array<[number, number]>; free: Array<[number, number]>; other: Array<[number, number]> } {
  const opens: Array<[number, number]> = [];
  const free: Array<[number, number]> = [];
  const other: Array<[number, number]> = [];
  for (const f of figures) {
    if (f.kind !== 'percent' || f.change) continue;
    const k = tokens.findIndex((t) => t.start >= f.end);
    if (k < 0 || !/^[\s*]*$/.test(text.slice(f.end, tokens[k].start))) continue;
    opens.push([tokens[k].start, tokens[k].start + 1]);
    for (let j = k + 1; j < tokens.length && j <= k + REACH; j++) {
      if (/[,.;:()]/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
      const m = FREE.exec(tokens.slice(j, j + 3).map(word).join(' '));
      if (!m) {
        if (OTHER_PLACE.test(word(tokens[j]))) other.push([tokens[j].start, tokens[j].end]);
        continue;
      }
      const n = m[0].trim().split(' ').length;
      free.push([tokens[j].start, tokens[j + n - 1].end]);
      j += n - 1;
    }
  }
  return { opens, free, other };
}

/**
 * "từ 15 tuổi trở lên", "trên 15 tuổi trở lên": an age bound of the population, words of a name
 * ("Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản …"), not a figure a name must stop at (names.ts).
 */
export function ageBound(text: string, f: Figure): boolean {
  return /\d\s*tuổi$/u.test(f.raw) && /^\s+trở\s+lên(?![\p{L}])/u.test(text.slice(f.end, f.end + 12));
}

/** Per label, its words as written (lower case, NFC). */
const ownWords = new WeakMap<Label, Set<string>>();

/** Whether a place word of `frontedRate`'s `other` is not the label's own word as written ("trong" of "Tỷ trọng … trong từng ngành"; "tại" folded as "tài"). */
export function otherPlace(label: Label, t: Token): boolean {
  let own = ownWords.get(label);
  if (!own) ownWords.set(label, (own = new Set(nameWords(label.text))));
  return !own.has(word(t));
}
