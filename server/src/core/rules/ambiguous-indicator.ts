import { msg } from '../i18n';
import type { Rule } from './rule';

/**
 * A name shared by several series ("tỷ trọng kinh tế số trong GDP") without "@ CODE" to pick one,
 * when neither its sentence (the compiler named), its period nor the history decides (series.ts).
 */
export const ambiguousIndicator: Rule = {
  id: 'ambiguous-indicator',
  description: msg(
    'Tên dùng chung cho nhiều chuỗi số liệu; cần chỉ rõ cơ quan biên soạn (@ MÃ).',
    'The name covers several series; say which compiler (@ CODE).',
  ),
  defaultSeverity: 'warning',
  check(analysis, report) {
    for (const { ref, match, indicator } of analysis.refs) {
      if (match.kind !== 'ambiguous' || indicator) continue;
      const options = (q: string) => match.candidates.map((i) => `${q}${i.compiler ?? i.id}${q} (@ ${i.compilerCodes?.[0] ?? i.id})`).join('; ');
      report({
        range: ref.range,
        message: msg(
          `"${ref.name}" dùng cho nhiều chuỗi số liệu: ${options('')}. Ghi rõ chuỗi nào, ví dụ [[${ref.name} @ ${match.candidates[0].compilerCodes?.[0] ?? match.candidates[0].id}]].`,
          `"${ref.name}" covers several series: ${options('"')}. Say which, e.g. [[${ref.name} @ ${match.candidates[0].compilerCodes?.[0] ?? match.candidates[0].id}]].`,
        ),
        fixes: match.candidates.map((i) => {
          const code = i.compilerCodes?.[0];
          const text = code ? `${ref.name} @ ${code}` : i.name;
          return {
            title: msg(`Dùng chuỗi của ${i.compiler ?? i.name}: [[${text}]]`, `Use the ${i.compiler ?? i.name} series: [[${text}]]`),
            edits: [{ range: { start: { ...ref.range.start, character: ref.range.start.character + 2 }, end: { ...ref.range.end, character: ref.range.end.character - 2 } }, newText: text }],
          };
        }),
        data: { candidates: match.candidates.map((i) => i.id) },
      });
    }
  },
};
