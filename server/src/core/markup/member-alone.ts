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
import { foldKey, type Catalog } from '../catalog/catalog';
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

/**
 * Whether the index of `ind`'s family is written in the unit, the headings above it or its section
 * before it: an abbreviation of a member ("DTI"), or a name or alias of the index without its measure
 * word ("Chỉ số chuyển đổi số cấp tỉnh" of "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh", "Bảng xếp hạng
 * chuyển đổi số cấp tỉnh" by the alias "xếp hạng chuyển đổi số cấp tỉnh").
 */
function indexAround(catalog: Catalog, text: string, unit: ProseUnit, ind: Indicator): boolean {
  const family = familyOf(catalog, ind);
  const abbreviations = new Set(family.flatMap((e) => e.abbreviations ?? []).map((a) => a.split(/\s+/)[0]).filter((a) => a.length > 1));
  const indexNames = family.filter((e) => !PILLAR.test(e.name)).flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((l) => ` ${foldKey(l).replace(/[^a-z0-9]+/g, ' ').trim().replace(MEASURE_WORD, '')} `).filter((n) => n.trim().split(' ').length > 2);
  const from = Math.max(sectionStart(text, unit.start), unit.start - SECTION_BACK);
  const around = [...headingChain(text, unit.start).map((h) => h.text), text.slice(from, unit.end)].join('\n');
  for (const m of around.matchAll(/[\p{Lu}][\p{Lu}\p{N}]+/gu)) if (abbreviations.has(m[0])) return true;
  const folded = ` ${foldKey(around).replace(/[^a-z0-9]+/g, ' ')} `;
  return indexNames.some((n) => folded.includes(n));
}

/** A measure word opening an entry's name (folded): "điểm", "xếp hạng", "giá trị", "cấp độ". */
const MEASURE_WORD = /^(?:diem|xep hang|gia tri|cap do)\s+/;

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
  if (familiesAround(catalog, text, unit).has(ind.family) || indexAround(catalog, text, unit, ind)) return null;
  return { reason: 'figure-does-not-fit', message: msg(
    `"${written}" không kèm tên chỉ số nào của "${ind.name}" trong câu, đề mục hay phần trước của mục: "${f.raw}" có thể là của một chỉ số khác: chưa đánh dấu.`,
    `"${written}" comes with no index of "${ind.name}" named in its sentence, headings or section before it: "${f.raw}" may be another index's: left unmarked.`,
  ) };
}
