import type { Indicator, Target } from '../catalog/types';
import { msg } from '../i18n';
import { defineRule } from './rule';
import { levelFigures, periodPhrase, siblings } from './history-context';
import { foldedSentence } from './figure-context';
import { findingsInSentence, type SentenceCompute } from './memo';

const CLAIM = /(dat|vuot|hoan thanh|chua dat|khong dat)\s+(muc tieu|chi tieu ke hoach|ke hoach)/;

/** The catalog target for a period: the same year, else the nearest later one. */
function targetFor(indicator: Indicator, period: string): Target | undefined {
  const year = period.slice(0, 4);
  const targets = (indicator.targets ?? []).filter((t) => t.period.slice(0, 4) >= year).sort((a, b) => a.period.localeCompare(b.period));
  return targets[0];
}

/** A target's value and unit, for the placeholders `{target}{unit}`. */
function targetParams(v: number, indicator: Indicator): { target: number; unit: string } {
  return { target: v, unit: indicator.unit === '%' ? '%' : ` ${indicator.unit}` };
}

/**
 * A claim to reach or exceed a target ("đạt/vượt mục tiêu"), or a target stated beside a figure
 * ("50.350 doanh nghiệp/mục tiêu 48.000"), recomputed against the catalog's target for the same
 * indicator and series. A target that belongs to another series of the same name is flagged.
 */
export const targetClaim = defineRule({
  meta: {
    id: 'target-claim',
    description: msg('Khẳng định đạt/vượt mục tiêu không khớp với mục tiêu trong danh mục.', 'A claim to reach or exceed a target disagrees with the catalog target.'),
    severity: 'warning',
    fixable: false,
    messages: {
      otherSeries: msg(
        'Mục tiêu {target}{unit} ({source}) thuộc chuỗi "{series}" của {compiler}, không phải chuỗi của {own}: so sánh nhầm chuỗi số liệu.',
        'The target "{target}{unit}" set by "{source}" belongs to the {compiler} series "{series}", not the {own} one: a comparison across series.',
      ),
      statedTarget: msg(
        'Mục tiêu nêu là {stated}, danh mục ghi {target}{unit} cho {period} theo {source}; hãy kiểm tra lại mục tiêu.',
        'The stated target is {stated}; the catalog has "{target}{unit}" for {period}, set by "{source}"; check the target.',
      ),
      claim: msg(
        'Câu văn nói "{said} mục tiêu", nhưng so với mục tiêu {target}{unit} cho {period} theo {source} thì "{raw}" không như vậy; hãy sửa câu hoặc số liệu.',
        'The sentence says the target was {said}, but against the target of "{target}{unit}" for {period}, set by "{source}", "{raw}" does not bear that out; correct the sentence or the figure.',
      ),
      notReached: msg('chưa đạt', 'not reached'),
      exceeded: msg('vượt', 'exceeded'),
      reached: msg('đạt', 'reached'),
    },
  },
  check(analysis, report) {
    const all = levelFigures(analysis);
    for (let ix = 0; ix < all.length; ix++) {
      const { f, indicator, period } = all[ix];
      // What it reports depends on the figure's sentence, its indicator and period: kept per figure.
      findingsInSentence(analysis, 'target-claim', f, indicator, report, claimOf, period);
    }
  },
});

/** target-claim's finding for one level figure (findingsInSentence: its sentence, `indicator` and `period`). */
const claimOf: SentenceCompute<'otherSeries' | 'statedTarget' | 'claim', Indicator> = (analysis, f, indicator, report, period) => {
  const { doc } = analysis;
  const claim = CLAIM.exec(foldedSentence(doc, f.sentence));
  if (!claim && f.target === undefined) return;
  const target = targetFor(indicator, period);
  if (!target) {
    const other = siblings(analysis, indicator).find((x) => targetFor(x, period));
    if (other && claim) {
      const t = targetFor(other, period)!;
      report({
        range: f.range,
        message: {
          id: 'otherSeries',
          params: { ...targetParams(t.value, other), source: t.source, series: other.name, compiler: other.compiler ?? other.id, own: indicator.compiler ?? indicator.id },
        },
        data: { indicator: indicator.id, series: other.id },
      });
    }
    return;
  }
  const cmp = target.comparator ?? 'gte';
  if (f.target !== undefined && f.target !== target.value && target.period.slice(0, 4) === period.slice(0, 4)) {
    report({
      range: f.range,
      message: {
        id: 'statedTarget',
        params: { stated: f.target, ...targetParams(target.value, indicator), period: periodPhrase(target.period), source: target.source },
      },
      data: { indicator: indicator.id, target: target.value },
    });
    return;
  }
  if (!claim) return;
  const negative = claim[1].startsWith('chua') || claim[1].startsWith('khong');
  const exceeds = claim[1] === 'vuot';
  const [lo, hi] = f.interval;
  const reached = cmp === 'lte' ? lo <= target.value : cmp === 'eq' ? lo <= target.value && target.value <= hi : hi >= target.value;
  const beyond = cmp === 'lte' ? lo < target.value : hi > target.value;
  const wrong = negative ? cmp !== 'eq' && (cmp === 'lte' ? hi <= target.value : lo >= target.value) : exceeds ? !beyond : !reached;
  if (!wrong) return;
  const said = { id: negative ? 'notReached' : exceeds ? 'exceeded' : 'reached' };
  report({
    range: f.range,
    message: {
      id: 'claim',
      params: { said, raw: f.raw, ...targetParams(target.value, indicator), period: periodPhrase(target.period), source: target.source },
    },
    data: { indicator: indicator.id, target: target.value },
  });
};
