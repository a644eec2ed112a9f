import { msg } from '../i18n';
import { sectionText } from './section-snippets';
import { defineRule } from './rule';
import { locate } from './section-match';

/**
 * A required section (default: the standard sections of a session report) is missing; the quick
 * fix inserts its snippet where the standard order puts it.
 */
export const missingSection = defineRule({
  meta: {
    id: 'missing-section',
    description: msg('Thiếu một mục bắt buộc của báo cáo.', 'A required section of the report is missing.'),
    severity: 'warning',
    fixable: true,
    messages: {
      missing: msg('Thiếu mục "{title}".', 'The section "{title}" is missing.'),
      insert: msg('Thêm mục "{title}"', 'Insert the section "{title}"'),
    },
  },
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
      // Inserted into an unclosed code block or HTML comment, the section would be code: no fix.
      const swallowed = doc.ignored.some(([a, b]) => (a < at && at < b) || (a < b && b <= at && /^\s*$/.test(doc.text.slice(b, at)) && unclosed(doc.text.slice(a, b))));
      report({
        range: anchor,
        message: { id: 'missing', params: { title } },
        fixes: swallowed ? [] : [{ title: { id: 'insert', params: { title } }, edits: [{ range: { start: pos, end: pos }, newText: text }], preferred: true }],
        data: { section: title },
      });
    });
  },
});

/** A code block or HTML block (its source) that runs on past the end of the document: unclosed. */
function unclosed(src: string): boolean {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(src);
  if (fence) {
    const lines = src.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1].trim();
    return !(lines.length > 1 && last.length >= fence[1].length && last === fence[1][0].repeat(last.length));
  }
  if (/^ {0,3}</.test(src)) return !src.trimEnd().endsWith('>');
  return false; // indented code, front matter: ended by the blank line the fix starts with
}
