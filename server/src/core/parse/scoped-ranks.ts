/**
 * The ranks of other written scopes told right after a bound rank (issue #13; docs/reading.md §22.1,
 * §84): "[[X]] đứng thứ 46/132 thế giới và thứ 4 ASEAN", ", đứng thứ 3 trong ASEAN", by a copula
 * (round 14) ", còn trong khu vực Đông Nam Á là thứ 5/11"; and since round 35 (class
 * region-beside-world, reading.md §84):
 * - the world rank's scope written with its preposition: "đứng thứ 62 trên thế giới và thứ 6/10 trong ASEAN";
 * - the world rank's own move of places between: "xếp thứ 71/193, tăng 15 bậc so với năm 2022, và
 *   xếp thứ 5/11 trong khu vực Đông Nam Á" (the move is the bound rank's, told of its own period; a
 *   piece after ";" is another sentence, family-carry.ts);
 * - a chain of regions, each of another scope than the ranks before it: "thứ 86/193, tăng 2 bậc,
 *   xếp thứ 24 ở châu Á và thứ 6 trong khu vực Đông Nam Á", "thứ 86 trên thế giới, thứ 24/47 ở châu Á
 *   và thứ 6/11 ở Đông Nam Á"; after a regional bound rank, a rank of another region (series.ts: its
 *   scope's member among that entry's own measures, or none).
 * Each rank found is the reference's further figure of the bound figure's period; series.ts gives it
 * the member of the index's family ranking in its scope, or none (never the world entry). Each join
 * is read on a gap of at most 48 characters: linear.
 */
import type { Figure, FigureRole, RankScopeWritten } from '../types';

/** What this reader reads of a sentence (clauses.ts SentenceReading). */
interface SentenceReading {
  figures: Array<{ role: FigureRole; scope?: RankScopeWritten }>;
  clauseOf: number[];
  masked: number[];
}

const REGIONAL = new Set<RankScopeWritten | undefined>(['asean', 'region', 'asia']);
/** A scope of Asia: "châu Á", "châu Á - Thái Bình Dương". */
const ASIA = 'châu á(?:\\s*-\\s*thái bình dương)?';
/**
 * Between a rank and the rank of another scope: ", ", "; ", " và ", ", còn ", perhaps a fronted
 * scope ("trong khu vực Đông Nam Á,", "ở châu Á - Thái Bình Dương,"), the country named again, and
 * its verb ("Việt Nam chỉ đứng", "là").
 */
const SCOPE_JOIN = new RegExp(
  `^\\s*(?:[,;]\\s*(?:(?:và|còn)\\s+)?|và\\s+)(?:(?:trong|tại|ở)\\s+(?:khu vực|asean|đông nam á|${ASIA})(?:\\s+(?:asean|đông nam á))?\\s*,?\\s*)?(?:(?:Việt Nam|nước ta)\\s+)?(?:(?:chỉ|vẫn|cũng)\\s+)?(?:(?:đứng|xếp|giữ)\\s+)?(?:là\\s+)?$`,
  'iu',
);
/** The bound rank's own scope at the gap's start ("thứ 62 trên thế giới"; its raw may hold it, "thứ 46/132 thế giới"). */
const WORLD_AFTER = /^\s*(?:(?:trên|trong|tại)\s+)?(?:thế giới|toàn cầu)/iu;
/**
 * Between a rank and its own move of places: ", ", " và ", perhaps after the rank's own name (its
 * reference blanked: "đứng thứ 86/193 về [[X]], tăng 2 bậc").
 */
const MOVE_JOIN = /^\s*(?:(?:về|trong|theo)\s+)?(?:,\s*(?:và\s+)?|và\s+)$/u;
/** The base a move of places is told from, after it: "so với kỳ 2022", "so với năm trước", "so với lần đánh giá trước". */
const MOVE_BASE = /^\s*so với\s+(?:(?:kỳ|năm|lần|báo cáo)\s+)?(?:trước|\d{4}|đánh giá trước)/u;
/** A regional rank's own scope at the gap's start (its raw may hold the first words: "xếp thứ 24 ở châu" + "Á và …"). */
const REGION_AFTER = new RegExp(`^\\s*(?:(?:trong|tại|ở)\\s+)?(?:khu vực\\s+)?(?:asean|đông nam á|${ASIA}|á(?:\\s*-\\s*thái bình dương)?)(?![\\p{L}])`, 'iu');
const GAP = 48;

/**
 * "[[X]] đứng thứ 46/132 thế giới và thứ 4 ASEAN": the ranks after the bound rank `idx`, each in its
 * clause or one of the next two, joined as above, whose written scope is regional (ASEAN, a region,
 * Asia) and no rank's before it in the chain; the bound rank's not regional, or regional of another
 * scope. Their indexes, in order; empty if none.
 */
export function scopedRanks(idx: number, text: string, figures: Figure[], reading: SentenceReading): number[] {
  const a = reading.figures[idx];
  if (!a || a.role !== 'rank') return [];
  const out: number[] = [];
  const seen = new Set<RankScopeWritten | undefined>([a.scope]);
  let from = idx;
  let j = idx + 1;
  // (the bound rank's own move of places, "tăng 15 bậc so với kỳ 2022", right after it)
  const move = figures[j];
  const blanked = reading.masked.filter((m) => m >= figures[idx].end && m < (move?.start ?? 0));
  // (the gap measured with its blanked name as one space: a canonical name is long)
  const moveGap = move && blanked.length <= 1 && move.start - figures[idx].end <= 4 * GAP ? unmarked(gapOf(text, figures[idx], move)) : null;
  if (move && moveGap !== null && reading.figures[j].role === 'change' && move.change && moveGap.length <= GAP && MOVE_JOIN.test(moveGap)) {
    from = j;
    j++;
  }
  for (; j < figures.length; from = j, j++) {
    const b = reading.figures[j];
    if (b.role !== 'rank' || !REGIONAL.has(b.scope) || seen.has(b.scope) || figures[j].change) break;
    if (reading.clauseOf[j] - reading.clauseOf[from] > 2 || figures[j].start - figures[from].end > GAP) break;
    // The bound rank's own raw may end in its scope ("thứ 46/132 thế giới"); the rest only joins.
    const raw = gapOf(text, figures[from], figures[j]);
    const gap = from === idx ? raw.replace(WORLD_AFTER, '') : reading.figures[from].role === 'change' ? raw.replace(MOVE_BASE, '') : raw.replace(REGION_AFTER, '');
    if (!SCOPE_JOIN.test(gap) || reading.masked.some((m) => m >= figures[from].end && m < figures[j].start)) break;
    // (a regional rank after a regional one of another scope only: "[[… châu Á - Thái Bình Dương]] đứng thứ 4 và thứ 3 trong ASEAN")
    if (REGIONAL.has(a.scope) && (a.scope === 'region' || b.scope === 'region')) break;
    out.push(j);
    seen.add(b.scope);
  }
  return out;
}

const gapOf = (text: string, f: Figure, g: Figure): string => text.slice(f.end, g.start);
/** A gap with its one blanked reference (a run of spaces) read as one space (the gap is at most 4 × GAP characters). */
const unmarked = (gap: string): string => gap.replace(/ {5,}/u, ' ');
