import { msg } from '../i18n';
import type { Rule } from './rule';

/** A reference whose name is not in the catalog: the three closest names, each a quick fix. */
export const unknownIndicator: Rule = {
  id: 'unknown-indicator',
  description: msg('Tên chỉ tiêu không có trong danh mục.', 'The indicator name is not in the catalog.'),
  defaultSeverity: 'error',
  check(analysis, report) {
    for (const { ref, match } of analysis.refs) {
      if (match.kind !== 'unknown') continue;
      const names = match.suggestions.map((i) => i.name);
      const list = names.map((n) => `"${n}"`).join(', ');
      report({
        range: ref.name ? ref.nameRange : ref.range,
        message: ref.name
          ? msg(
              `Chỉ tiêu "${ref.name}" không có trong danh mục.${names.length ? ` Có phải: ${list}?` : ''}`,
              `Indicator "${ref.name}" is not in the catalog.${names.length ? ` Did you mean: ${list}?` : ''}`,
            )
          : msg('Tham chiếu chỉ tiêu rỗng: viết tên chỉ tiêu giữa [[ ]].', 'Empty indicator reference: write an indicator name between [[ ]].'),
        fixes: match.suggestions.map((i, k) => ({
          title: msg(`Đổi thành "${i.name}"`, `Change to "${i.name}"`),
          edits: [{ range: ref.nameRange, newText: i.name }],
          preferred: k === 0 && match.suggestions.length === 1,
        })),
        data: { suggestions: match.suggestions.map((i) => i.id) },
      });
    }
  },
};
