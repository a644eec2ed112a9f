import { msg } from '../i18n';
import { defineRule } from './rule';

/**
 * A name shared by several series ("tỷ trọng kinh tế số trong GDP") without "@ CODE" to pick one,
 * when neither its sentence (the compiler named), its period nor the history decides (series.ts);
 * and a subject ("[[kinh tế số]]", a name without its measure word) whose figure picks no one entry.
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
      subject: msg(
        '"{name}" là chủ thể của nhiều chỉ tiêu: {options}; số liệu "{figure}" mà nó gắn không chọn được một chỉ tiêu. Viết tên đầy đủ, ví dụ [[{canonical}]].',
        '"{name}" is the subject of several indicators: {options}; the figure "{figure}" it binds picks none of them alone. Write the full name, e.g. [[{canonical}]].',
      ),
      subjectNoFigure: msg(
        '"{name}" là chủ thể của nhiều chỉ tiêu: {options}; không có số liệu nào để chọn một chỉ tiêu. Viết tên đầy đủ, ví dụ [[{canonical}]].',
        '"{name}" is the subject of several indicators: {options}; no figure picks one. Write the full name, e.g. [[{canonical}]].',
      ),
      member: msg(
        '"{name}" là tên ngắn của trụ cột: {options}; câu, tiêu đề hay đoạn trước nó không nêu đúng một chỉ số có trụ cột ấy. Viết tên đầy đủ, ví dụ [[{canonical}]].',
        '"{name}" is the short name of a pillar: {options}; its sentence, headings and section name no one index with that pillar. Write the full name, e.g. [[{canonical}]].',
      ),
      entry: msg('"{canonical}"', '"{canonical}"'),
      useEntry: msg('Dùng tên "{canonical}"', 'Use the name "{canonical}"'),
      series: msg('{series} (@ {code})', '"{series}" (@ {code})'),
      useSeries: msg('Dùng chuỗi của {series}: [[{text}]]', 'Use the {series} series: [[{text}]]'),
    },
  },
  check(analysis, report) {
    const all = analysis.refs;
    for (let ix = 0; ix < all.length; ix++) {
      const { ref, match, indicator, series } = all[ix];
      // (a name settled whose figure is no entry's, "… đứng thứ 3 trong khu vực" of a speed: analyze.ts otherMeasure)
      if (match.kind !== 'ambiguous' || indicator || series) continue;
      const first = match.candidates[0];
      // A subject ("[[kinh tế số]]") whose figure picks no single entry: the entries' full names.
      if (match.subject) {
        report({
          range: ref.range,
          message: {
            id: match.member ? 'member' : ref.figure ? 'subject' : 'subjectNoFigure',
            params: {
              name: ref.name,
              figure: ref.figure?.raw ?? '',
              canonical: first.name,
              options: { join: '; ', items: match.candidates.map((i) => ({ id: 'entry', params: { canonical: i.name } })) },
            },
          },
          // (a series of a shared name, "Tỷ trọng kinh tế số trong GDP", with its compiler's code: the title says which)
          fixes: match.candidates.map((i) => {
            const newText = analysis.catalog.referenceName(i);
            return { title: { id: 'useEntry', params: { canonical: newText } }, edits: [{ range: ref.nameRange, newText }] };
          }),
          data: { candidates: match.candidates.map((i) => i.id) },
        });
        continue;
      }
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
