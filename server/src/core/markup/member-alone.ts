/**
 * Class member-alone (round 22, reading.md §23.3): a pillar of an index written by its short words
 * alone, with no fitting name and no index of its family named around it, is no figure of that
 * pillar. "Riêng nội dung xây dựng chính quyền số, tỉnh tăng 9 bậc lên thứ 10 cả nước" under a
 * section about the administrative-reform index (PAR Index, SIPAS: indices the catalog does not
 * keep) is a component of that index; the words "chính quyền số" name the provincial DTI's pillar
 * where the DTI is named (in the sentence, the headings above it or its section before it:
 * pillars.ts familiesAround, the context pillar-words.ts reads for the checker), or where no other
 * index is ("chính quyền số của Trà Vinh đạt 0,6683 điểm" stays the pillar's). A name the
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
function indexAround(catalog: Catalog, around: string, ind: Indicator): boolean {
  const family = familyOf(catalog, ind);
  const abbreviations = new Set(family.flatMap((e) => e.abbreviations ?? []).map((a) => a.split(/\s+/)[0]).filter((a) => a.length > 1));
  const indexNames = family.filter((e) => !PILLAR.test(e.name)).flatMap((e) => [e.name, ...(e.aliases ?? [])]).map((l) => ` ${foldKey(l).replace(/[^a-z0-9]+/g, ' ').trim().replace(MEASURE_WORD, '')} `).filter((n) => n.trim().split(' ').length > 2);
  for (const m of around.matchAll(/[\p{Lu}][\p{Lu}\p{N}]+/gu)) if (abbreviations.has(m[0])) return true;
  const folded = ` ${foldKey(around).replace(/[^a-z0-9]+/g, ' ')} `;
  return indexNames.some((n) => folded.includes(n));
}

/** The unit, the headings above it and its section before it (at most SECTION_BACK characters back). */
function textAround(text: string, unit: ProseUnit): string {
  const from = Math.max(sectionStart(text, unit.start), unit.start - SECTION_BACK);
  return [...headingChain(text, unit.start).map((h) => h.text), text.slice(from, unit.end)].join('\n');
}

/** An index named by "Chỉ số <words>" (not "chỉ số này", "chỉ số thành phần", "các chỉ số chính"). */
const OTHER_INDEX = /(?<![\p{L}])(?<!các\s)chỉ số\s+(?!(?:này|đó|thành phần|chính|trên)(?![\p{L}]))\p{L}/iu;

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
  if (familiesAround(catalog, text, unit).has(ind.family)) return null;
  const around = textAround(text, unit);
  // Listed only where another index is named instead ("Chỉ số cải cách hành chính"): alone, the
  // words still name the pillar ("chính quyền số của Trà Vinh đạt 0,6683 điểm": semi-round14).
  if (indexAround(catalog, around, ind) || !OTHER_INDEX.test(around)) return null;
  return { reason: 'figure-does-not-fit', message: msg(
    `"${written}" không kèm tên chỉ số nào của "${ind.name}" trong câu, đề mục hay phần trước của mục: "${f.raw}" có thể là của một chỉ số khác: chưa đánh dấu.`,
    `"${written}" comes with no index of "${ind.name}" named in its sentence, headings or section before it: "${f.raw}" may be another index's: left unmarked.`,
  ) };
}
