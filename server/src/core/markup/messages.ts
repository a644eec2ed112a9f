/** The detector's messages for names it lists: words that cannot be settled on one indicator, a variant wrap mode would have to rewrite. */
import { msg } from '../i18n';
import type { Named } from './names';
import type { AmbiguousCase, Mention } from './types';

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

/** The message of a variant wrap mode lists. */
export function variantMessage(m: Mention): AmbiguousCase['message'] {
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
