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
        fixes: match.suggestions.map((i, k) => {
          // With "@ CODE" the code may be what is unknown ("[[Tên đúng @ XYZ]]"): replacing only the
          // name would change nothing, so the fix rewrites the whole reference, with the entry's code.
          const code = i.compilerCodes?.[0];
          const text = ref.compiler === undefined ? i.name : code ? `${i.name} @ ${code}` : i.name;
          const range = ref.compiler === undefined ? ref.nameRange : {
            start: { ...ref.range.start, character: ref.range.start.character + 2 },
            end: { ...ref.range.end, character: ref.range.end.character - 2 },
          };
          return {
            title: msg(`Đổi thành "${text}"`, `Change to "${text}"`),
            edits: [{ range, newText: text }],
            preferred: k === 0 && match.suggestions.length === 1,
          };
        }),
        data: { suggestions: match.suggestions.map((i) => i.id) },
      });
    }
  },
};
