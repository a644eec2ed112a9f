import { msg, type MsgRef } from '../i18n';
import { fold } from '../text';
import { defineRule } from './rule';
import { bindings } from './figure-context';
import { findingsInSentence, type SentenceCompute } from './memo';
import type { Indicator } from '../catalog/types';

const CURRENCY_WORDS = new Set(['usd', 'dong', 'vnd', 'vnđ', 'eur', 'do la', 'do la my']);

/**
 * A figure whose unit or multiplier does not fit its indicator: money on a percentage indicator,
 * a percentage on a count, "USD" where the series is in đồng, or a value outside the plausible range
 * (typically a wrong multiplier: "50.350 tỷ doanh nghiệp").
 */
export const unitMismatch = defineRule({
  meta: {
    id: 'unit-mismatch',
    description: msg('Đơn vị hoặc bậc số (nghìn, triệu, tỷ) không phù hợp với chỉ tiêu.', 'The unit or multiplier (nghìn, triệu, tỷ) does not fit the indicator.'),
    severity: 'warning',
    fixable: false,
    messages: {
      mismatch: msg('"{raw}" không phù hợp với "{name}": {problem}.', '"{raw}" does not fit "{name}": {problem}.'),
      // The problems, each the {problem} of `mismatch`.
      percentIndicator: msg('chỉ tiêu tính bằng %', 'the indicator is a percentage'),
      percentMissing: msg('thiếu dấu % (chỉ tiêu tính bằng %)', 'the % sign is missing (the indicator is a percentage)'),
      notPercent: msg('chỉ tiêu tính bằng {unit}, không phải %', 'the indicator is in "{unit}", not %'),
      otherCurrency: msg('chỉ tiêu tính bằng {unit}, không phải {written}', 'the indicator is in "{unit}", not "{written}"'),
      countNotMoney: msg('chỉ tiêu là số đếm ({unit}), không phải tiền', 'the indicator is a count of "{unit}", not money'),
      moneyNotCount: msg('chỉ tiêu là số tiền ({unit}), không phải số đếm ({written})', 'the indicator is an amount in "{unit}", not a count of "{written}"'),
      countNotPercent: msg('chỉ tiêu là số đếm ({unit}), không phải %', 'the indicator is a count of "{unit}", not a percentage'),
      rankIndicator: msg('chỉ tiêu là thứ hạng', 'the indicator is a rank'),
      outOfRange: msg('giá trị {value} nằm ngoài khoảng hợp lý {lo}–{hi}', 'the value {value} is outside the plausible range {lo}–{hi}'),
      outOfRangeMultiplier: msg(
        'giá trị {value} nằm ngoài khoảng hợp lý {lo}–{hi} (kiểm tra bậc số "{multiplier}")',
        'the value {value} is outside the plausible range {lo}–{hi} (check the multiplier "{multiplier}")',
      ),
    },
  },
  check(analysis, report) {
    // Each bound figure once, with the reference that binds it first (bindings), in the references' order.
    const bound = bindings(analysis);
    const refs = analysis.refs;
    for (let ix = 0; ix < refs.length; ix++) {
      const { ref, indicator } = refs[ix];
      const f = ref.figure;
      if (!f || !indicator || bound.get(f) !== refs[ix]) continue;
      // What it reports depends on the figure and its indicator only: kept per figure.
      findingsInSentence(analysis, 'unit-mismatch', f, indicator, report, mismatchOf);
    }
  },
});

/** unit-mismatch's finding for one bound figure and its indicator (findingsInSentence: nothing else is read). */
const mismatchOf: SentenceCompute<'mismatch', Indicator> = (_analysis, f, indicator, report) => {
  const iu = indicator.unitClass;
  const fu = f.unitClass;
  const isChange = !!f.change;
  let problem: MsgRef | null = null;
  const unit = indicator.unit;
  if (iu === 'percent' && f.kind !== 'fraction') {
    if (fu === 'currency' || (fu === 'count' && f.multiplier > 1)) problem = { id: 'percentIndicator' };
    else if (fu === 'none' && f.kind === 'number' && !isChange) problem = { id: 'percentMissing' };
  } else if (iu === 'currency') {
    if (fu === 'percent' && !isChange && indicator.measure !== 'growth') problem = { id: 'notPercent', params: { unit } };
    else if (fu === 'currency' && f.unit && fold(f.unit) !== fold(unit) && CURRENCY_WORDS.has(fold(unit))) problem = { id: 'otherCurrency', params: { unit, written: f.unit } };
    // A counted noun ("42.000 doanh nghiệp", "1.200.000 người") is no amount of money.
    else if (fu === 'count' && f.unit && !isChange && f.kind === 'number') problem = { id: 'moneyNotCount', params: { unit, written: f.unit } };
  } else if (iu === 'count') {
    if (fu === 'currency') problem = { id: 'countNotMoney', params: { unit } };
    else if (fu === 'percent' && !isChange && indicator.measure !== 'growth') problem = { id: 'countNotPercent', params: { unit } };
  } else if (iu === 'rank') {
    if (fu === 'currency' || fu === 'percent') problem = { id: 'rankIndicator' };
  }
  // Percentages outside 0–100 belong to percent-out-of-range; fractions bound their parts.
  if (!problem && indicator.range && !isChange && f.kind !== 'fraction' && f.kind !== 'rank' && f.unitClass !== 'percent') {
    const [lo, hi] = indicator.range;
    if (f.value < lo || f.value > hi) {
      const value = { value: f.value, lo, hi };
      problem = f.multiplierWord ? { id: 'outOfRangeMultiplier', params: { ...value, multiplier: f.multiplierWord } } : { id: 'outOfRange', params: value };
    }
  }
  if (!problem) return;
  report({
    range: f.range,
    message: { id: 'mismatch', params: { raw: f.raw, name: indicator.name, problem } },
    data: { indicator: indicator.id },
  });
};
