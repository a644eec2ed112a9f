import { msg } from '../i18n';
import type { Rule } from './rule';

/** A catalog name typed without its accents ("ty le ho so truc tuyen toan trinh"). */
export const unaccentedName: Rule = {
  id: 'unaccented-name',
  description: msg('Tên chỉ tiêu viết thiếu hoặc sai dấu.', 'The indicator name is written without (or with wrong) accents.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    for (const { ref, match } of analysis.refs) {
      if (match.kind !== 'unaccented') continue;
      const canonical = match.indicator.name;
      report({
        range: ref.nameRange,
        message: msg(
          `"${ref.name}" thiếu dấu; tên chuẩn là "${canonical}".`,
          `"${ref.name}" lacks its accents; the canonical name is "${canonical}".`,
        ),
        fixes: [{ title: msg(`Đổi thành "${canonical}"`, `Change to "${canonical}"`), edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
        data: { indicator: match.indicator.id },
      });
    }
  },
};
