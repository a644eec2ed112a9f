/**
 * Class aside-lead (round 22, neg22; docs/reading.md §24): a period told after a semicolon, once the
 * sentence's first part has told a figure of the report's own period, is a comparison set beside it
 * ("… xếp Việt Nam thứ 45/133 quốc gia; năm 2023 Việt Nam đứng thứ 56, tức là tăng 11 bậc."), no
 * period the paragraph now speaks of. The checker still lends it to the next sentences (carry.ts
 * reads each part between semicolons as a sentence), so a figure there with no period phrase of its
 * own ("Tổng điểm NRI của Việt Nam đạt 54,96/100.") would be dated by the aside: `markup` lists it
 * (`period-of-another-sentence`) and asks for the period to be written. A part before the semicolon
 * with a period phrase of its own ("Năm 2022, … đạt 10; năm 2023 đạt 12.") or with no figure keeps the
 * carry as it was. Pure and bounded: the paragraph's text before the figure's sentence.
 */
import { msg } from '../i18n';
import { paragraphCarry } from '../parse/carry';
import { readPartOnce } from '../parse/part-reading';
import type { Figure } from '../types';

/** The message listing `f` when the paragraph's lead (in `before`) is such an aside, else null. */
export function asideLead(before: string, docPeriod: string, f: Figure): ReturnType<typeof msg> | null {
  const lead = paragraphCarry(before);
  if (!lead || lead.code === docPeriod) return null;
  let from = 0;
  for (const m of before.slice(0, lead.start).matchAll(/[.!?](?=\s)/g)) from = m.index! + 1;
  const semi = before.lastIndexOf(';', lead.start);
  if (semi < from) return null;
  const head = readPartOnce(before.slice(from, semi), false);
  if (!head.figs.length || head.phrases.some((p) => !p.comparison)) return null;
  const raw = before.slice(lead.start, lead.end);
  return msg(
    `"${f.raw}" sẽ mang kỳ "${raw}", một so sánh nêu sau dấu chấm phẩy ở câu trước: chưa đánh dấu. Ghi kỳ vào câu này để đánh dấu.`,
    `"${f.raw}" would take "${raw}", a comparison told after a semicolon in the sentence before: left unmarked. Write the period in this sentence to mark it.`,
  );
}
