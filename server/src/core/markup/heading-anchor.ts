/**
 * A name written in a heading whose index the paragraphs of its section go on telling of (docs/dialect.md
 * §6.7): "# Chỉ số sẵn sàng mạng qua mười năm" over "Trong báo cáo năm 2005, Việt Nam được -0,47 điểm
 * và đứng thứ 75/115.": the name is marked where it is written (both modes), the checker then carries those
 * figures to it (parse/heading-anchors.ts). The same reading as the checker's (parse/heading-carry.ts
 * carriedBelow), each carried figure a member of the indicator's family by its shape
 * (catalog/family.ts memberByShape), as for a name the next sentences of its paragraph tell on (carried.ts).
 */
import type { Catalog } from '../catalog/catalog';
import { memberByShape } from '../catalog/family';
import type { Indicator } from '../catalog/types';
import { carriedBelow, type CarriedBelow } from '../parse/heading-carry';
import { carriedOnward, paragraphAround } from '../parse/paragraph-carry';
import { frontMatterPeriod } from '../parse/front-matter';

/**
 * True if [nameStart, nameEnd) of `text` is the only name of a heading line and the paragraphs of
 * its section carry a figure the indicator's family has a member for.
 */
export function carriedBelowHeading(text: string, nameStart: number, nameEnd: number, catalog: Catalog, indicator: Indicator, docPeriod: string | null = frontMatterPeriod(text)): boolean {
  const lineStart = text.lastIndexOf('\n', nameStart - 1) + 1;
  if (text[lineStart] !== '#') return false;
  const nl = text.indexOf('\n', nameEnd);
  const lineEnd = nl < 0 ? text.length : nl;
  return someMember(carriedBelow(text, lineStart, lineEnd, nameStart, nameEnd, docPeriod), catalog, indicator);
}

/**
 * True if [nameStart, nameEnd) of `text` is written in a paragraph whose next paragraphs tell on its
 * index (docs/reading.md §6.8, parse/paragraph-carry.ts): a figure the indicator's family has a member for.
 */
export function carriedIntoNextParagraph(text: string, nameStart: number, nameEnd: number, catalog: Catalog, indicator: Indicator, docPeriod: string | null = frontMatterPeriod(text)): boolean {
  const para = paragraphAround(text, nameStart);
  return !!para && someMember(carriedOnward(text, para.start, para.end, nameStart, nameEnd, docPeriod), catalog, indicator);
}

function someMember(carried: CarriedBelow[], catalog: Catalog, indicator: Indicator): boolean {
  for (const c of carried) {
    const f = c.figure;
    const rd = c.reading.figures[c.at];
    if (memberByShape(catalog, indicator, { kind: f.kind, role: rd.role, scope: rd.scope, unit: f.unit, value: f.value })) return true;
  }
  return false;
}
