/**
 * One sentence's binding mistakes, as the checker reads a writer's marks (issue #13, round 22;
 * docs/reading.md §27). The figure the reader binds to `[[X]]` is right for the sentence's shape but
 * measures something else than X's entry, and the sentence's own words say what:
 * - a rank bound to a name of no ranking ("Việt Nam đứng thứ 3 về [[Tốc độ tải xuống trung bình băng
 *   rộng di động]]"): the rank in X's ranking, the one rank member of X's family of the rank's
 *   written scope (within its range), else no entry (§27.1);
 * - a change followed by "về giá trị" / "về số lượng" that X does not measure ("[[giao dịch … qua mã
 *   QR]] tăng 97% về giá trị"): the member of X's family of the same measure whose names say the
 *   measure said, else no entry (§27.2; markup/qualified.ts otherMeasureAfter);
 * - a count's head written before a growth entry's name ("số tài khoản [[giao dịch qua mã QR]] tăng
 *   20%"): no entry (§27.4; markup/other-measure.ts headBeforeGrowth, the detector's class);
 * - another country right after the name ("[[X]] của Thái Lan năm 2022 là 30%, năm 2024 là 40%"):
 *   no entry, and no further figure of the sentence is X's (§27.5; other-measure.ts countryOwner).
 * The detector refuses (lists) the same figures, so a writer's mark and the detector's agree. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { familyOf, inRange, ownMeasures } from '../catalog/family';
import { foldKey } from '../catalog/name-keys';
import type { Indicator } from '../catalog/types';
import type { Reference, ReportDocument } from '../parse/model';
import { scopeFits } from './placement';
import { otherMeasureAfter } from './qualified';
import { countryOwner, headBeforeGrowth } from './other-measure';

/** What the bound figure says its name stands for instead: undefined (the entry itself), another entry, or null (none). `foreign`: the figures are another country's. */
export interface BoundMeasure {
  indicator: Indicator | null;
  foreign?: true;
}

/**
 * The rank member of `ind`'s family that a rank `f` bound to `ind`, no ranking, stands for (null:
 * none; undefined: `f` no rank or `ind` a ranking). The detector asks the same (markup/detect.ts, mention.ts).
 */
export function rankOfName(catalog: Catalog, ind: Indicator, f: Pick<NonNullable<Reference['figure']>, 'kind' | 'scope' | 'value'>): Indicator | null | undefined {
  if (f.kind !== 'rank' || ind.measure === 'rank' || ind.unitClass === 'rank') return undefined;
  const written = f.scope;
  const regional = written === 'asean' || written === 'asia' || written === 'region';
  const ranks = (of: readonly Indicator[]) =>
    inRange(of.filter((e) => e.measure === 'rank' && (regional ? !!e.scope && scopeFits(written, e.scope) : e.scope !== 'asean' && e.scope !== 'asia' && e.scope !== 'asia-pacific')), f);
  // (the entries sharing a subject with X first: "tốc độ … di động" and "Xếp hạng tốc độ … di động"; then its family)
  const own = ranks(ownMeasures(catalog, ind));
  const fit = own.length ? own : ranks(familyOf(catalog, ind));
  return fit.length === 1 ? fit[0] : null;
}

/** The member of `ind`'s family of its measure whose names say (or do not say) "giá trị" as `said` does. */
function measureMember(catalog: Catalog, ind: Indicator, said: string): Indicator | null {
  const valued = foldKey(said) === foldKey('giá trị');
  const fit = familyOf(catalog, ind).filter((e) => e !== ind && e.measure === ind.measure && [e.name, ...(e.aliases ?? [])].some((n) => foldKey(n).includes('gia tri')) === valued);
  return fit.length === 1 ? fit[0] : null;
}

/** What `ref`'s bound figure measures instead of `ind` by its sentence's words (see the module's comment), else undefined. */
export function boundMeasure(catalog: Catalog, doc: ReportDocument, ref: Reference, ind: Indicator | null): BoundMeasure | undefined {
  const f = ref.figure;
  if (!ind || !f || !ref.sentence) return undefined;
  const rank = rankOfName(catalog, ind, f);
  if (rank !== undefined) return { indicator: rank };
  // Only the words around the name and the figure are read (a window of the sentence, not a copy
  // of it: this runs for every reference at every keystroke).
  const { start: s0, end: s1 } = ref.sentence;
  const figStart = doc.lines.offsetAt(f.range.start);
  const figEnd = doc.lines.offsetAt(f.range.end);
  const refStart = doc.lines.offsetAt(ref.range.start);
  const refEnd = doc.lines.offsetAt(ref.range.end);
  if (figStart < s0 || figEnd > s1 || refStart < s0 || refEnd > s1) return undefined;
  const said = f.change?.times ? null : otherMeasureAfter(doc.text.slice(figEnd, Math.min(s1, figEnd + 20)), 0, ind);
  if (said) return { indicator: measureMember(catalog, ind, said[1]) };
  // headBeforeGrowth reads before the name of a growth entry; countryOwner between the name and a figure after it.
  if (ind.measure !== 'growth' && refEnd > figStart) return undefined;
  const w0 = Math.max(s0, Math.min(refStart, figStart) - 48);
  const plain = doc.text.slice(w0, Math.min(s1, Math.max(figEnd, refEnd)));
  const x = { plain, figs: [], fig: 0, role: f.role, name: { start: refStart - w0, end: refEnd - w0 }, indicator: ind };
  const placed = { raw: f.raw, start: figStart - w0 };
  if (headBeforeGrowth(x, placed)) return { indicator: null };
  if (countryOwner(x, placed)) return { indicator: null, foreign: true };
  return undefined;
}
