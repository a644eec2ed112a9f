import { msg } from '../i18n';
import { defineRule } from './rule';

/**
 * A name shared by several series ("tỷ trọng kinh tế số trong GDP") without "@ CODE" to pick one,
 * when neither its sentence (the compiler named), its period nor the history decides (series.ts).
 */
export const ambiguousIndicator = defineRule({
  meta: {
    id: 'ambiguous-indicator',
    description: msg(
      'Tên dùng chung cho nhiều chuỗi số liệu; cần chỉ rõ cơ quan biên soạn (@ MÃ).',
      'The name covers several series; say which compiler (@ CODE).',
    ),
    severity: 'warning',
    fixable: true,
    messages: {
      ambiguous: msg(
        '"{name}" dùng cho nhiều chuỗi số liệu: {options}. Ghi rõ chuỗi nào, ví dụ [[{name} @ {code}]].',
        '"{name}" covers several series: {options}. Say which, e.g. [[{name} @ {code}]].',
      ),
      series: msg('{series} (@ {code})', '"{series}" (@ {code})'),
      useSeries: msg('Dùng chuỗi của {series}: [[{text}]]', 'Use the {series} series: [[{text}]]'),
    },
  },
  check(analysis, report) {
    for (const { ref, match, indicator } of analysis.refs) {
      if (match.kind !== 'ambiguous' || indicator) continue;
      const first = match.candidates[0];
      report({
        range: ref.range,
        message: {
          id: 'ambiguous',
          params: {
            name: ref.name,
            options: { join: '; ', items: match.candidates.map((i) => ({ id: 'series', params: { series: i.compiler ?? i.id, code: i.compilerCodes?.[0] ?? i.id } })) },
            code: first.compilerCodes?.[0] ?? first.id,
          },
        },
        fixes: match.candidates.map((i) => {
          const code = i.compilerCodes?.[0];
          const text = code ? `${ref.name} @ ${code}` : i.name;
          return {
            title: { id: 'useSeries', params: { series: i.compiler ?? i.name, text } },
            edits: [{ range: { start: { ...ref.range.start, character: ref.range.start.character + 2 }, end: { ...ref.range.end, character: ref.range.end.character - 2 } }, newText: text }],
          };
        }),
        data: { candidates: match.candidates.map((i) => i.id) },
      });
    }
  },
});
