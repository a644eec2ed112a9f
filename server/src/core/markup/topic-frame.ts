/**
 * Class aspect-frame (open34, docs/reading.md §75.1): a rank or score of Việt Nam after a fronted
 * topic frame "Về <aspect>, …" ("Xét về", "Riêng về", "Còn về", "Về mặt", "Về khía cạnh") that
 * names an aspect of the index, not the index: "Về hiệu quả đổi mới sáng tạo, Việt Nam xếp thứ 27"
 * after a paragraph on the Global Innovation Index is the rank of its efficiency ratio, no rank of
 * the index. The frame opens the sentence or a clause after ";" or ":", the country follows it, and
 * nothing but the country's own words stands between the frame and the figure (no other frame, no
 * clause stop). The aspect is the frame's words left when the words any index's own figure is
 * framed by ("thứ hạng", "xếp hạng", "tổng thể", "điểm số", "chung" …) and the words of the entries
 * named before (their names, aliases and abbreviations) are taken away: a word left is an aspect of
 * its own, and the figure names no entry told of before (unnamed.ts, entryOfUnnamed). Still read:
 * "Về thứ hạng, Việt Nam đứng thứ 44", "Về chính phủ điện tử, Việt Nam xếp thứ 86/193" after the
 * EGDI (the index's own words), "Về GII, …". Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';

/** A fronted frame at the sentence's or a clause's start, its words (group 1), then a comma. */
const FRAME = /(?:^|[;:])\s*(?:\*\*[^*]*\*\*\s*)?(?:(?:xét|riêng|còn|nói)\s+)?về\s+(?:mặt\s+|khía cạnh\s+)?([^,;:.!?()\d]{2,80}?)\s*,\s*/giu;
/** The country right after the frame, perhaps after a deictic or a period ("Việt Nam", "nước ta"). */
const COUNTRY_NEXT = /^(?:[\p{L}\p{M}\d/]+\s+){0,3}?(?:Việt Nam|[Nn]ước ta)(?!\p{L})/u;

const fold = (s: string): string => foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** Words any index's own figure may be framed by (folded). */
const OWN = new Set(
  fold(
    'nói chung chỉ số xếp hạng thứ hạng hạng thứ bậc vị trí điểm số tổng thể tổng hợp tổng chung kết quả toàn cầu quốc gia thế giới khu vực năm kỳ này đó bảng báo cáo của các và mức độ giá trị',
  ).split(' '),
);

/** The words of the entries named before, folded (names, aliases, abbreviations). */
function entryWords(named: Indicator[]): Set<string> {
  const out = new Set<string>();
  for (const ind of named) for (const s of [ind.name, ...(ind.aliases ?? []), ...(ind.abbreviations ?? [])]) for (const w of fold(s).split(' ')) out.add(w);
  return out;
}

/**
 * Whether the figure at `at` of the sentence `text` follows a topic frame naming an aspect of its own
 * (words neither of an index's own figure nor of the entries `named` before): then it is no value of
 * those entries.
 */
export function framedAspect(text: string, at: number, named: Indicator[]): boolean {
  const before = text.slice(0, at);
  let frame: RegExpExecArray | null = null;
  for (const m of before.matchAll(FRAME)) frame = m as RegExpExecArray;
  if (!frame) return false;
  const after = before.slice(frame.index + frame[0].length);
  if (!COUNTRY_NEXT.test(after) || /[;:.!?]/u.test(after)) return false;
  const own = entryWords(named);
  return fold(frame[1])
    .split(' ')
    .some((w) => w && !OWN.has(w) && !own.has(w));
}
