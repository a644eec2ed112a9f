/**
 * Rule `unmarked-indicator` (information: an indicator named in prose without a mark, with a quick
 * fix that marks it), over the detector in markup/. The edits of "mark all indicators in the file /
 * selection" are markup/edits.ts markAllEdits.
 */
import type { Analysis } from '../analyze';
import type { Catalog } from '../catalog/catalog';
import { msg, pick, type Lang } from '../i18n';
import type { ReportDocument } from '../parse/model';
import type { Rule, RuleFinding } from './rule';
import type { Finding, Severity, TextEditData } from '../types';
import { detectMentions } from '../markup/detect';
import type { Mention } from '../markup/types';

export const UNMARKED_INDICATOR = 'unmarked-indicator';

function findingOf(m: Mention): RuleFinding {
  const figure = m.figure ? msg(` (số liệu "${m.figure.raw}")`, ` (figure "${m.figure.raw}")`) : msg('', '');
  const canonical = `${m.indicator.name}${m.compiler ? ` @ ${m.compiler}` : ''}`;
  const fixes: NonNullable<RuleFinding['fixes']> = [];
  // The preferred fix only adds the brackets; where the words as written would not resolve (a
  // variant), the one fix offered writes the canonical name, titled as the replacement it is.
  const wrapped = `${m.text}${m.compiler ? ` @ ${m.compiler}` : ''}`;
  if (m.wrappable) fixes.push({ title: msg(`Đánh dấu chỉ tiêu: [[${wrapped}]]`, `Mark the indicator: [[${wrapped}]]`), edits: strip(m.edits('wrap')), preferred: true });
  if (!m.wrappable)
    fixes.push({
      title: msg(`Thay "${m.text}" bằng tên chuẩn: [[${canonical}]]`, `Replace "${m.text}" by the canonical name: [[${canonical}]]`),
      edits: strip(m.edits('canonical')),
    });
  else if (wrapped !== canonical) fixes.push({ title: msg(`Đánh dấu bằng tên chuẩn: [[${canonical}]]`, `Mark with the canonical name: [[${canonical}]]`), edits: strip(m.edits('canonical')) });
  return {
    range: m.range,
    message: msg(
      `"${m.text}" là chỉ tiêu "${m.indicator.name}"${figure.vi} nhưng chưa được đánh dấu [[...]], nên chưa được kiểm tra.`,
      `"${m.text}" is the indicator "${m.indicator.name}"${figure.en} but is not marked [[...]], so it is not checked.`,
    ),
    fixes,
    data: { indicator: m.indicator.id, kind: m.kind, figure: m.figure?.raw ?? null, period: m.period?.code ?? null },
  };
}

function strip(edits: TextEditData[]): TextEditData[] {
  return edits.map(({ range, newText }) => ({ range, newText }));
}

/** Rule `unmarked-indicator`, for the registry in rules/index.ts. */
export const unmarkedIndicator: Rule = {
  id: UNMARKED_INDICATOR,
  description: msg(
    'Một chỉ tiêu của danh mục được nêu kèm số liệu trong văn xuôi nhưng chưa được đánh dấu [[...]].',
    'A catalog indicator is stated with its figure in prose but not marked [[...]].',
  ),
  defaultSeverity: 'information',
  check(analysis: Analysis, report: (f: RuleFinding) => void): void {
    // Canonical detection: variants too (their fix writes the canonical name, the writer's choice).
    const { mentions } = detectMentions(analysis.doc.text, analysis.catalog, { doc: analysis.doc, mode: 'canonical' });
    for (const m of mentions) report(findingOf(m));
  },
};

/** The same findings outside the rule registry (code, severity and language applied). */
export function unmarkedIndicatorFindings(text: string, catalog: Catalog, options: { lang?: Lang; severity?: Severity; doc?: ReportDocument } = {}): Finding[] {
  const lang = options.lang ?? 'vi';
  const { mentions } = detectMentions(text, catalog, { doc: options.doc, mode: 'canonical' });
  return mentions.map((m) => {
    const f = findingOf(m);
    return {
      code: UNMARKED_INDICATOR,
      severity: options.severity ?? 'information',
      range: f.range,
      message: pick(f.message, lang),
      fixes: f.fixes?.map((x) => ({ title: pick(x.title, lang), edits: x.edits, preferred: x.preferred })),
      data: f.data,
    };
  });
}
