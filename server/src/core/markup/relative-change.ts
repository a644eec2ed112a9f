/**
 * False marks by class, round 29 (open29, held33's false mark; docs/reading.md §51.1). One hook in
 * classes.ts falseByClass; the refusal is listed `figure-role` with its reason.
 *
 * A relative change of a count or an amount, alone in its clause: "so với quý I/2020, số cuộc tấn
 * công mạng gây sự cố trong quý I năm nay vẫn giảm 20%", "doanh thu phần mềm tăng 38%". The entry
 * keeps a count ("cuộc", "doanh nghiệp") or an amount (USD, đồng); a change in per cent of it is its
 * growth, which only a growth entry keeps (the family's growth member, when there is one, is picked
 * before the name is judged: a change in per cent fits it). No level of the entry is written in the
 * clause (the reader would bind that level), and no base: the per cent says nothing the entry's
 * series can hold. Still marked: a change in the entry's own unit ("tăng 1.200 doanh nghiệp", "giảm
 * 2 bậc", neg28's "tăng thêm 0,1783 điểm": the checker checks it against the history), a multiple
 * ("gấp 3 lần", changeAsLevel's), a rate's per cent (qualified.ts), a growth entry's growth.
 * Pure: the bound figure, its role and the entry.
 */
import { msg } from '../i18n';
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';

type Message = ReturnType<typeof msg>;

/** Whether `ind` keeps a count or an amount of its own unit (no rate, rank, score or growth). */
const keepsLevelsOnly = (ind: Indicator): boolean => ind.measure !== 'growth' && (ind.unitClass === 'count' || ind.unitClass === 'currency');

/** Class relative-change: a change in per cent bound, as a change, to a count's or an amount's entry. */
export function relativeChange(role: string | undefined, f: Figure, ind: Indicator): Message | null {
  if (role !== 'change' || !f.change || f.change.times || f.unitClass !== 'percent' || !keepsLevelsOnly(ind)) return null;
  return msg(
    `"${f.raw}" là mức thay đổi tính bằng % của "${ind.name}" (một ${ind.unitClass === 'count' ? 'số đếm' : 'số tiền'}): đó là tốc độ tăng, không phải giá trị chỉ tiêu này lưu, chưa đánh dấu.`,
    `"${f.raw}" is a change in per cent of "${ind.name}" (${ind.unitClass === 'count' ? 'a count' : 'an amount'}): a growth rate, not a value this entry keeps; left unmarked.`,
  );
}
