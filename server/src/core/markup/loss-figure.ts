/**
 * Class loss-amount (round 31, open31; docs/reading.md §59.2): an amount told as a loss in its own
 * clause ("Tỷ lệ vi phạm bản quyền … vẫn ở mức 90%, gây thiệt hại khoảng 38 triệu USD cho ngành phần
 * mềm", "tổn thất ước 2.000 tỷ đồng") is what was lost, no revenue, export or spending of an entry
 * whose names do not say a loss: listed `figure-role` (one hook in classes.ts falseByClass). The loss
 * word stands between the clause's opening (the part's start or its last ",", ";", ":") and the
 * figure. Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

/** The words that tell a loss; matched as written in the clause, and folded in an entry's names. */
const LOSS_WORDS = ['thiệt hại', 'tổn thất', 'thất thoát', 'thất thu'];
const LOSS = new RegExp(`(?<![\\p{L}])(?:${LOSS_WORDS.join('|')})(?![\\p{L}])`, 'iu');
const LOSS_FOLDED = new RegExp(`(?:^|[^a-z])(?:${LOSS_WORDS.map(foldKey).join('|')})(?:[^a-z]|$)`);

/** `plain`: the figure's part as written; `f`: the bound figure; `ind`: the entry marked. */
export function lossAmount(plain: string, f: Figure, ind: Indicator): ReturnType<typeof msg> | null {
  if (f.unitClass !== 'currency') return null;
  const lead = plain.slice(0, f.start);
  const clause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf(':')) + 1);
  const m = LOSS.exec(clause);
  if (!m || [ind.name, ...(ind.aliases ?? [])].some((n) => LOSS_FOLDED.test(foldKey(n)))) return null;
  return msg(
    `"${f.raw}" là một khoản thiệt hại ("${m[0]}"), không phải giá trị của chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is a loss ("${m[0]}"), not a value of "${ind.name}": left unmarked.`,
  );
}
