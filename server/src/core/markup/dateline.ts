/**
 * Class dateline-edition (round 25, docs/reading.md §38.2): a sentence opening with the day of an
 * event ("Ngày 17/9, Báo cáo Khảo sát Chính phủ điện tử 2024 … xếp Việt Nam thứ 71/193 với chỉ số
 * EGDI 0,7709", "Chiều 21/10, Bộ công bố DTI 2024 …") dates the announcement: an index's score or
 * rank is its edition's, never that day's. The figure of an entry measured as an index or a rank,
 * dated by the day its sentence opens with, is listed, not marked. Pure, bounded.
 */
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

const OPENING = /^\s*(?:\*\*)?\s*(?:(?:vào\s+)?(?:ngày|sáng|trưa|chiều|tối|đêm|hôm)\s+)?(\d{1,2})[/-](\d{1,2})(?:[/-]\d{4})?\s*,/iu;

/** `before` then `plain`: the figure's sentence from its opening; `period`: the code the figure would be dated by. */
export function datelineDay(before: string, plain: string, period: string | undefined, indicator: Indicator, f: Figure): ReturnType<typeof msg> | null {
  if (indicator.measure !== 'index' && indicator.measure !== 'rank') return null;
  const day = period ? /^(?:\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(period) : null;
  const m = day ? OPENING.exec((before.slice(0, 40) + plain.slice(0, 40)).slice(0, 40)) : null;
  if (!m || Number(m[1]) !== Number(day![2]) || Number(m[2]) !== Number(day![1])) return null;
  return msg(
    `Câu mở đầu bằng ngày ${m[1]}/${m[2]}, ngày của sự kiện: "${f.raw}" là điểm hay thứ hạng của kỳ công bố, không phải của ngày ấy: chưa đánh dấu.`,
    `The sentence opens with the day ${m[1]}/${m[2]}, the day of an event: "${f.raw}" is a score or rank of its edition, not of that day: left unmarked.`,
  );
}
