/** Matching headings against the required sections, accent- and case-insensitively. */
import type { Analysis } from '../analyze';
import { STANDARD_SECTIONS } from '../config';
import type { Section } from '../parse/model';
import { fold } from '../text';

export function requiredSections(analysis: Analysis): string[] {
  return analysis.config?.requiredSections ?? STANDARD_SECTIONS;
}

/** Every section of the document, depth first, in document order. */
export function flatSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatSections(s.children)]);
}

/** "Kết luận" matches "Kết luận, chỉ đạo"; "Kết quả đạt được năm 2024" matches "Kết quả đạt được". */
export function matches(heading: string, required: string): boolean {
  const h = fold(heading).replace(/^[\divx]+[.)]\s*/, '');
  const r = fold(required);
  return h === r || h.startsWith(r) || (r.startsWith(h) && h.split(' ').length >= 2 && /[ ,]/.test(r[h.length] ?? ' '));
}

/** For each required section, the first heading that matches it (or undefined). */
export function locate(analysis: Analysis): Array<{ title: string; section?: Section }> {
  const all = flatSections(analysis.doc.sections);
  return requiredSections(analysis).map((title) => ({ title, section: all.find((s) => matches(s.title, title)) }));
}
