/**
 * Class withdrawn-figure (round 25, docs/reading.md §38.1): a correction quotes what an earlier text
 * wrote to withdraw it ("Bản tin số trước ghi tỷ trọng … năm 2023 là 8,8%", "bài viết đã ghi nhầm số
 * thuê bao là 86,6 triệu", "in nhầm thành 25%"): the quoted figure is no value of the entry. The cue,
 * in the figure's sentence before it: a word of error after a verb of writing ("ghi nhầm", "viết
 * nhầm"), or an earlier text as the writer ("bản tin số trước ghi", "bài kỳ trước đã viết"); then
 * "là"/"thành" right before the figure (a hedge between allowed). Not: the corrected figure ("số
 * đúng là 10%", "xin sửa lại là 10%": a word of the right value after the cue). Pure, bounded.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';

const CUE = /(?:^|[^\p{L}])(?:(?:ghi|viết|in|đưa|nêu|đăng|gõ)\s+nhầm|nhầm\s+(?:là|thành)|(?:bản tin|bài viết|bài báo|bài|tin|báo cáo|số báo)\s+(?:số|kỳ|lần)\s+trước(?:\s+đó)?\s+(?:đã\s+)?(?:ghi|viết|đưa|nêu|đăng))(?![\p{L}])/giu;
const RIGHT = /(?:^|[^\p{L}])(?:đúng|sửa lại|sửa thành|chính xác)(?![\p{L}])/iu;
const AS = /(?:^|[^\p{L}])(?:là|thành)\s+(?:(?:khoảng|gần|hơn|trên|dưới|chỉ|mức)\s+)*$/iu;

/** The message listing a figure a correction withdraws, else null. `before` then `upTo`: the sentence's words before the figure. */
export function withdrawnFigure(before: string, upTo: string, f: Figure): ReturnType<typeof msg> | null {
  const s = (before.slice(-240) + upTo.slice(-240)).slice(-240).toLowerCase();
  if (!AS.test(s)) return null;
  let cue = -1;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(s); m; m = CUE.exec(s)) cue = m.index + m[0].length;
  if (cue < 0 || RIGHT.test(s.slice(cue))) return null;
  return msg(
    `"${f.raw}" là số mà một văn bản trước đã ghi, được nhắc lại để đính chính, không phải giá trị của chỉ tiêu: chưa đánh dấu.`,
    `"${f.raw}" is what an earlier text wrote, quoted to be corrected, not the indicator's value: left unmarked.`,
  );
}
