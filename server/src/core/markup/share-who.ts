/**
 * A share of a rate's population who do something else (issue 13 round 33, held37; reading.md §69.2):
 * "77% người dùng Internet, phần lớn ở độ tuổi 18 - 25, đã mua hàng trực tuyến". The percentage
 * written right before a rate entry's population ("người dùng Internet": the rate's name without
 * "tỷ lệ", rate-first.ts) is the share of that population who do what the clause goes on to say: the
 * population's own verb phrase after an aspect word ("đã", "đang", "từng", "sẽ", "vẫn", "chưa",
 * "đều", "thường"), after a bracketed or comma aside about them, whose first word is no word of the
 * entry's names ("mua" of "đã mua hàng"). Such a figure is no value of the rate. Still read: the
 * entry's own verb after the population ("28,4% dân số trưởng thành đã có chữ ký số", the name then
 * spans it; "75% người trưởng thành đã có tài khoản": "có", "tài khoản" are the entry's words), a
 * change after it ("…, đã tăng 5 điểm"). Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

/** Between the figure and the name: white space and bold marks only. */
const ADJACENT = /^[\s*]*$/;
/** After the name: an aside between commas (no share of its own), then an aspect word and the verb's first word. */
const WHO_AFTER = /^\s*(?:,[^,.;:%]{1,60},\s*)?(?:hiện\s+)?(?:đã|đang|từng|sẽ|vẫn|chưa|đều|thường)\s+(\p{L}+)/u;
/** A change or level verb: the rate's own movement or value, not another deed. */
const MOVES = /^(?:tăng|giảm|đạt|lên|xuống|chiếm|ở|là|vượt)$/u;

/** The words of the entry's names, folded. */
const nameWords = new WeakMap<Indicator, Set<string>>();
function wordsOf(ind: Indicator): Set<string> {
  let out = nameWords.get(ind);
  if (!out) nameWords.set(ind, (out = new Set([ind.name, ...(ind.aliases ?? [])].flatMap((l) => foldKey(l).split(/[^a-z0-9]+/).filter(Boolean)))));
  return out;
}

/**
 * `plain`: the part as written; `name`: the name's span in it. The message listing `f` when it is
 * such a share of the population who do another thing, else null.
 */
export function shareWho(plain: string, f: Figure, name: { start: number; end: number }, ind: Indicator): ReturnType<typeof msg> | null {
  if (ind.unitClass !== 'percent' || ind.measure === 'growth' || f.kind !== 'percent' || f.change || f.end > name.start) return null;
  if (!ADJACENT.test(plain.slice(f.end, name.start))) return null;
  const m = WHO_AFTER.exec(plain.slice(name.end, name.end + 120));
  if (!m || MOVES.test(m[1].toLowerCase()) || wordsOf(ind).has(foldKey(m[1]))) return null;
  const deed = /^[^,.;:]{0,60}/.exec(plain.slice(name.end).replace(/^\s*,[^,]*,\s*/, ''))![0].trim();
  return msg(
    `"${f.raw}" là phần của "${plain.slice(name.start, name.end)}" ${deed}, không phải giá trị của "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is the part of "${plain.slice(name.start, name.end)}" who "${deed}", not a value of "${ind.name}": left unmarked.`,
  );
}
