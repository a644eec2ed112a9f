/**
 * Round 34 (next34; docs/reading.md §78): a sentence telling, through an anaphor, the share of the
 * amount the sentence before named ("[[Doanh thu thương mại điện tử bán lẻ]] năm 2021 đạt 13,7 tỷ
 * USD. Kênh này chiếm [[Tỷ trọng thương mại điện tử trong tổng mức bán lẻ ]]7% …", markup/next-share.ts)
 * speaks of that amount still: the next sentences of the paragraph go on telling of it ("So với mức
 * 6,2 tỷ USD của năm 2017, …"), so the amount's anchor is kept (binding.ts, family-carry.ts), not the
 * share's. Only for a sentence opening with the anaphor and a share's verb, one reference bound to a
 * percent, after an anchor bound to no percent. Pure.
 */
import type { FamilyAnchor } from './family-carry';
import type { Reference } from './model';

/** The anaphor opening the sentence (a period phrase first at most) and a share's verb, or "Tỷ trọng của <anaphor> trong". */
const SHARE_ANAPHOR =
  /^\s*(?:(?:trong\s+|riêng\s+)?(?:năm|quý|tháng)\s+[\dIVX/]+\s*,?\s+)?(?:tỷ trọng\s+(?:của\s+)?(?:kênh|con số|quy mô|giá trị|mức|thị trường)\s+(?:này|đó)\s+trong\s|(?:kênh|con số|quy mô|giá trị|mức|thị trường)\s+(?:này|đó)\s+(?:(?:đã|ước|hiện|cũng|mới|chỉ|đang|vẫn|tiếp tục)\s+)*(?:chiếm|bằng|tương đương|tương ứng)\s)/iu;

/** Whether the anchor `before` stays the paragraph's after a sentence (`text`, references masked) whose references are `made`. */
export function keepsAnchor(text: string, made: Reference[], before: FamilyAnchor | null): boolean {
  return !!before && made.length === 1 && made[0].figure?.kind === 'percent' && before.ref.figure?.kind !== 'percent' && SHARE_ANAPHOR.test(text.normalize('NFC'));
}
