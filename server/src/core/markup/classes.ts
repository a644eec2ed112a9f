/**
 * False marks by class (issue 13, round 11, docs/accuracy.md "Round 11: false marks by class"). Every
 * blind set so far came in at precision 0.80–0.88 because the earlier rules refused one sentence's
 * shape each; these refuse whole classes of figures that are no value of the entry a name binds them
 * to, each by the reader's role of the figure and the words written around it, never by a list of a
 * set's sentences:
 *
 * - a change as a level: a change figure given another role than a change, a multiple ("gấp 3
 *   lần") of an entry that measures no growth, a number of steps or tiers with no change word
 *   ("chia thành 5 bậc") are no level; a change that fits ("tăng 2 bậc") stays the entry's change;
 * - a tier as a rank: a bare number right after a tier word ("bậc 1", "nhóm 1", "tầng 2") is the tier,
 *   no rank or score, unless the entry's own names or unit say that tier word;
 * - a mapping list ("lần lượt", "tương ứng"): its figures go, in order, to the members listed right
 *   before the word; a name outside those members, or another member's place, takes none of them;
 * - an obligation or a deadline ("phải … chậm nhất", "hạn chót"): what must be reached, no value
 *   reached;
 * - a part abroad ("… doanh nghiệp … đang hoạt động ở nước ngoài"): a subset of what the entry counts.
 *
 * Each refusal is listed `figure-role` with its reason (detect.ts judge): markup never drops a name
 * silently. Pure: the part as written (names not blanked), the reader's figures and clauses, the entry.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

export interface ClassInput {
  /** The figure's part as written (names not blanked; same offsets as the reader's). */
  plain: string;
  /** The reader's figures of that part, and the bound one's index. */
  figs: Figure[];
  fig: number;
  /** The role the reader gives the bound figure ("level", "change", "base", …). */
  role: string | undefined;
  /** The name's span, when it is in the figure's part; else null. */
  name: { start: number; end: number } | null;
  indicator: Indicator;
}

type Message = ReturnType<typeof msg>;

/** Folded words of an entry's names and unit, padded with spaces, once per entry. */
const ownWords = new WeakMap<Indicator, string>();
function wordsOf(ind: Indicator): string {
  let w = ownWords.get(ind);
  if (w === undefined) {
    w = ' ' + [ind.name, ...(ind.aliases ?? []), ind.unit ?? ''].map((x) => foldKey(x).replace(/[^a-z0-9]+/g, ' ').trim()).join(' | ') + ' ';
    ownWords.set(ind, w);
  }
  return w;
}
const says = (ind: Indicator, folded: string): boolean => wordsOf(ind).includes(` ${folded.replace(/[^a-z0-9]+/g, ' ').trim()} `);

const isRankEntry = (ind: Indicator): boolean => ind.unitClass === 'rank' || ind.measure === 'rank';

/** Step words written after a number: "5 bậc", "3 hạng", "2 nấc", "4 vị trí" (a number of steps, never a position). */
const STEP_UNITS = new Set(['bac', 'hang', 'nac', 'buoc', 'vi tri', 'cap', 'cap do', 'thu hang']);

/**
 * Class 1: a change as a level. A change the reader reads as a change of a unit the entry fits
 * ("[[X]] tăng 1.200 doanh nghiệp", "tăng 2 bậc") stays the entry's change: the checker records it
 * and checks it against the history. But a change is never the entry's level: a change figure the
 * reader gives another role (a level, a part), a multiple ("gấp 3 lần") of an entry that measures no
 * growth (no base written beside it to check it against), and a number of steps or tiers written
 * before its step word with no change word ("chia thành 5 bậc": no position).
 */
function changeAsLevel(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (ind.measure === 'growth') return null;
  if ((f.change && x.role !== 'change' && x.role !== 'base') || f.change?.times)
    return msg(
      `"${f.raw}" là một thay đổi (tăng/giảm, gấp … lần), không phải mức của chỉ tiêu "${ind.name}", vốn không đo tốc độ tăng: chưa đánh dấu.`,
      `"${f.raw}" is a change (a rise, a fall, "… times"), not a level of "${ind.name}", which measures no growth: left unmarked.`,
    );
  if (isRankEntry(ind) && !f.change && f.kind !== 'rank' && f.unit && STEP_UNITS.has(foldKey(f.unit).trim()))
    return msg(
      `"${f.raw}" đếm số bậc (số đứng trước "${f.unit}"), không phải vị trí xếp hạng của "${ind.name}": chưa đánh dấu.`,
      `"${f.raw}" counts steps or tiers (the number before "${f.unit}"), no position of "${ind.name}": left unmarked.`,
    );
  return null;
}

/** A tier word right before a bare number: "bậc 1", "nhóm 1", "tầng 2", "cấp độ 3", "tier 1". */
const TIER_BEFORE = /(?:^|[^\p{L}])(bậc|nhóm|tầng|cấp độ|cấp|mức độ|loại|tier)\s*$/iu;

/** Class 2: a tier or a group as a rank or a score. */
function tierAsRank(x: ClassInput, f: Figure): Message | null {
  if (f.kind !== 'number' || f.unit || f.change) return null;
  const m = TIER_BEFORE.exec(x.plain.slice(Math.max(0, f.start - 20), f.start));
  if (!m) return null;
  // An entry whose names or unit say the tier word measures that tier ("Cấp độ … 2IPD", unit "cấp độ").
  if (says(x.indicator, foldKey(m[1]))) return null;
  return msg(
    `"${m[1]} ${f.raw}" là một bậc, nhóm hay cấp, không phải thứ hạng hay điểm của "${x.indicator.name}": chưa đánh dấu.`,
    `"${m[1]} ${f.raw}" is a tier, group or level, not a rank or score of "${x.indicator.name}": left unmarked.`,
  );
}

/**
 * Why the bound figure is, by its class, no value of the entry (the message listing it), else null.
 * Called by detect.ts judge after the sentence-level rules (judge.ts whoseFigure).
 */
export function falseByClass(x: ClassInput): Message | null {
  const f = x.figs[x.fig];
  if (!f) return null;
  return changeAsLevel(x, f) ?? tierAsRank(x, f);
}
