import { msg } from '../i18n';
import { sectionText } from '../features/section-snippets';
import type { Rule } from './rule';
import { locate } from './section-match';

/**
 * A required section (default: the standard sections of a session report) is missing; the quick
 * fix inserts its snippet where the standard order puts it.
 */
export const missingSection: Rule = {
  id: 'missing-section',
  description: msg('Thiếu một mục bắt buộc của báo cáo.', 'A required section of the report is missing.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const { doc } = analysis;
    if (!doc.frontMatter) return; // not a report yet: front-matter says so
    const found = locate(analysis);
    const firstHeading = doc.sections[0]?.headingRange;
    const anchor = firstHeading ?? doc.frontMatter.range;
    found.forEach(({ title, section }, i) => {
      if (section) return;
      // After the nearest present section that comes before it in the standard order…
      const before = found.slice(0, i).reverse().find((x) => x.section)?.section;
      const after = found.slice(i + 1).find((x) => x.section)?.section;
      let at: number;
      let text = sectionText(title);
      if (before) {
        at = doc.lines.offsetAt(before.range.end);
        text = `\n\n${text.replace(/\n+$/, '')}`;
      } else if (after) {
        at = doc.lines.offsetAt(after.headingRange.start);
      } else {
        at = doc.text.length;
        text = `${doc.text.endsWith('\n') ? '' : '\n'}\n${text}`;
      }
      const pos = doc.lines.positionAt(at);
      report({
        range: anchor,
        message: msg(`Thiếu mục "${title}".`, `The section "${title}" is missing.`),
        fixes: [{ title: msg(`Thêm mục "${title}"`, `Insert the section "${title}"`), edits: [{ range: { start: pos, end: pos }, newText: text }], preferred: true }],
        data: { section: title },
      });
    });
  },
};
