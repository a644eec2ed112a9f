/**
 * A figure the checker would leave with no period (issue #13 item 7, one binder; docs/reading.md §58):
 * the report's front matter gives no year (it lacks `period` or does not parse: an unquoted ": " in
 * its `title`; a text with no front matter at all is a snippet, marked as before), and neither the
 * figure's sentence nor a sentence before it in its paragraph (the lead the paragraph, a list's lead
 * or an earlier piece lends, parse/carry.ts) writes a year. parse/assemble.ts drops a yearless phrase ("trong năm", "Sang tháng 2") when the report gives
 * no year, so the checker would read the mark as a fact of no period: listed `no-period`, the message
 * saying what to write. Pure.
 */
import { msg } from '../i18n';
import { paragraphCarry, type Carry } from '../parse/carry';
import { frontMatterAt } from '../parse/guard';
import { lentByListLead } from '../parse/list-lead';
import { readPartOnce } from '../parse/part-reading';
import { lentByPieces } from '../parse/piece-year';
import type { Figure } from '../types';
import { paragraphBefore } from './judge';

/** A period code holding a year (not `XXXX`-yearless, not empty). */
const withYear = (code: string | null | undefined): boolean => !!code && /^\d{4}/.test(code);

/**
 * Why the figure `f` would be left undated by the checker, else null. `own`: the code of the
 * figure's own period phrase (the binder's, `XXXX` when yearless), else null; `table`: the figure is
 * a table's cell (never listed: its row or column may date it); `at`: the figure's unit's
 * offset in `text`; `docPeriod`: the report's period as the parse reads it.
 */
export function leftUndated(text: string, at: number, own: string | null, table: boolean, f: Figure, docPeriod: string | null): ReturnType<typeof msg> | null {
  // (a table's cell: its row or column may give the period the binder does not; a text with no front
  // matter at all, a snippet rather than a report: not listed, as before)
  if (table || withYear(docPeriod) || withYear(own) || !frontMatterAt(text)) return null;
  const before = paragraphBefore(text, at);
  const lent: Carry | null = lentByPieces(before, readPartOnce) ?? paragraphCarry(before) ?? lentByListLead(text, at, false);
  if (withYear(lent?.code)) return null;
  return msg(
    `Báo cáo không cho kỳ (front matter thiếu \`period\` hoặc không đọc được) và câu của "${f.raw}" không ghi năm: dấu sẽ là một số liệu không có kỳ: chưa đánh dấu. Sửa front matter hoặc ghi năm vào câu để đánh dấu.`,
    `The report gives no period (its front matter lacks \`period\` or does not parse) and the sentence of "${f.raw}" writes no year: the mark would be a figure with no period: left unmarked. Mend the front matter or write the year in the sentence to mark it.`,
  );
}
