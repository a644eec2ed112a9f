/** The detector's messages for names it lists: words that cannot be settled on one indicator, a variant wrap mode would have to rewrite. */
import { msg } from '../i18n';
import type { Named } from './names';
import type { AmbiguousCase, MarkMode, Mention } from './types';

/** The message of a name the words cannot settle on one indicator. */
export function nameMessage(n: Named, words: string): AmbiguousCase['message'] {
  if (n.why === 'two-names')
    return msg(
      `"${words}" có thể là ${n.candidates.map((i) => `"${i.name}"`).join(' hoặc ')}: chưa đánh dấu.`,
      `"${words}" may name ${n.candidates.map((i) => `"${i.name}"`).join(' or ')}: left unmarked.`,
    );
  const series = n.candidates.map((i) => i.compiler ?? i.id).join('; ');
  return msg(
    `"${words}" là tên chung của nhiều chuỗi số liệu (${series}); đoạn văn không nêu cơ quan biên soạn.`,
    `"${words}" is the name of several series (${series}); the paragraph names no compiler.`,
  );
}

/** The message of a variant wrap mode lists (`defined`: an abbreviation the report defines, reading.md §26, §31). */
export function variantMessage(m: Mention, defined?: boolean): AmbiguousCase['message'] {
  if (defined)
    return msg(
      `"${m.text}" là viết tắt do chính báo cáo định nghĩa cho chỉ tiêu "${m.indicator.name}"; danh mục không có viết tắt này nên [[${m.text}]] sẽ không tra ra chỉ tiêu, và chế độ wrap không sửa chữ của người viết: chưa đánh dấu. Dùng --mode canonical, hoặc viết tên đầy đủ.`,
      `"${m.text}" is an abbreviation the report defines for "${m.indicator.name}"; the catalog has no such abbreviation, so [[${m.text}]] would not resolve, and wrap mode does not change the writer's words: left unmarked. Use --mode canonical, or write the full name.`,
    );
  if (/[\r\n]/.test(m.text))
    return msg(
      `"${m.text}" là chỉ tiêu "${m.indicator.name}" nhưng tên bị ngắt dòng; dấu [[...]] không qua được dòng mới và chế độ wrap không sửa chữ của người viết: chưa đánh dấu.`,
      `"${m.text}" is the indicator "${m.indicator.name}" but the name runs across a line break; a [[...]] mark cannot span lines and wrap mode does not change the writer's words: left unmarked.`,
    );
  return msg(
    `"${m.text}" giống tên "${m.label}" của chỉ tiêu "${m.indicator.name}" nhưng không phải tên, tên khác hay viết tắt trong danh mục (có từ chèn thêm, thiếu, đổi chỗ hoặc gõ sai), nên [[${m.text}]] sẽ không tra ra chỉ tiêu; chế độ wrap không sửa chữ của người viết: chưa đánh dấu. Thêm cách viết này làm tên khác (aliases) trong .policy-report/indicators.yaml, hoặc dùng --mode canonical.`,
    `"${m.text}" resembles "${m.label}", a name of "${m.indicator.name}", but is not a name, alias or abbreviation of the catalog (a word inserted, missing, moved or misspelt), so [[${m.text}]] would not resolve; wrap mode does not change the writer's words: left unmarked. Add this wording as an alias in .policy-report/indicators.yaml, or use --mode canonical.`,
  );
}

/**
 * Why a mention cannot be marked as written in `mode`, or null: in wrap mode, words the dialect would
 * not resolve (variantMessage); in canonical mode, a name carrying a year of the writer's ("Chỉ số
 * … 2024 của Liên Hợp Quốc") that the canonical name, replacing the words, would delete (and with
 * it the figure's period).
 */
export function variantDoubt(mode: MarkMode, m: Mention, defined?: boolean): AmbiguousCase['message'] | null {
  if (mode === 'wrap') return m.wrappable ? null : variantMessage(m, defined);
  // Years only (standalone: "2IPD", "5G" are words of a name): the figure's period may rest on one.
  const numbers = (s: string) => s.match(/(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/gu) ?? [];
  const own = new Set(numbers(m.indicator.name));
  const dropped = numbers(m.text).filter((n) => !own.has(n));
  if (!dropped.length) return null;
  return msg(
    `"${m.text}" là chỉ tiêu "${m.indicator.name}" nhưng tên viết kèm năm "${dropped.join(', ')}"; thay bằng tên chuẩn sẽ xóa năm đó (kỳ của số liệu) của người viết: chưa đánh dấu.`,
    `"${m.text}" is the indicator "${m.indicator.name}" but the name as written carries the year "${dropped.join(', ')}"; replacing it by the canonical name would delete the writer's year (the figure's period): left unmarked.`,
  );
}
