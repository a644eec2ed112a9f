/**
 * The longest sentence (or table row) the detector judges name by name. Judging one name reads its
 * sentence (its clauses, places, siblings, compilers), so a sentence holding hundreds of names costs
 * their number times its length: a 136 KB sentence of shares with no full stop took a minute to
 * check. The longest sentence of the real reports under test/fixtures is about 650 characters; one
 * over LONGEST_JUDGED is listed once, with the indicators its words may name, and left unmarked
 * (`long-sentence`: split it and run again), never judged and never silently dropped.
 */
import type { LineIndex } from '../text';
import { msg } from '../i18n';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import type { AmbiguousCase } from './types';
import { LONGEST_CARRIED } from '../parse/heading-carry';

/** The same bound as the heading's carry (parse/heading-carry.ts): one length past which a sentence is not read figure by figure. */
export const LONGEST_JUDGED = LONGEST_CARRIED;

/** True (and the unit listed in `run.ambiguous`) when `unit` is too long to be judged name by name. */
export function longUnit(run: { lines: LineIndex; ambiguous: AmbiguousCase[] }, unit: ProseUnit, named: readonly Named[]): boolean {
  const length = unit.end - unit.start;
  if (length <= LONGEST_JUDGED) return false;
  const candidates = [...new Set(named.flatMap((n) => n.candidates))];
  run.ambiguous.push({
    start: unit.start,
    end: unit.start,
    range: run.lines.range(unit.start, unit.start),
    text: '',
    reason: 'long-sentence',
    candidates,
    figures: [],
    message: msg(
      `Câu dài ${length.toLocaleString('vi-VN')} ký tự (quá ${LONGEST_JUDGED.toLocaleString('vi-VN')}): các tên trong câu không được dò; tách câu rồi chạy lại.`,
      `A sentence of ${length.toLocaleString('en-US')} characters (over ${LONGEST_JUDGED.toLocaleString('en-US')}): its names are not judged; split it and run again.`,
    ),
  });
  return true;
}
