/**
 * Rule `unmarked-indicator` (information: an indicator named in prose without a mark, with a quick
 * fix that marks it), over the detector in markup/. The edits of "mark all indicators in the file /
 * selection" are markup/edits.ts markAllEdits.
 */
import type { Catalog } from '../catalog/catalog';
import { msg, type Lang } from '../i18n';
import type { ReportDocument } from '../parse/model';
import { defineRule, renderFinding, type RuleFinding } from './rule';
import type { Finding, Range, Severity, TextEditData } from '../types';
import { detectMentions } from '../markup/detect';
import type { Mention } from '../markup/types';

export const UNMARKED_INDICATOR = 'unmarked-indicator';

const MESSAGES = {
  unmarked: msg(
    '"{text}" là chỉ tiêu "{name}"{figure} nhưng chưa được đánh dấu [[...]], nên chưa được kiểm tra.',
    '"{text}" is the indicator "{name}"{figure} but is not marked [[...]], so it is not checked.',
  ),
  // The {figure} of `unmarked`, when the mention has one.
  figure: msg(' (số liệu "{raw}")', ' (figure "{raw}")'),
  mark: msg('Đánh dấu chỉ tiêu: [[{text}]]', 'Mark the indicator: [[{text}]]'),
  replace: msg('Thay "{text}" bằng tên chuẩn: [[{canonical}]]', 'Replace "{text}" by the canonical name: [[{canonical}]]'),
  markCanonical: msg('Đánh dấu bằng tên chuẩn: [[{canonical}]]', 'Mark with the canonical name: [[{canonical}]]'),
};

function findingOf(m: Mention): RuleFinding<keyof typeof MESSAGES> {
  const canonical = `${m.indicator.name}${m.compiler ? ` @ ${m.compiler}` : ''}`;
  // No words to mark (markup/unnamed.ts: the name is in an earlier sentence or a heading): the
  // finding is on the figure, the one fix inserts the name before it.
  if (m.start === m.end && m.figure)
    return {
      range: m.figure.range,
      message: { id: 'unmarked', params: { text: m.figure.raw, name: m.indicator.name, figure: '' } },
      fixes: [{ title: { id: 'markCanonical', params: { canonical } }, edits: strip(m.edits('canonical')) }],
      data: { indicator: m.indicator.id, kind: m.kind, figure: m.figure.raw, period: m.period?.code ?? null },
    };
  const fixes: NonNullable<RuleFinding<keyof typeof MESSAGES>['fixes']> = [];
  // The preferred fix only adds the brackets; where the words as written would not resolve (a
  // variant), the one fix offered writes the canonical name, titled as the replacement it is.
  const wrapped = `${m.text}${m.compiler ? ` @ ${m.compiler}` : ''}`;
  if (m.wrappable) fixes.push({ title: { id: 'mark', params: { text: wrapped } }, edits: strip(m.edits('wrap')), preferred: true });
  if (!m.wrappable) fixes.push({ title: { id: 'replace', params: { text: m.text, canonical } }, edits: strip(m.edits('canonical')) });
  else if (wrapped !== canonical) fixes.push({ title: { id: 'markCanonical', params: { canonical } }, edits: strip(m.edits('canonical')) });
  return {
    range: m.range,
    message: { id: 'unmarked', params: { text: m.text, name: m.indicator.name, figure: m.figure ? { id: 'figure', params: { raw: m.figure.raw } } : '' } },
    fixes,
    data: { indicator: m.indicator.id, kind: m.kind, figure: m.figure?.raw ?? null, period: m.period?.code ?? null },
  };
}

/**
 * The mentions of figures no reference reads: a figure with no words to mark that a heading's
 * reference carries already (parse/heading-anchors.ts, docs/reading.md §6.7) is checked.
 */
function unchecked(mentions: Mention[], doc: ReportDocument | undefined): Mention[] {
  const key = (r: Range) => `${r.start.line}:${r.start.character}`;
  const carried = new Set<string>();
  for (const r of doc?.references ?? []) for (const a of r.also ?? []) if (a.carried) carried.add(key(a.figure.range));
  return carried.size ? mentions.filter((m) => !(m.start === m.end && m.figure && carried.has(key(m.figure.range)))) : mentions;
}

function strip(edits: TextEditData[]): TextEditData[] {
  return edits.map(({ range, newText }) => ({ range, newText }));
}

/** Rule `unmarked-indicator`, for the registry in rules/index.ts. */
export const unmarkedIndicator = defineRule({
  meta: {
    id: UNMARKED_INDICATOR,
    description: msg(
      'Một chỉ tiêu của danh mục được nêu kèm số liệu trong văn xuôi nhưng chưa được đánh dấu [[...]].',
      'A catalog indicator is stated with its figure in prose but not marked [[...]].',
    ),
    severity: 'information',
    fixable: true,
    messages: MESSAGES,
  },
  check(analysis, report) {
    // Canonical detection: variants too (their fix writes the canonical name, the writer's choice).
    const { mentions } = detectMentions(analysis.doc.text, analysis.catalog, { doc: analysis.doc, mode: 'canonical' });
    for (const m of unchecked(mentions, analysis.doc)) report(findingOf(m));
  },
});

/** The same findings outside the rule registry (code, severity and language applied). */
export function unmarkedIndicatorFindings(text: string, catalog: Catalog, options: { lang?: Lang; severity?: Severity; doc?: ReportDocument } = {}): Finding[] {
  const lang = options.lang ?? 'vi';
  const { mentions } = detectMentions(text, catalog, { doc: options.doc, mode: 'canonical' });
  return unchecked(mentions, options.doc).map((m) => renderFinding(findingOf(m), MESSAGES, lang, UNMARKED_INDICATOR, options.severity ?? 'information'));
}
