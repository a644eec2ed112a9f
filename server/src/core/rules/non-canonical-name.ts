import { msg } from '../i18n';
import { rankOfIndexName } from '../catalog/index-rank';
import { defineRule } from './rule';

/** An alias, abbreviation or subject where the canonical name reads better in a report. */
export const nonCanonicalName = defineRule({
  meta: {
    id: 'non-canonical-name',
    description: msg('Dùng tên khác hoặc viết tắt thay cho tên chuẩn của chỉ tiêu.', 'An alias or abbreviation is used instead of the canonical name.'),
    severity: 'hint',
    fixable: true,
    messages: {
      alias: msg('"{name}" là tên khác của "{canonical}"; nên dùng tên chuẩn.', '"{name}" is an alias of "{canonical}"; prefer the canonical name.'),
      abbreviation: msg('"{name}" là tên viết tắt của "{canonical}"; nên dùng tên chuẩn.', '"{name}" is an abbreviation of "{canonical}"; prefer the canonical name.'),
      subject: msg(
        '"{name}" là chủ thể của nhiều chỉ tiêu; số liệu "{figure}" chọn "{canonical}". Nên dùng tên chuẩn.',
        '"{name}" is the subject of several indicators; the figure "{figure}" picks "{canonical}". Prefer the canonical name.',
      ),
      indexRank: msg(
        '"{name}" là tên của chỉ số; số liệu "{figure}" là thứ hạng nên tham chiếu là "{canonical}". Nên dùng tên chuẩn.',
        '"{name}" names the index; the figure "{figure}" is a rank, so the reference is "{canonical}". Prefer the canonical name.',
      ),
      change: msg('Đổi thành "{canonical}"', 'Change to "{canonical}"'),
    },
  },
  check(analysis, report) {
    const all = analysis.refs;
    for (let ix = 0; ix < all.length; ix++) {
      const { ref, match, indicator, series } = all[ix];
      // A subject settled by its figure ("[[kinh tế số]] tăng trưởng 22,4%"): the name it stands for.
      if (match.kind === 'ambiguous' && match.subject && indicator && (series?.by === 'figure' || series?.by === 'name')) {
        const canonical = indicator.name;
        report({
          range: ref.nameRange,
          message: series.by === 'name' ? { id: 'alias', params: { name: ref.name, canonical } } : { id: 'subject', params: { name: ref.name, figure: ref.figure?.raw ?? '', canonical } },
          fixes: [{ title: { id: 'change', params: { canonical } }, edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
          data: { indicator: indicator.id },
        });
        continue;
      }
      // An index's bare name bound to a rank stands for the index's rank (catalog/index-rank.ts).
      if (indicator && 'indicator' in match && indicator !== match.indicator && rankOfIndexName(analysis.catalog, match, ref.figure) === indicator) {
        const canonical = indicator.name;
        report({
          range: ref.nameRange,
          message: { id: 'indexRank', params: { name: ref.name, figure: ref.figure?.raw ?? '', canonical } },
          fixes: [{ title: { id: 'change', params: { canonical } }, edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
          data: { indicator: indicator.id },
        });
        continue;
      }
      if (match.kind !== 'alias' && match.kind !== 'abbreviation') continue;
      // (An abbreviation naming its family stands for the member its figure picks: analyze.ts.)
      const named = indicator ?? match.indicator;
      const canonical = named.name;
      report({
        range: ref.nameRange,
        message: { id: match.kind, params: { name: ref.name, canonical } },
        fixes: [{ title: { id: 'change', params: { canonical } }, edits: [{ range: ref.nameRange, newText: canonical }], preferred: true }],
        data: { indicator: named.id },
      });
    }
  },
});
