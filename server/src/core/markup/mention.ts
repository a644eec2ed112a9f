/**
 * A name's mention (its marks, the figure it binds, its period) and a listed case, as detect.ts
 * reports them. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { LineIndex } from '../text';
import type { Figure } from '../types';
import type { Bound, UnitReading } from './bind';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import { subjectPicks } from './subject-names';
import type { AmbiguousCase, MarkMode, MarkupEdit, Mention, MentionFigure } from './types';

/** What a mention needs of a detection run. */
export interface MentionRun {
  text: string;
  catalog: Catalog;
  lines: LineIndex;
}

/** The mention of a name bound to `b` (null: a plain mention). */
export function mentionOutcome(run: MentionRun, unit: ProseUnit, n: Named, b: Bound | null, plainFigs: Figure[][], reading?: UnitReading): { mention: Mention } {
  const { text, lines, catalog } = run;
  const part = unit.parts[n.part];
  const start = part.start + n.cand.start;
  const end = part.start + n.cand.end;
  const written = text.slice(start, end);
  const suffix = n.compiler ? ` @ ${n.compiler}` : '';
  // The dialect reads `[[words as written]]` as the indicator: a name, alias or abbreviation, or
  // one typed without its accents (the checker then says so: unaccented-name); never across a line.
  const res = catalog.resolve(written + suffix);
  // A subject resolves by the figure it binds (series.ts byFigure): wrappable when that figure picks this entry alone.
  // (The figure as the detector reads it, other names blanked, and as written, other names kept: the
  // checker reads the words of a name left unmarked; both must pick the entry.)
  const subjectRef = (fig?: Figure): Indicator[] =>
    res.kind === 'ambiguous' && res.subject ? (b && reading ? subjectPicks(unit, reading, n, b, res.subject, fig) : res.subject.filter((e) => e.named).map((e) => e.indicator)) : [];
  const plainFig = b && reading ? plainFigs[b.part]?.find((p) => p.numeralStart === reading.figs[b.part][b.fig].numeralStart) : undefined;
  const picksHere = (picked: Indicator[]) => picked.length === 1 && picked[0] === n.indicator;
  const wrappable = (('indicator' in res && res.indicator === n.indicator) || (picksHere(subjectRef()) && picksHere(subjectRef(plainFig)))) && !/[\r\n]/.test(written);
  const kind = !n.cand.exact ? 'fuzzy' : n.cand.label.kind === 'canonical' ? 'exact' : n.cand.label.kind;
  let figure: MentionFigure | null = null;
  let period: Mention['period'] = null;
  if (b && reading) {
    const f = reading.figs[b.part][b.fig];
    const base = unit.parts[b.part].start;
    // Report the figure as written in the unmarked text (its unit may be part of the name).
    const plain = plainFigs[b.part].find((p) => p.numeralStart === f.numeralStart) ?? f;
    figure = { raw: plain.raw, numeral: plain.numeral, value: plain.value, unit: plain.unit, kind: plain.kind, start: base + plain.start, end: base + plain.end, range: lines.range(base + plain.start, base + plain.end) };
    if (b.period) {
      const ps = unit.parts[b.period.part].start + b.period.start;
      const pe = unit.parts[b.period.part].start + b.period.end;
      period = { code: b.period.code, raw: text.slice(ps, pe), range: lines.range(ps, pe) };
    }
  }
  const indicator = n.indicator;
  const edit = (s: number, e: number, newText: string): MarkupEdit => ({ start: s, end: e, range: lines.range(s, e), newText });
  return {
    mention: {
      start,
      end,
      range: lines.range(start, end),
      text: written,
      indicator,
      label: n.cand.label.text,
      kind,
      score: n.cand.score,
      ...(n.compiler ? { compiler: n.compiler } : {}),
      wrappable,
      figure,
      period,
      sentence: { start: unit.start, end: unit.end },
      edits(m: MarkMode): MarkupEdit[] {
        // A name inserted where the sentence has none (unnamed.ts): its space is inside the mark.
        if (m === 'canonical') return [edit(start, end, start === end ? `[[${indicator.name}${suffix} ]]` : `[[${indicator.name}${suffix}]]`)];
        // Two insertions around the words, whatever they are: wrap never replaces a byte.
        return [edit(start, start, '[['), edit(end, end, `${suffix}]]`)];
      },
    },
  };
}

export function ambiguousCase(run: MentionRun, unit: ProseUnit, n: Named, reason: AmbiguousCase['reason'], figures: string[], message: AmbiguousCase['message'], fix?: AmbiguousCase['fix']): AmbiguousCase {
  const start = unit.parts[n.part].start + n.cand.start;
  const end = unit.parts[n.part].start + n.cand.end;
  return { start, end, range: run.lines.range(start, end), text: run.text.slice(start, end), reason, message, candidates: n.candidates, figures, ...(fix ? { fix } : {}) };
}
