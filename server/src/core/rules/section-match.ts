/** Matching headings against the required sections, accent- and case-insensitively. */
import type { Analysis } from '../analyze';
import { STANDARD_SECTIONS } from '../config';
import type { Section } from '../parse/model';
import { fold } from '../text';
import { unpinned } from '../caches';

export function requiredSections(analysis: Analysis): string[] {
  return analysis.config?.requiredSections ?? STANDARD_SECTIONS;
}

/** Every section of the document, depth first, in document order. */
export function flatSections(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatSections(s.children)]);
}

/** "Kết luận" matches "Kết luận, chỉ đạo"; "Kết quả đạt được năm 2024" matches "Kết quả đạt được". */
export function matches(heading: string, required: string): boolean {
  const h = folded(heading, true);
  const r = folded(required, false);
  return h === r || h.startsWith(r) || (r.startsWith(h) && h.split(' ').length >= 2 && /[ ,]/.test(r[h.length] ?? ' '));
}

/**
 * Folded headings (their numbering dropped) and folded required titles, once per text: two rules
 * match every heading against every required section on each check. Keyed by the text's own copy
 * (a heading's title may be a slice of a chunk); cleared past a bound.
 */
const foldedTitles = [new Map<string, string>(), new Map<string, string>()];
const FOLDED_TITLES_MAX = 4096;

function folded(title: string, heading: boolean): string {
  const memo = foldedTitles[heading ? 0 : 1];
  let f = memo.get(title);
  if (f === undefined) {
    f = heading ? fold(title).replace(/^[\divx]+[.)]\s*/, '') : fold(title);
    if (memo.size >= FOLDED_TITLES_MAX) memo.clear();
    memo.set(unpinned(title), f);
  }
  return f;
}

/** For each required section, the first heading that matches it (or undefined). */
export function locate(analysis: Analysis): Array<{ title: string; section?: Section }> {
  const all = flatSections(analysis.doc.sections);
  return requiredSections(analysis).map((title) => ({ title, section: all.find((s) => matches(s.title, title)) }));
}
