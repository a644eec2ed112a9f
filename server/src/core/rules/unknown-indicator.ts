import { msg } from '../i18n';
import { defineRule, type Rule } from './rule';
import { draftEntry, type EntryDraft } from '../catalog/add-entry';

/**
 * A reference whose name is not in the catalog: the three closest names, each a quick fix. A
 * reference bound to a figure also carries the entry to add to the workspace catalog
 * (`data.entry`, see catalog/add-entry.ts): the editor turns it into an edit of that file.
 */
export const unknownIndicator = defineRule({
  meta: {
    id: 'unknown-indicator',
    description: msg('Tên chỉ tiêu không có trong danh mục.', 'The indicator name is not in the catalog.'),
    severity: 'error',
    fixable: true,
    messages: {
      unknown: msg('Chỉ tiêu "{name}" không có trong danh mục.{suggestions}', 'Indicator "{name}" is not in the catalog.{suggestions}'),
      // The {suggestions} of `unknown` (the catalog's closest names; none only in an empty catalog).
      didYouMean: msg(' Có phải: {list}?', ' Did you mean: {list}?'),
      empty: msg('Tham chiếu chỉ tiêu rỗng: viết tên chỉ tiêu giữa [[ ]].', 'Empty indicator reference: write an indicator name between [[ ]].'),
      change: msg('Đổi thành "{text}"', 'Change to "{text}"'),
    },
  },
  check(analysis, report) {
    const all = analysis.refs;
    for (let ix = 0; ix < all.length; ix++) {
      const { ref, match } = all[ix];
      if (match.kind !== 'unknown') continue;
      const names = match.suggestions.map((i) => i.name);
      const list = names.map((n) => `"${n}"`).join(', ');
      report({
        range: ref.name ? ref.nameRange : ref.range,
        message: ref.name
          ? { id: 'unknown', params: { name: ref.name, suggestions: names.length ? { id: 'didYouMean', params: { list } } : '' } }
          : { id: 'empty' },
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
            title: { id: 'change', params: { text } },
            edits: [{ range, newText: text }],
            preferred: k === 0 && match.suggestions.length === 1,
          };
        }),
        data: { suggestions: match.suggestions.map((i) => i.id), ...newEntry(analysis, ref) },
      });
    }
  },
});

/** The entry a team could add for this reference: only for a named reference bound to a figure. */
function newEntry(analysis: Parameters<Rule['check']>[0], ref: Parameters<Rule['check']>[0]['refs'][number]['ref']): { entry?: EntryDraft } {
  if (!ref.name || !ref.figure) return {};
  const { text, uri } = analysis.doc;
  const draft = draftEntry(
    {
      name: ref.name,
      figure: ref.figure,
      sentence: text.slice(ref.sentence.start, ref.sentence.end),
      compilerCode: ref.compiler,
      period: ref.period,
      source: fileName(uri),
    },
    analysis.catalog,
  );
  return 'error' in draft ? {} : { entry: draft };
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
