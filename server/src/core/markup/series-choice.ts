/**
 * The series the detector settles a shared name on (`shared-name`: "kinh tế số … chiếm 18,3% GDP",
 * the ministry's estimate and the statistics office's value) once its figure is bound, in the
 * checker's order (series.ts inferSeries): the compiler its sentence names (the one named last
 * before it), a bare "của Bộ" (names.ts bareMinistryOf), the period only one series publishes,
 * then the document (series-doc.ts, round 34, docs/reading.md §80): the headings above it, the
 * report's earlier choice (the detector's own marks before it, and marks the writer wrote, "[[… @
 * TCTK]]"), the report's own body (its front matter's committee). Each choice carries its reason
 * (the mention's `seriesBy`, `markup --report json`); none: the name stays listed `shared-name`.
 * A choice of the document's (`fromDoc`) still lets province.ts list a province's own figure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg, type Msg } from '../i18n';
import { seriesNamedIn, seriesOfPeriod } from '../series';
import { seriesOfDocument } from '../series-doc';
import { bareMinistryOf, type Named } from './names';
import type { NameIndex } from './name-index';
import type { ProseUnit } from './prose';
import type { Mention } from './types';

/** What the detector needs of its run. */
export interface SeriesRun {
  text: string;
  catalog: Catalog;
  idx: NameIndex;
  mentions: Mention[];
}

/** A mark the writer wrote with its compiler's code: "[[Tỷ trọng kinh tế số trong GDP @ TCTK]]". */
const CODED_MARK = /\[\[([^\]\r\n@]+@[^\]\r\n]+)\]\]/g;

/** The series the marks before `at` stand for, in order: the detector's and the writer's coded ones. */
function earlierSeries(run: SeriesRun, at: number, candidates: Indicator[]): Indicator[] {
  const out: Array<{ at: number; indicator: Indicator }> = [];
  for (const m of run.mentions) if (m.start < at && candidates.includes(m.indicator)) out.push({ at: m.start, indicator: m.indicator });
  const before = run.text.slice(0, at);
  if (before.includes('@'))
    for (const m of before.matchAll(CODED_MARK)) {
      const r = run.catalog.resolve(m[1]);
      if ('indicator' in r && candidates.includes(r.indicator)) out.push({ at: m.index, indicator: r.indicator });
    }
  return out.sort((a, b) => a.at - b.at).map((x) => x.indicator);
}

/** The series of shared name `n` of `unit`, with why; null when nothing decides. `period`: the bound figure's period code, else the document's. */
export function sharedSeries(run: SeriesRun, unit: ProseUnit, n: Named, period: string | null): { indicator: Indicator; reason: Msg; fromDoc?: true } | null {
  const part = unit.parts[n.part];
  const named = seriesNamedIn(part.text, n.candidates, n.cand.start) ?? bareMinistryOf(run.text, run.idx, unit, part, n.candidates);
  if (named) return { indicator: named, reason: msg('câu nêu cơ quan biên soạn', 'the sentence names the compiler') };
  const byPeriod = period ? seriesOfPeriod(n.candidates, period) : null;
  if (byPeriod) return { indicator: byPeriod, reason: msg(`chỉ chuỗi của ${byPeriod.compiler ?? byPeriod.id} công bố số liệu của kỳ này`, `only the ${byPeriod.compiler ?? byPeriod.id} series is published for this kind of period`) };
  const at = part.start + n.cand.start;
  const doc = seriesOfDocument(run.text, at, n.candidates, earlierSeries(run, at, n.candidates));
  return doc ? { indicator: doc.indicator, reason: doc.reason, fromDoc: true } : null;
}
