import { msg } from '../i18n';
import { defineRule } from './rule';

/** An alias or abbreviation where the canonical name reads better in a report. */
export const nonCanonicalName = defineRule({
  meta: {
    id: 'non-canonical-name',
    description: msg('Dùng tên khác hoặc viết tắt thay cho tên chuẩn của chỉ tiêu.', 'An alias or abbreviation is used instead of the canonical name.'),
    severity: 'hint',
    fixable: true,
    messages: {
      alias: msg('"{name}" là tên khác của "{canonical}"; nên dùng tên chuẩn.', '"{name}" is an alias of "{canonical}"; prefer the canonical name.'),
      abbreviation: msg('"{name}" là tên viết tắt của "{canonical}"; nên dùng tên chuẩn.', '"{name}" is an abbreviation of "{canonical}"; prefer the canonical name.'),
      change: msg('Đổi thành "{canonical}"', 'Change to "{canonical}"'),
    },
  },
  check(analysis, report) {
    for (const { ref, match } of analysis.refs) {
      if (match.kind !== 'alias' && match.kind !== 'abbreviation') continue;
      const canonical = match.indicator.name;
      report({
        range: ref.nameRange,
        message: { id: match.kind, params: { name: ref.name, canonical } },
        fixes: [{ title: { id: 'change', params: { canonical } }, edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
        data: { indicator: match.indicator.id },
      });
    }
  },
});
