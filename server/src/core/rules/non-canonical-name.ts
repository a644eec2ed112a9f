import { msg } from '../i18n';
import type { Rule } from './rule';

/** An alias or abbreviation where the canonical name reads better in a report. */
export const nonCanonicalName: Rule = {
  id: 'non-canonical-name',
  description: msg('Dùng tên khác hoặc viết tắt thay cho tên chuẩn của chỉ tiêu.', 'An alias or abbreviation is used instead of the canonical name.'),
  defaultSeverity: 'hint',
  check(analysis, report) {
    for (const { ref, match } of analysis.refs) {
      if (match.kind !== 'alias' && match.kind !== 'abbreviation') continue;
      const canonical = match.indicator.name;
      const what = match.kind === 'alias' ? msg('tên khác', 'an alias') : msg('tên viết tắt', 'an abbreviation');
      report({
        range: ref.nameRange,
        message: msg(
          `"${ref.name}" là ${what.vi} của "${canonical}"; nên dùng tên chuẩn.`,
          `"${ref.name}" is ${what.en} of "${canonical}"; prefer the canonical name.`,
        ),
        fixes: [{ title: msg(`Đổi thành "${canonical}"`, `Change to "${canonical}"`), edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
        data: { indicator: match.indicator.id },
      });
    }
  },
};
