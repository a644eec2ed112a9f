/**
 * A figure with no period phrase of its own in a sentence whose earlier clause dates another figure
 * ("tốc độ … tháng 7/2021 là 42,46 Mbps, xếp thứ 58, còn tốc độ băng rộng cố định xếp thứ 59"): the
 * checker would date the bound figure by the report's period, while the sentence speaks of the
 * earlier clause's (issue 13, tenth round, found on press-unmarked-held10; docs/accuracy.md
 * "False-mark classes"). Listed `period-of-another-figure` (dating.ts periodDoubt). Pure.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';
import type { Bound, UnitReading } from './bind';

/**
 * The message listing the bound figure `f` (bound as `b`) with no period phrase of its own (dated by
 * the report's `docPeriod`, or by a phrase inherited from an earlier clause) when a figure of an
 * earlier clause of its sentence has a period phrase of its own, written before `f` (and after the
 * inherited phrase), that is no comparison base or target's and, the nearest such before `f`, dates
 * another period; else null.
 */
export function periodOfEarlierClause(reading: UnitReading, b: Bound, f: Figure, docPeriod: string): ReturnType<typeof msg> | null {
  if (!reading.prose || b.part !== 0) return null;
  const r = reading.prose.reading;
  const figs = reading.figs[0];
  const periods = reading.periods[0];
  // The period the figure would take: the report's, or one inherited from an earlier clause
  // ("Theo báo cáo quý I/2022 …, … tháng 3/2022 giảm 6 bậc, …, với tốc độ … 33,9 Mb/giây").
  const mine = r.figures[b.fig];
  if (mine.own) return null;
  const inherited = mine.period >= 0 ? periods[mine.period] : null;
  const dated = inherited ? inherited.code.replace(/^XXXX/, docPeriod.slice(0, 4)) : docPeriod;
  // The nearest such phrase before the figure is the one the sentence last told: "từ hạng 15 năm 2022
  // lên hạng 11 năm 2023, với …: chính quyền số thứ 9" speaks of 2023 (reading.md §41).
  for (let j = b.fig - 1; j >= 0; j--) {
    work.steps++;
    const o = r.figures[j];
    if (o.period < 0 || !o.own || o.period === mine.period || r.lendsNothing[o.period] || r.clauseOf[j] === r.clauseOf[b.fig]) continue;
    const p = periods[o.period];
    if (p.comparison || p.start >= figs[b.fig].start || (inherited && p.start < inherited.start)) continue;
    const code = p.code.replace(/^XXXX/, docPeriod.slice(0, 4));
    if (code === dated) return null;
    return msg(
      `"${f.raw}" không có cụm chỉ kỳ riêng nên dấu sẽ mang kỳ ${dated}, nhưng vế trước của câu ghi "${p.raw}" cho "${figs[j].raw}": chưa đánh dấu. Ghi kỳ vào vế này để đánh dấu.`,
      `"${f.raw}" has no period phrase of its own, so the mark would date it ${dated}, while an earlier clause of the sentence dates "${figs[j].raw}" by "${p.raw}": left unmarked. Write the period in this clause to mark it.`,
    );
  }
  return null;
}
