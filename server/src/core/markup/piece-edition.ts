/**
 * Class piece-edition (round 31, held34; docs/reading.md §60): a piece after ";" whose earlier piece
 * names an index's edition of another year than the report's ("Năm trước đó, hồ sơ quốc gia GII 2020
 * ghi nhận Việt Nam đứng thứ 42 …; ở nhóm đầu vào …, Việt Nam ở hạng 62" in the report of 2021): the
 * checker dates the edition's own figure by the year after its name (parse/name-year.ts), but an
 * edition year is no period phrase, so no piece lends it (parse/piece-year.ts) and a figure of the
 * next piece with no period of its own takes the report's. It is likely the edition's: `markup` lists
 * it (`period-of-another-sentence`) and asks for its year. Pure and bounded: the sentence's earlier pieces.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';

/** An index's edition: an acronym (or a marked name), then a bare year ("GII 2020", "[[DTI]] 2022"). */
const EDITION = /(?:(?<![\p{L}\p{N}])\p{Lu}{2,}|\]\])[ \t]+((?:19|20)\d\d)(?![\p{L}\p{N}]|[/–-]|[.,]\d)/gu;

/** The message listing `f` when an earlier piece of its sentence (in `before`, ending with ";") names an edition of another year than `docPeriod`'s, else null. */
export function editionOfEarlierPiece(before: string, docPeriod: string, f: Figure): ReturnType<typeof msg> | null {
  if (!/;\s*$/.test(before)) return null;
  let from = 0;
  for (const m of before.matchAll(/[.!?](?=\s)/g)) from = m.index! + 1;
  for (const m of before.slice(from).matchAll(EDITION)) {
    if (docPeriod.startsWith(m[1])) continue;
    return msg(
      `"${f.raw}" sẽ mang kỳ của báo cáo (${docPeriod}), trong khi vế trước của câu nói ấn bản ${m[1]} ("${m[0].trim()}"): số liệu có lẽ là của ấn bản ấy: chưa đánh dấu. Ghi năm vào vế này để đánh dấu.`,
      `"${f.raw}" would take the report's period (${docPeriod}) while an earlier part of its sentence names the ${m[1]} edition ("${m[0].trim()}"): the figure is likely that edition's: left unmarked. Write the year in this part to mark it.`,
    );
  }
  return null;
}
