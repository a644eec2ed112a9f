/**
 * A rate's name after its people's count, by mode (parse/population-share.ts; reading.md §61): the
 * words a mark will hold, whether the name binds another figure in the other mode, and wrap mode's
 * listed case for it. Apart from bind.ts, which mention.ts and names.ts reach: no import cycle.
 */
import { ratedName } from '../parse/population-share';
import { msg } from '../i18n';
import { bindSpan, type UnitReading } from './bind';
import { ambiguousCase, type MentionRun } from './mention';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import type { AmbiguousCase, MarkMode } from './types';

/** The words a mark of `n` will hold in `mode`: the entry's name (canonical), the words as written (wrap). */
export function markWords(mode: MarkMode, unit: ProseUnit, n: Named): string {
  return mode === 'canonical' ? n.indicator.name : unit.parts[n.part].text.slice(n.cand.start, n.cand.end);
}

/**
 * Whether `n` binds another figure in the other mode (a rate's name after its people's count,
 * parse/population-share.ts: canonical writes "Tỷ lệ …", wrap keeps the words): its unit's words
 * alone then do not decide that it names nothing (detect.ts, unit-memo.ts).
 */
export function byMode(unit: ProseUnit, r: UnitReading, n: Named): boolean {
  const [canonical, wrap] = [n.indicator.name, markWords('wrap', unit, n)];
  if (ratedName(canonical) === ratedName(wrap)) return false;
  return bindSpan(unit, r, n.part, n.cand.start, n.cand.end, canonical)?.fig !== bindSpan(unit, r, n.part, n.cand.start, n.cand.end, wrap)?.fig;
}

/** Wrap mode's word on a rate's subject after its people's count (byMode): `variant-name`, canonical mode marks it with the share. */
export function rateByCount(run: MentionRun, unit: ProseUnit, r: UnitReading, n: Named): AmbiguousCase {
  const b = bindSpan(unit, r, n.part, n.cand.start, n.cand.end, n.indicator.name);
  const figure = b ? r.figs[b.part][b.fig].raw : '';
  const words = markWords('wrap', unit, n);
  return ambiguousCase(run, unit, n, 'variant-name', figure ? [figure] : [], msg(`"${words}" (${figure}) là "${n.indicator.name}"; "[[${words}]]" sẽ gắn số đếm trước nó: không đánh dấu. Viết tên đầy đủ để đánh dấu.`, `"${words}" (${figure}) is "${n.indicator.name}"; "[[${words}]]" would bind the count before it: left unmarked. Write the full name to mark it.`));
}
