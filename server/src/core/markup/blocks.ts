/**
 * A block of the administration as a figure's subject (issue 13, round 14, docs/accuracy.md
 * "False-mark classes"). Reports on administrative procedures split a rate
 * between two blocks: the ministries ("khối bộ", "các bộ, ngành") and the provinces ("khối tỉnh",
 * "khối địa phương", "các địa phương"), and the catalog keeps one entry per block beside the
 * nationwide one (its `family`: "… của bộ, ngành", "… của địa phương"). A figure whose own stretch
 * of the sentence says one block ("ở khối địa phương, tỷ lệ số hóa hồ sơ … đạt 65,38%", "67,2% tại
 * các địa phương", "các bộ, ngành mới đạt 1,29%") is that block's value, never the nationwide entry's:
 * the name's entry becomes the block's member (canonical writes its name; wrap, whose words name the
 * nationwide entry, lists the case as `variant-name`). Both blocks, "cả nước" or no block in the
 * stretch: nothing changes. A name that says its block itself is kept as written. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import { members } from '../catalog/family';
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';
import type { Named } from './names';
import { asEntry, type NameContext } from './subject-names';

type Block = 'ministries' | 'provinces';

/** The folded ending of a block member's name. */
const SUFFIX: Record<Block, string> = { ministries: ' cua bo nganh', provinces: ' cua dia phuong' };

const blockOfName = (ind: Indicator): Block | null => {
  const k = ' ' + foldKey(ind.name).replace(/[^a-z0-9]+/g, ' ').trim();
  return k.endsWith(SUFFIX.ministries) ? 'ministries' : k.endsWith(SUFFIX.provinces) ? 'provinces' : null;
};

/**
 * The ministries' block: "khối bộ(, ngành)", "các/những bộ, ngành", "tại/ở/của (các) bộ, ngành",
 * "cấp bộ"; "các bộ" alone only before a verb, a figure or a break ("các bộ trưởng" is none). A
 * capitalised "Bộ" is one ministry, no block.
 */
const MINISTRIES =
  /(?<![\p{L}])(?:[Kk]hối bộ(?:,? ngành)?|(?:(?:[Cc]ác|[Nn]hững|[Tt]ại|[Ởở]|[Cc]ủa|[Vv]ới)(?: các)? bộ,? ngành)|[Cc]ấp bộ|(?:[Cc]ác|[Nn]hững) bộ(?=\s*(?:[,;.:)]|$|\d|đạt|mới|chỉ|có|xử lý|là)))(?![\p{L}])/u;
/** The provinces' block: "khối tỉnh", "khối địa phương", "các/những địa phương", "tại/ở/của (các) địa phương", "cấp tỉnh". */
const PROVINCES = /(?<![\p{L}])(?:[Kk]hối (?:tỉnh|địa phương)|(?:[Cc]ác|[Nn]hững|[Tt]ại|[Ởở]|[Cc]ủa|[Vv]ới)(?: các)? địa phương|[Cc]ấp tỉnh)(?![\p{L}])/u;
/** Both blocks at once, or the whole country: no one block. */
const ALL = /(?<![\p{L}])(?:bộ,? ngành,? (?:và |cùng )?địa phương|cả nước|toàn quốc|chung cả hai khối)(?![\p{L}])/iu;

/** Where the stretch before a figure begins: a break, a contrast, the previous percentage (a year, "năm 2024", is no cut). */
const BEFORE_CUT = /[;:]|\.(?!\d)|(?<![\p{L}])(?:so với|còn|trong khi|trong đó)(?![\p{L}])|\d(?:[.,]\d+)*\s*%/giu;
/** Where the stretch after a figure ends: a comma not before "ngành", a break, a contrast, a number. */
const AFTER_CUT = /,(?!\s*ngành)|[;:]|\.(?!\d)|(?<![\p{L}])(?:so với|còn|trong khi|trong đó|gấp)(?![\p{L}])|\d/iu;

/** The block the figure's own stretch of `text` names (`f`: offsets in `text`), or null. */
export function figureBlock(text: string, f: Pick<Figure, 'start' | 'end'>): Block | null {
  const head = text.slice(0, f.start);
  let from = 0;
  for (const m of head.matchAll(BEFORE_CUT)) from = m.index! + m[0].length;
  const tail = text.slice(f.end);
  const cut = AFTER_CUT.exec(tail);
  const stretch = head.slice(from) + ' ' + (cut ? tail.slice(0, cut.index) : tail);
  if (ALL.test(stretch)) return null;
  const mi = MINISTRIES.test(stretch);
  const pr = PROVINCES.test(stretch);
  return mi === pr ? null : mi ? 'ministries' : 'provinces';
}

/**
 * The block's member for the name `n` whose bound figure is `f` in `text` (the figure's part as
 * written), or null: the entries the words may name (a subject's entries, two names' candidates, or
 * the one entry) and their families, the one member whose name ends with the block's words.
 */
export function blockMember(catalog: Catalog, n: Named, text: string, f: Pick<Figure, 'start' | 'end'>): Indicator | null {
  // A name that says its block itself is the writer's choice.
  if (!n.subject && !n.why && blockOfName(n.indicator)) return null;
  const pool = n.subject ? n.subject.map((s) => s.indicator) : n.candidates.length ? n.candidates : [n.indicator];
  if (!pool.some((ind) => blockOfName(ind) || members(catalog, ind.id).some((m) => blockOfName(m)))) return null;
  const block = figureBlock(text, f);
  if (!block) return null;
  const found = new Set<Indicator>();
  for (const ind of pool) for (const m of [ind, ...members(catalog, ind.id)]) if (blockOfName(m) === block) found.add(m);
  return found.size === 1 ? [...found][0] : null;
}

/** `n` as the block's member when its figure's stretch names one (canonical writes the member's name), else `n` itself. */
export function blockNamed(run: NameContext, n: Named, text: string, f: Pick<Figure, 'start' | 'end'>): Named {
  const member = blockMember(run.catalog, n, text, f);
  return member ? asEntry(run, n, member) : n;
}

/** Words a sentence naming no indicator must hold to tell a block's rate (a cheap first test, bounded: unnamed.ts). */
const MAY_TELL_BLOCK = /(?:khối|các|những|tại|ở)\s+(?:bộ|tỉnh|địa phương)[^%.;]{0,120}\d%|\d%[^%.;]{0,120}(?:khối|các|tại|ở)\s+(?:bộ|tỉnh|địa phương)/iu;
export const mayTellBlock = (text: string): boolean => MAY_TELL_BLOCK.test(text);

/**
 * A rate of a sentence that names no indicator, told for one block ("Tách theo khối, khối bộ đạt
 * 59,7% còn khối tỉnh đạt 55,4%", after a sentence naming the end-to-end online services): the block's
 * member of the entries `named` before it (unnamed.ts namedBefore), when exactly one; null when the
 * stretch names a block but no one member; undefined when the figure is no block's percentage.
 */
export function blockEntry(catalog: Catalog, named: Indicator[], f: Figure, text: string): Indicator | null | undefined {
  if (f.kind !== 'percent' || f.change) return undefined;
  const block = figureBlock(text, f);
  if (!block) return undefined;
  const found = new Set<Indicator>();
  for (const ind of named) for (const m of [ind, ...members(catalog, ind.id)]) if (blockOfName(m) === block) found.add(m);
  return found.size === 1 ? [...found][0] : null;
}
