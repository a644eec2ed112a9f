import { msg } from '../i18n';
import type { Rule } from './rule';
import { locate } from './section-match';

/** Required sections present but not in the standard order. */
export const sectionOrder: Rule = {
  id: 'section-order',
  description: msg('Các mục không theo thứ tự chuẩn.', 'Sections are out of the standard order.'),
  defaultSeverity: 'hint',
  check(analysis, report) {
    // Present sections with their place in the standard order, in the order the document has them.
    const present = locate(analysis)
      .map((x, order) => ({ ...x, order }))
      .filter((x) => x.section)
      .sort((a, b) => a.section!.headingRange.start.line - b.section!.headingRange.start.line);
    let furthest: (typeof present)[number] | undefined;
    for (const x of present) {
      if (furthest && x.order < furthest.order) {
        report({
          range: x.section!.headingRange,
          message: msg(
            `Mục "${x.section!.title}" thường đứng trước "${furthest.section!.title}".`,
            `The section "${x.section!.title}" usually comes before "${furthest.section!.title}".`,
          ),
        });
      } else furthest = x;
    }
  },
};
