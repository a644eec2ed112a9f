import type { Indicator, Target } from '../catalog/types';
import { formatNumber, msg } from '../i18n';
import { describePeriod } from '../parse/periods';
import type { Rule } from './rule';
import { levelFigures, siblings } from './history-context';
import { foldedSlice } from './figure-context';

const CLAIM = /(dat|vuot|hoan thanh|chua dat|khong dat)\s+(muc tieu|chi tieu ke hoach|ke hoach)/;

/** The catalog target for a period: the same year, else the nearest later one. */
function targetFor(indicator: Indicator, period: string): Target | undefined {
  const year = period.slice(0, 4);
  const targets = (indicator.targets ?? []).filter((t) => t.period.slice(0, 4) >= year).sort((a, b) => a.period.localeCompare(b.period));
  return targets[0];
}

function fmt(v: number, indicator: Indicator, lang: 'vi' | 'en'): string {
  return `${formatNumber(v, lang)}${indicator.unit === '%' ? '%' : ` ${indicator.unit}`}`;
}

/**
 * A claim to reach or exceed a target ("đạt/vượt mục tiêu"), or a target stated beside a figure
 * ("50.350 doanh nghiệp/mục tiêu 48.000"), recomputed against the catalog's target for the same
 * indicator and series. A target that belongs to another series of the same name is flagged.
 */
export const targetClaim: Rule = {
  id: 'target-claim',
  description: msg('Khẳng định đạt/vượt mục tiêu không khớp với mục tiêu trong danh mục.', 'A claim to reach or exceed a target disagrees with the catalog target.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const { doc } = analysis;
    for (const { f, indicator, period } of levelFigures(analysis)) {
      const s = doc.sentences[f.sentence];
      const claim = CLAIM.exec(foldedSlice(doc, s.start, s.end));
      if (!claim && f.target === undefined) continue;
      const target = targetFor(indicator, period);
      if (!target) {
        const other = siblings(analysis, indicator).find((x) => targetFor(x, period));
        if (other && claim) {
          const t = targetFor(other, period)!;
          report({
            range: f.range,
            message: msg(
              `Mục tiêu ${fmt(t.value, other, 'vi')} (${t.source}) thuộc chuỗi "${other.name}" của ${other.compiler ?? other.id}, không phải chuỗi của ${indicator.compiler ?? indicator.id}: so sánh nhầm chuỗi số liệu.`,
              `The target ${fmt(t.value, other, 'en')} set by "${t.source}" belongs to the ${other.compiler ?? other.id} series, not the ${indicator.compiler ?? indicator.id} one: a comparison across series.`,
            ),
            data: { indicator: indicator.id, series: other.id },
          });
        }
        continue;
      }
      const cmp = target.comparator ?? 'gte';
      if (f.target !== undefined && f.target !== target.value && target.period.slice(0, 4) === period.slice(0, 4)) {
        report({
          range: f.range,
          message: msg(
            `Mục tiêu nêu là ${formatNumber(f.target, 'vi')}, danh mục ghi ${fmt(target.value, indicator, 'vi')} cho ${describePeriod(target.period, 'vi')} theo ${target.source}; hãy kiểm tra lại mục tiêu.`,
            `The stated target is ${formatNumber(f.target, 'en')}; the catalog has ${fmt(target.value, indicator, 'en')} for ${describePeriod(target.period, 'en')}, set by "${target.source}"; check the target.`,
          ),
          data: { indicator: indicator.id, target: target.value },
        });
        continue;
      }
      if (!claim) continue;
      const negative = claim[1].startsWith('chua') || claim[1].startsWith('khong');
      const exceeds = claim[1] === 'vuot';
      const [lo, hi] = f.interval;
      const reached = cmp === 'lte' ? lo <= target.value : cmp === 'eq' ? lo <= target.value && target.value <= hi : hi >= target.value;
      const beyond = cmp === 'lte' ? lo < target.value : hi > target.value;
      const wrong = negative ? cmp !== 'eq' && (cmp === 'lte' ? hi <= target.value : lo >= target.value) : exceeds ? !beyond : !reached;
      if (!wrong) continue;
      const said = negative ? msg('chưa đạt', 'not reached') : exceeds ? msg('vượt', 'exceeded') : msg('đạt', 'reached');
      report({
        range: f.range,
        message: msg(
          `Câu nói "${said.vi} mục tiêu" nhưng "${f.raw}" so với mục tiêu ${fmt(target.value, indicator, 'vi')} cho ${describePeriod(target.period, 'vi')} theo ${target.source} thì không; hãy sửa câu hoặc số liệu.`,
          `The sentence says the target was ${said.en}, but "${f.raw}" against the target ${fmt(target.value, indicator, 'en')} for ${describePeriod(target.period, 'en')}, set by "${target.source}", does not bear that out; correct the sentence or the figure.`,
        ),
        data: { indicator: indicator.id, target: target.value },
      });
    }
  },
};
