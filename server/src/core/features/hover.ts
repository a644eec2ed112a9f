/** Hover on a reference: the indicator's definition, unit and targets, and the figure as understood. */
import type { Analysis } from '../analyze';
import { formatNumber, type Lang } from '../i18n';
import type { Position, Range } from '../types';
import { describeIndicator } from './describe';
import { referenceAt } from './locate';
import { historyHover } from './history-view';

export function hover(analysis: Analysis, pos: Position, lang: Lang): { markdown: string; range: Range } | null {
  const r = referenceAt(analysis, pos);
  if (!r) return null;
  const en = lang === 'en';
  const parts: string[] = [];
  if (r.indicator) parts.push(describeIndicator(r.indicator, lang));
  else if (r.match.kind === 'ambiguous')
    parts.push(
      (en ? `**${r.ref.name}** covers several series:` : `**${r.ref.name}** dùng cho nhiều chuỗi số liệu:`) +
        '\n\n' +
        r.match.candidates.map((c) => `- ${c.name} — ${c.compiler ?? c.id} (@ ${c.compilerCodes?.[0] ?? c.id})`).join('\n'),
    );
  else parts.push(en ? `**${r.ref.name}**: not in the catalog.` : `**${r.ref.name}**: không có trong danh mục.`);
  const f = r.ref.figure;
  if (f) {
    const value = f.denominator !== undefined ? `${formatNumber(f.value, lang)}/${formatNumber(f.denominator, lang)}` : formatNumber(f.value, lang);
    const unit = f.unit ? (f.unit === '%' ? '%' : ` ${f.unit}`) : '';
    const qual = f.qualifier && f.qualifier !== 'đạt' ? ` (${f.qualifier})` : '';
    const period = r.ref.period ? `, ${en ? 'period' : 'kỳ'} ${r.ref.period}${r.ref.periodSource === 'document' ? (en ? ' (from front matter)' : ' (theo front matter)') : ''}` : '';
    parts.push('---', `${en ? 'Figure' : 'Số liệu'}: \`${f.raw}\` → **${value}${unit}**${qual}${period}`);
  } else {
    parts.push('---', en ? '_No figure in this sentence._' : '_Câu này không có số liệu._');
  }
  if (r.indicator) {
    const current = f && !f.change && r.ref.period ? { value: f.value, period: r.ref.period } : undefined;
    const h = historyHover(analysis, r.indicator, current, lang);
    if (h) parts.push('---', h);
  }
  return { markdown: parts.join('\n\n'), range: r.ref.range };
}
