/**
 * Payment channels listed, then their changes "lần lượt"/"tương ứng" (issue 13, round 34,
 * docs/reading.md §76): "Thanh toán qua điện thoại di động và qua mã QR khi ấy còn tăng nhanh hơn,
 * lần lượt 86,3% và 95,7% về số lượng", "qua điện thoại di động và qua mã QR, số lượng giao dịch tăng
 * tương ứng 61,1% và 171,7%". A channel written without its head noun (channel-words.ts) that is the
 * k-th of such a list takes the k-th per cent after the word, when
 * - the members are channels ("qua/kênh/bằng X", or a full name ending so) joined by "," / "và" /
 *   "hoặc", and as many as the per cents;
 * - between the last member and the word: no figure, no break (".", ";", ":"), at most 60 characters,
 *   a growth verb ("tăng") there or before the first per cent, no plan or target word ("mục tiêu",
 *   "kế hoạch", … parse/subject-words.ts PLANNED);
 * - the list after the word holds per cents only, joined by "," / ";" / "và", and nothing joined after
 *   the last (a third figure, a figure of another kind: no pairing), nor "về giá trị" after it.
 * The binder (parse/lists.ts `respectively`) pairs the marked names the same way, so the detector's
 * channel names (channel-names.ts) and the checker's reading of `[[qua mã QR]]` (channel-words.ts
 * channelOfWords, which every reader asks) agree. Pure.
 */
import { plannedBefore } from '../parse/family-carry';

/** A channel member ending right before the text's end, with its joiner: "qua điện thoại di động và ". */
const MEMBER_BEFORE = /(?:^|[^\p{L}])(?:qua|kênh|bằng)\s+[^\d,;:.!?()]{1,40}?(?:,\s*|\s+(?:và|hoặc)\s+)$/iu;
/** A channel member opening the text after its joiner: " và qua mã QR". */
const MEMBER_AFTER = /^(?:\s*,\s*|\s+(?:và|hoặc)\s+)(?:qua|kênh|bằng)\s+[^\d,;:.!?()]{1,40}?(?=\s|,|$)/iu;
/** From the list's end to the word and what it brings: "khi ấy còn tăng nhanh hơn, lần lượt ", ", số lượng tăng tương ứng là ". */
const TO_WORD = /^([^\d.;:!?()[\]]{0,60}?)(?<![\p{L}])(?:lần\s+lượt|tương\s+ứng)(?![\p{L}])((?:\s+(?:là|đạt|ở\s+mức))?\s*)/iu;
/** A per cent opening the text (a change word and a hedge allowed before it). */
const PERCENT = /^(?:(?:tăng|giảm)\s+)?(?:(?:khoảng|hơn|gần|trên|xấp\s+xỉ)\s+)?\d[\d.]*(?:,\d+)?\s?%/iu;
/** Between two figures of a list. */
const JOIN = /^\s*(?:[,;]\s*(?:và\s+)?|và\s+)/u;
/** A change said of the value. */
const OF_VALUE = /^\s*về\s+giá\s+trị/iu;
const GROWTH = /(?<![\p{L}])tăng(?![\p{L}])/iu;

/** Marks read as nothing: the same offsets, "[[" and "]]" as spaces. */
const plain = (s: string): string => s.replace(/\[\[|\]\]/g, '  ');

/**
 * The span in `text` of the per cent a channel's words at `name` take as the k-th member of a
 * "lần lượt"/"tương ứng" list (see above), else null; `k`: its place, `n`: the list's length.
 */
export function listedChannelFigure(text: string, name: { start: number; end: number }): { start: number; end: number; k: number; n: number } | null {
  // (members before it, back at most eight)
  let before = plain(text.slice(Math.max(0, name.start - 200), name.start));
  let k = 0;
  for (let m = MEMBER_BEFORE.exec(before); m && k < 8; m = MEMBER_BEFORE.exec(before)) {
    k++;
    before = before.slice(0, m.index + (m[0].length - m[0].trimStart().length));
  }
  let after = plain(text.slice(name.end, name.end + 400));
  let at = 0;
  let rest = 0;
  for (let m = MEMBER_AFTER.exec(after); m && rest < 8; m = MEMBER_AFTER.exec(after.slice(at))) {
    rest++;
    at += m[0].length;
  }
  const n = k + 1 + rest;
  if (n < 2) return null;
  after = after.slice(at);
  const w = TO_WORD.exec(after);
  if (!w || plannedBefore(w[1], w[1].length)) return null;
  // (the per cents after the word, joined; nothing joined after the last)
  let pos = at + w[0].length;
  const spans: Array<{ start: number; end: number }> = [];
  const tail = plain(text.slice(name.end, name.end + 600));
  for (;;) {
    const p = PERCENT.exec(tail.slice(pos));
    if (!p) return null;
    spans.push({ start: name.end + pos, end: name.end + pos + p[0].length });
    pos += p[0].length;
    if (spans.length === n) break;
    const j = JOIN.exec(tail.slice(pos));
    if (!j) return null;
    pos += j[0].length;
  }
  const j = JOIN.exec(tail.slice(pos));
  if ((j && /^\s*\d/u.test(tail.slice(pos + j[0].length))) || OF_VALUE.test(tail.slice(pos))) return null;
  if (!GROWTH.test(w[1]) && !/^(?:tăng)\s/iu.test(tail.slice(at + w[0].length))) return null;
  return { ...spans[k], k, n };
}
