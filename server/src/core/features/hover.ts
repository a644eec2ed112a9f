/** Hover on a reference: the indicator's definition, unit and targets, and the figure as understood. */
import type { Analysis } from '../analyze';
import { formatNumber, type Lang, type Msg } from '../i18n';
import type { FigureRole, Position, Range } from '../types';
import { describeIndicator, SCOPE } from './describe';
import { referenceAt } from './locate';
import { historyHover } from './history-view';
import { historySeries, seriesSubject } from '../rules/history-context';
import { NATIONAL } from '../history/subject';
import { isMinistrySeries } from '../catalog/ministerial';

const ROLE: Record<FigureRole, Msg> = {
  level: { vi: 'mức (giá trị của chỉ tiêu)', en: 'level (the indicator\'s value)' },
  change: { vi: 'thay đổi', en: 'change' },
  base: { vi: 'mốc so sánh', en: 'base of a change' },
  target: { vi: 'mục tiêu', en: 'target' },
  rank: { vi: 'thứ hạng', en: 'rank' },
  scale: { vi: 'cấp độ trên thang', en: 'level on a scale' },
  part: { vi: 'phần của tổng', en: 'part of a whole' },
  rate: { vi: 'tỷ lệ trên dân số', en: 'rate per population' },
};

export function hover(analysis: Analysis, pos: Position, lang: Lang): { markdown: string; range: Range } | null {
  const r = referenceAt(analysis, pos);
  if (!r) return null;
  const en = lang === 'en';
  const parts: string[] = [];
  if (r.indicator && r.series?.by === 'unit') {
    // One name, two currencies (catalog/currency-members.ts): the figure's currency chose the series.
    parts.push(en ? `_A name of amounts in several currencies; ${r.series.reason.en}._` : `_Tên dùng cho số tiền ở nhiều đơn vị tiền tệ; ${r.series.reason.vi}._`);
  } else if (r.indicator && (r.series?.by === 'figure' || r.series?.by === 'name') && r.match.kind === 'ambiguous') {
    const others = r.match.candidates.filter((c) => c !== r.indicator).map((c) => c.name).join('; ');
    parts.push(
      en
        ? `_A subject (a name without its measure word): ${r.series.reason.en}.${others ? ` Other entries: ${others}.` : ''}_`
        : `_Chủ thể (tên không có từ đo): ${r.series.reason.vi}.${others ? ` Chỉ tiêu khác: ${others}.` : ''}_`,
    );
  } else if (r.indicator && r.series && r.match.kind === 'ambiguous') {
    const others = r.match.candidates.filter((c) => c !== r.indicator).map((c) => `${c.compiler ?? c.id} (@ ${c.compilerCodes?.[0] ?? c.id})`).join('; ');
    parts.push(
      en
        ? `_A name several series share; this is the ${r.indicator.compiler ?? r.indicator.id} series: ${r.series.reason.en}. Others: ${others}._`
        : `_Tên dùng chung cho nhiều chuỗi; đây là chuỗi của ${r.indicator.compiler ?? r.indicator.id}: ${r.series.reason.vi}. Chuỗi khác: ${others}._`,
    );
  }
  if (r.indicator) parts.push(describeIndicator(r.indicator, lang));
  else if (r.match.kind === 'ambiguous' && r.match.subject)
    parts.push(
      (en ? `**${r.ref.name}** is the subject of several indicators; its figure picks none alone:` : `**${r.ref.name}** là chủ thể của nhiều chỉ tiêu; số liệu không chọn được một chỉ tiêu:`) +
        '\n\n' +
        r.match.candidates.map((c) => `- ${c.name}`).join('\n'),
    );
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
    const role = f.role ? ` · ${en ? 'role' : 'vai trò'}: ${en ? ROLE[f.role].en : ROLE[f.role].vi}` : '';
    const scope = f.scope ? ` · ${en ? 'ranked in' : 'xếp hạng trong'}: ${en ? SCOPE[f.scope].en : SCOPE[f.scope].vi}` : '';
    const subject = r.indicator && seriesSubject(historySeries(analysis, r.indicator, f, r.ref.sentence) ?? r.indicator);
    // Whose figure the history takes it for (a provincial series: history/subject.ts).
    // (a series of ministries: its ministry, catalog/ministerial.ts)
    const unitWord = r.indicator && isMinistrySeries(r.indicator) ? (en ? 'ministry' : 'bộ, ngành') : en ? 'province' : 'tỉnh';
    const about = !subject ? '' : subject === NATIONAL ? ` · ${en ? 'the provinces’ average' : 'trung bình các tỉnh'}` : ` · ${unitWord}: ${subject}`;
    parts.push('---', `${en ? 'Figure' : 'Số liệu'}: \`${f.raw}\` → **${value}${unit}**${qual}${period}${role}${scope}${about}`);
  } else {
    parts.push('---', en ? '_No figure in this sentence._' : '_Câu này không có số liệu._');
  }
  // Further figures, with their series when another (the rank beside a score); one of no series is
  // not shown. A figure of a later sentence that tells on the index (parse/family-carry.ts) says where.
  for (const a of r.also ?? []) {
    if (!a.indicator) continue;
    const carried = r.ref.also?.some((x) => x.figure === a.figure && x.carried) ? ` · ${en ? 'a later sentence, line' : 'câu sau, dòng'} ${a.figure.range.start.line + 1}` : '';
    parts.push(`${en ? 'Also' : 'Thêm'}: \`${a.figure.raw}\` (${en ? 'period' : 'kỳ'} ${a.period})${a.indicator !== r.indicator ? ` → ${a.indicator.name}` : ''}${carried}`);
  }
  if (r.indicator) {
    const current = f && !f.change && r.ref.period ? { value: f.value, period: r.ref.period } : undefined;
    // A province's figure: that province's history (an unknown province's: the whole series, as the table says).
    const series = (f && historySeries(analysis, r.indicator, f, r.ref.sentence)) || r.indicator;
    const h = historyHover(analysis, r.indicator, current, lang, series);
    if (h) parts.push('---', h);
  }
  return { markdown: parts.join('\n\n'), range: r.ref.range };
}
