import { msg } from '../i18n';
import { defineRule } from './rule';

/** A catalog name typed without its accents ("ty le ho so truc tuyen toan trinh"). */
export const unaccentedName = defineRule({
  meta: {
    id: 'unaccented-name',
    description: msg('Tên chỉ tiêu viết thiếu hoặc sai dấu.', 'The indicator name is written without (or with wrong) accents.'),
    severity: 'warning',
    fixable: true,
    messages: {
      unaccented: msg('"{name}" thiếu dấu; tên chuẩn là "{canonical}".', '"{name}" lacks its accents; the canonical name is "{canonical}".'),
      change: msg('Đổi thành "{canonical}"', 'Change to "{canonical}"'),
    },
  },
  check(analysis, report) {
    const all = analysis.refs;
    for (let ix = 0; ix < all.length; ix++) {
      const { ref, match } = all[ix];
      if (match.kind !== 'unaccented') continue;
      const canonical = match.indicator.name;
      report({
        range: ref.nameRange,
        message: { id: 'unaccented', params: { name: ref.name, canonical } },
        fixes: [{ title: { id: 'change', params: { canonical } }, edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
        data: { indicator: match.indicator.id },
      });
    }
  },
});
