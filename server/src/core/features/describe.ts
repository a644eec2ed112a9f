/** Markdown descriptions of indicators, shared by hover and completion. */
import type { Indicator, PeriodKind } from '../catalog/types';
import { formatDate, formatNumber, type Lang, type Msg } from '../i18n';

const MEASURE: Record<Indicator['measure'], Msg> = {
  stock: { vi: 'lũy kế (stock)', en: 'stock (cumulative)' },
  flow: { vi: 'phát sinh trong kỳ (flow)', en: 'flow (per period)' },
  ratio: { vi: 'tỷ lệ', en: 'ratio' },
  growth: { vi: 'tăng trưởng', en: 'growth' },
  rank: { vi: 'thứ hạng', en: 'rank' },
  index: { vi: 'chỉ số', en: 'index' },
  fraction: { vi: 'phân số x/y', en: 'fraction x/y' },
};

/** The set a rank is taken in, as the catalog (`scope`) or a sentence ("khu vực") says it. */
export const SCOPE: Record<NonNullable<Indicator['scope']> | 'region', Msg> = {
  world: { vi: 'thế giới', en: 'the world' },
  asia: { vi: 'châu Á', en: 'Asia' },
  'asia-pacific': { vi: 'châu Á - Thái Bình Dương', en: 'Asia-Pacific' },
  asean: { vi: 'ASEAN', en: 'ASEAN' },
  national: { vi: 'trong nước (tỉnh, bộ, ngành)', en: 'national (provinces, ministries)' },
  region: { vi: 'khu vực', en: 'the region' },
};

const PERIOD_KIND: Record<PeriodKind, Msg> = {
  year: { vi: 'năm', en: 'year' },
  half: { vi: '6 tháng', en: 'half-year' },
  quarter: { vi: 'quý', en: 'quarter' },
  month: { vi: 'tháng', en: 'month' },
  ytd: { vi: 'lũy kế từ đầu năm', en: 'year to date' },
  day: { vi: 'ngày', en: 'day' },
};

/** " (từ 1/3/2025)", " (until 28 Feb 2025)", " (1/1/2020 – 28/2/2025)" or "": dates the language's way. */
function span(from: string | undefined, until: string | undefined, lang: Lang): string {
  const d = (iso: string) => formatDate(iso, lang);
  if (from && until) return ` (${d(from)} – ${d(until)})`;
  if (from) return lang === 'en' ? ` (from ${d(from)})` : ` (từ ${d(from)})`;
  if (until) return lang === 'en' ? ` (until ${d(until)})` : ` (đến ${d(until)})`;
  return '';
}

/** A Markdown block: name, definition, measure, unit, compilers with their dates, scope, periods published, targets, sources. */
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
  if (i.compilers?.length) {
    lines.push(`- ${en ? 'Compiled by' : 'Biên soạn qua các thời kỳ'}:`);
    for (const c of i.compilers) lines.push(`  - ${c.name}${c.codes?.length ? ` (${c.codes.join(', ')})` : ''}${span(c.from, c.until, lang)}`);
  }
  if (i.scope) lines.push(`- ${en ? 'Scope' : 'Phạm vi'}: ${en ? SCOPE[i.scope].en : SCOPE[i.scope].vi}`);
  if (i.publishes?.length) lines.push(`- ${en ? 'Published by' : 'Công bố theo kỳ'}: ${i.publishes.map((k) => (en ? PERIOD_KIND[k].en : PERIOD_KIND[k].vi)).join(', ')}`);
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
  if (i.sources?.length) lines.push(`- ${en ? 'Sources' : 'Nguồn'}: ${i.sources.map((u, k) => `[${k + 1}](${u})`).join(' · ')}`);
  lines.push('', `\`${i.id}\``);
  return lines.join('\n');
}
