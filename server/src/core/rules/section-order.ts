import { msg } from '../i18n';
import { defineRule } from './rule';
import { locate } from './section-match';

/** Required sections present but not in the standard order. */
export const sectionOrder = defineRule({
  meta: {
    id: 'section-order',
    description: msg('Các mục không theo thứ tự chuẩn.', 'Sections are out of the standard order.'),
    severity: 'hint',
    fixable: false,
    messages: { order: msg('Mục "{section}" thường đứng trước "{other}".', 'The section "{section}" usually comes before "{other}".') },
  },
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
          message: { id: 'order', params: { section: x.section!.title, other: furthest.section!.title } },
        });
      } else furthest = x;
    }
  },
});
