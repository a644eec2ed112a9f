import { msg } from '../i18n';
import type { Rule } from './rule';
import { figuresOfSentence } from './figure-context';

/**
 * "xếp thứ 51/63, tăng 8 bậc (năm 2020 xếp thứ 59/63)": up 8 places from 59 is 51. Checked within
 * the sentence that states the earlier rank.
 */
export const rankChangeMismatch: Rule = {
  id: 'rank-change-mismatch',
  description: msg('Thứ hạng và số bậc tăng/giảm không khớp với thứ hạng trước.', 'A rank and its change in places disagree with the earlier rank.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const { doc } = analysis;
    for (const r of doc.figures) {
      if (r.kind !== 'rank' || r.change) continue;
      const same = figuresOfSentence(doc, r.sentence);
      const at = same.indexOf(r);
      const c = same.slice(at + 1).find((g) => g.change && g.unit === 'bậc');
      if (!c?.change) continue;
      const delta = c.change.direction === 'up' ? -c.value : c.value; // up = a smaller rank number
      // Only the sentence itself says whose rank it was: a provincial rank in the history may be
      // another province's, so the earlier rank must be stated in the same sentence.
      const earlierInSentence = same.find((g) => g !== r && g.kind === 'rank' && !g.change && g.denominator === r.denominator);
      if (!earlierInSentence) continue;
      const before = earlierInSentence.value;
      if (before + delta === r.value) continue;
      const word = c.change.direction === 'up' ? { vi: 'tăng', en: 'up' } : { vi: 'giảm', en: 'down' };
      report({
        range: c.range,
        message: msg(
          `Từ hạng ${before}, ${word.vi} ${c.value} bậc là hạng ${before + delta}, không phải ${r.value}.`,
          `From rank ${before}, ${word.en} ${c.value} places is rank ${before + delta}, not ${r.value}.`,
        ),
        related: [{ uri: doc.uri, range: earlierInSentence.range, message: msg(`hạng trước: ${earlierInSentence.raw}`, `earlier rank: ${earlierInSentence.raw}`) }],
      });
    }
  },
};
