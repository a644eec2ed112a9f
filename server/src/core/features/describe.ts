/** Markdown descriptions of indicators, shared by hover and completion. */
import type { Indicator } from '../catalog/types';
import { formatNumber, type Lang } from '../i18n';

const MEASURE: Record<Indicator['measure'], { vi: string; en: string }> = {
  stock: { vi: 'lũy kế (stock)', en: 'stock (cumulative)' },
  flow: { vi: 'phát sinh trong kỳ (flow)', en: 'flow (per period)' },
  ratio: { vi: 'tỷ lệ', en: 'ratio' },
  growth: { vi: 'tăng trưởng', en: 'growth' },
  rank: { vi: 'thứ hạng', en: 'rank' },
  index: { vi: 'chỉ số', en: 'index' },
  fraction: { vi: 'phân số x/y', en: 'fraction x/y' },
};

/** A Markdown block: name, definition, measure, unit, compiler, targets. */
export function describeIndicator(i: Indicator, lang: Lang): string {
  const en = lang === 'en';
  const lines: string[] = [];
  lines.push(`**${i.name}**${i.nameEn ? ` — _${i.nameEn}_` : ''}`);
  lines.push('');
  const description = en ? i.descriptionEn ?? i.description : i.description;
  if (description) lines.push(description, '');
  lines.push(`- ${en ? 'Measure' : 'Loại'}: ${en ? MEASURE[i.measure].en : MEASURE[i.measure].vi}`);
  lines.push(`- ${en ? 'Unit' : 'Đơn vị'}: ${i.unit}`);
  if (i.compiler) lines.push(`- ${en ? 'Compiler' : 'Cơ quan biên soạn'}: ${i.compiler}${i.compilerCodes?.length ? ` (@ ${i.compilerCodes.join(', @ ')})` : ''}`);
  if (i.denominatorOf) lines.push(`- ${en ? 'Counted over' : 'Mẫu số'}: ${i.denominatorOf}`);
  if (i.aliases.length || i.abbreviations.length)
    lines.push(`- ${en ? 'Also written' : 'Còn viết'}: ${[...i.aliases, ...i.abbreviations].map((a) => `_${a}_`).join(', ')}`);
  if (i.targets?.length) {
    lines.push(`- ${en ? 'Targets' : 'Mục tiêu'}:`);
    for (const t of i.targets) {
      const cmp = t.comparator === 'lte' ? '≤' : t.comparator === 'eq' ? '=' : '≥';
      lines.push(`  - ${cmp} ${formatNumber(t.value, lang)}${i.unit === '%' ? '%' : ` ${i.unit}`} (${t.period}) — ${t.source}`);
    }
  }
  lines.push('', `\`${i.id}\``);
  return lines.join('\n');
}
