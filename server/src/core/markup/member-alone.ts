/**
 * Class member-alone (round 22, reading.md §23.3): a pillar of an index written by its short words
 * alone, with no fitting name and no index of its family named around it, is no figure of that
 * pillar. "Riêng nội dung xây dựng chính quyền số, tỉnh tăng 9 bậc lên thứ 10 cả nước" under a
 * section about the administrative-reform index (PAR Index, SIPAS: indices the catalog does not
 * keep) is a component of that index; the words "chính quyền số" name the provincial DTI's pillar
 * only where the DTI is named: in the sentence, the headings above it or its section before it
 * (pillars.ts familiesAround, the context pillar-words.ts reads for the checker). A name the
 * detector found exactly (an alias "xếp hạng chính quyền số cấp tỉnh") or one saying "trụ cột" is
 * not touched. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { familyOf } from '../catalog/family';
import { headingChain, sectionStart } from './context';
import { familiesAround } from './pillars';
import type { ProseUnit } from './prose';

/** "trụ cột" in a name, folded or not. */
const PILLAR = /(?<![\p{L}])trụ cột(?![\p{L}])/iu;

/** How far before the unit its section is read for an abbreviation of the family. */
const SECTION_BACK = 4000;

/** Whether an abbreviation of a member of `ind`'s family ("DTI") is written in the unit, the headings above it or its section before it. */
function abbreviationAround(catalog: Catalog, text: string, unit: ProseUnit, ind: Indicator): boolean {
  const abbreviations = new Set(familyOf(catalog, ind).flatMap((e) => e.abbreviations ?? []).map((a) => a.split(/\s+/)[0]).filter((a) => a.length > 1));
  if (!abbreviations.size) return false;
  const from = Math.max(sectionStart(text, unit.start), unit.start - SECTION_BACK);
  const around = [...headingChain(text, unit.start).map((h) => h.text), text.slice(from, unit.end)].join('\n');
  for (const m of around.matchAll(/[\p{Lu}][\p{Lu}\p{N}]+/gu)) if (abbreviations.has(m[0])) return true;
  return false;
}

/**
 * The reason and message listing `f` when `n` (in prose, no table) names a pillar entry by fuzzy words without "trụ cột" and no index
 * of its family is named in `unit`, the headings above it or its section before it; else null.
 */
export function memberAlone(
  catalog: Catalog,
  text: string,
  unit: ProseUnit,
  n: { part: number; cand: { start: number; end: number; exact?: boolean }; indicator: Indicator },
  f: Figure,
): { reason: 'figure-does-not-fit'; message: ReturnType<typeof msg> } | null {
  if (unit.table) return null;
  const ind = n.indicator;
  if (!ind.family || n.cand.exact || !PILLAR.test(ind.name)) return null;
  const written = unit.parts[n.part].text.slice(n.cand.start, n.cand.end);
  if (PILLAR.test(written)) return null;
  if (familiesAround(catalog, text, unit).has(ind.family) || abbreviationAround(catalog, text, unit, ind)) return null;
  return { reason: 'figure-does-not-fit', message: msg(
    `"${written}" không kèm tên chỉ số nào của "${ind.name}" trong câu, đề mục hay phần trước của mục: "${f.raw}" có thể là của một chỉ số khác: chưa đánh dấu.`,
    `"${written}" comes with no index of "${ind.name}" named in its sentence, headings or section before it: "${f.raw}" may be another index's: left unmarked.`,
  ) };
}
