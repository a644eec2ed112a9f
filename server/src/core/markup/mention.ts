/**
 * A name's mention (its marks, the figure it binds, its period) and a listed case, as detect.ts
 * reports them. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { abbreviationFamily, familyChoice } from '../catalog/family';
import { countMember } from '../catalog/count-members';
import { currencyMember } from '../catalog/currency-members';
import { rankOfIndexName } from '../catalog/index-rank';
import type { Indicator } from '../catalog/types';
import type { LineIndex } from '../text';
import type { Figure } from '../types';
import type { Bound, UnitReading } from './bind';
import { tokenize } from './name-index';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import { variantMessage } from './messages';
import { subjectPicks } from './subject-names';
import { pillarOfWords } from './pillar-words';
import { countedOfWords } from './counted-words';
import { siblingOfWords } from './sibling-words';
import { abbreviationFamilyOf } from './ministry-abbreviation';
import { channelOfWords } from './channel-words';
import { rankOfName } from './bound-measure';
import { readFigures } from '../parse/figures';
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
  // An abbreviation naming its family resolves to the member its figure fits, else its own (catalog/family.ts).
  // (a provincial abbreviation of a ministry's figure: the ministries' family, ministry-abbreviation.ts)
  const bf = b && reading ? reading.figs[b.part][b.fig] : null;
  const family = res.kind === 'abbreviation' ? (bf ? abbreviationFamilyOf(catalog, res.indicator, written, unit.parts[b!.part].text, bf.start, bf.end) : abbreviationFamily(catalog, res.indicator)) : null;
  const familyRef = (fig?: Figure): Indicator[] => (family ? [familyChoice(family, b && reading ? subjectPicks(unit, reading, n, b, family, fig) : [], b && reading ? (fig ?? reading.figs[b.part][b.fig]) : undefined)!] : []);
  // A count's name with a percent: the growth or share its figure says (catalog/count-members.ts), as analyze.ts reads it.
  const asCount = (fig?: Figure) => 'indicator' in res && b && reading && countMember(catalog, res.indicator, fig ?? reading.figs[b.part][b.fig]) === n.indicator;
  // An index's bare name bound to a rank: the index's rank (catalog/index-rank.ts), as analyze.ts reads it.
  const asRank = (fig?: Figure) => !!b && !!reading && rankOfIndexName(catalog, res, fig ?? reading.figs[b.part][b.fig]) === n.indicator;
  // A rank bound to a name of no ranking: that ranking's entry (bound-measure.ts rankOfName), as analyze.ts reads it.
  const asRanking = () => !!bf && 'indicator' in res && rankOfName(catalog, res.indicator, { kind: bf.kind, value: bf.value, scope: reading!.prose?.reading.figures[b!.fig]?.scope }) === n.indicator;
  const resolved = family
    ? picksHere(familyRef()) && picksHere(familyRef(plainFig))
    : 'indicator' in res && (res.indicator === n.indicator || (asCount() && asCount(plainFig)) || (asRank() && asRank(plainFig)) || asRanking());
  // A pillar's short words ("trụ cột pháp lý"): the checker reads the pillar the scope names (pillar-words.ts).
  const pillar = () => res.kind === 'unknown' && !suffix && pillarOfWords(catalog, text, unit, written)?.pick === n.indicator;
  // A counted noun alone ("22,14 triệu thuê bao"): the checker reads the entry its sentence settles (counted-words.ts).
  const counted = () => {
    if (res.kind !== 'unknown' || suffix || !b || !plainFig) return false;
    const base = unit.parts[b.part].start;
    return countedOfWords(catalog, text, unit, { start, end }, written, { ...plainFig, start: base + plainFig.start, end: base + plainFig.end })?.pick === n.indicator && readAsMarked(text, base + plainFig.numeralStart, start, written);
  };
  // Words siblings' names share, told apart before them ("Với mạng di động, tốc độ tải xuống trung bình"): the checker reads that sibling (sibling-words.ts).
  const sibling = () => res.kind === 'unknown' && !suffix && !!b && siblingOfWords(catalog, text, unit, { start, end }, written)?.pick === n.indicator;
  // A channel without its head noun ("qua mã QR tăng 50,94%"): the checker reads the growth entry its section names (channel-words.ts).
  const channel = () => {
    if (res.kind !== 'unknown' || suffix || !b || !plainFig) return false;
    const base = unit.parts[b.part].start;
    return channelOfWords(catalog, text, { start, end }, written, { ...plainFig, start: base + plainFig.start, end: base + plainFig.end })?.pick === n.indicator;
  };
  const wrappable = (resolved || (picksHere(subjectRef()) && picksHere(subjectRef(plainFig))) || pillar() || counted() || sibling() || channel()) && !/[\r\n]/.test(written);
  const kind = !n.cand.exact ? 'fuzzy' : n.cand.label.kind === 'canonical' ? 'exact' : n.cand.label.kind;
  let figure: MentionFigure | null = null;
  let period: Mention['period'] = null;
  // One name, two currencies (catalog/currency-members.ts): a figure in another currency than the
  // named entry's is its family's entry in that currency, as the checker reads the mark; canonical
  // mode writes that entry's name ("… 1,71 triệu tỷ đồng, tương đương 72,9 tỷ USD": the đồng series).
  let indicator = n.indicator;
  if (b && reading) {
    const f = reading.figs[b.part][b.fig];
    const base = unit.parts[b.part].start;
    // Report the figure as written in the unmarked text (its unit may be part of the name).
    const plain = plainFigs[b.part].find((p) => p.numeralStart === f.numeralStart) ?? f;
    figure = { raw: plain.raw, numeral: plain.numeral, value: plain.value, unit: plain.unit, kind: plain.kind, start: base + plain.start, end: base + plain.end, range: lines.range(base + plain.start, base + plain.end) };
    if (!suffix) indicator = currencyMember(catalog, indicator, plain) ?? indicator;
    if (b.period) {
      const ps = unit.parts[b.period.part].start + b.period.start;
      const pe = unit.parts[b.period.part].start + b.period.end;
      period = { code: b.period.code, raw: text.slice(ps, pe), range: lines.range(ps, pe) };
    }
  }
  const edit = (s: number, e: number, newText: string): MarkupEdit => ({ start: s, end: e, range: lines.range(s, e), newText });
  const mention: Mention = {
      start,
      end,
      range: lines.range(start, end),
      text: written,
      indicator,
      label: n.cand.label.text,
      kind,
      score: n.cand.score,
      ...(n.compiler ? { compiler: n.compiler } : {}),
      ...(n.seriesBy ? { seriesBy: n.seriesBy } : {}),
      wrappable,
      figure,
      period,
      sentence: { start: unit.start, end: unit.end },
      canonicalSpan: { start, end },
      edits(m: MarkMode): MarkupEdit[] {
        // A name inserted where the sentence has none (unnamed.ts): its space is inside the mark.
        if (m === 'canonical') {
          const { start: s, end: e } = mention.canonicalSpan;
          // (a name other entries share gets its compiler's code: "[[Tỷ trọng kinh tế số trong GDP @ TCTK]]")
          const name = suffix ? `${indicator.name}${suffix}` : catalog.referenceName(indicator);
          return [edit(s, e, s === e ? `[[${name} ]]` : `[[${name}]]`)];
        }
        // Two insertions around the words, whatever they are: wrap never replaces a byte.
        return [edit(start, start, '[['), edit(end, end, `${suffix}]]`)];
      },
  };
  return { mention };
}

/**
 * Wrap mode marks only what `[[words as written]]` resolves, never across a line: a mention that
 * cannot be wrapped (a line break inside the name, words that do not resolve) is listed as
 * `variant-name`, whichever way it was found (bound to a figure, or a plain or carried mention).
 */
export function listUnwrappable<T>(mode: MarkMode, o: { mention: Mention } | null, amb: (reason: 'variant-name', figures: string[], message: AmbiguousCase['message']) => T): { mention: Mention } | T | null {
  return o && mode === 'wrap' && !o.mention.wrappable ? amb('variant-name', o.mention.figure ? [o.mention.figure.raw] : [], variantMessage(o.mention)) : o;
}

/** At most this many of the writer's words are taken into a canonical mark on either side. */
const MAX_ABSORBED = 4;

/**
 * Canonical mode writes the canonical name over the matched words. When the words matched a name
 * that lacks words the writer put right next to them, and the canonical name says those words at
 * its start or end ("Tỷ lệ" before the alias "hộ gia đình sử dụng cáp quang" of "Tỷ lệ hộ gia
 * đình sử dụng Internet cáp quang"), the mark would repeat them ("tỷ lệ [[Tỷ lệ …]]"): the mark
 * takes them in instead (they are words of the name it writes). Only plain words of the same
 * sentence (no numeral), separated by spaces alone (no line break, no punctuation), never a word
 * of another name of the unit, and only where the matched words go on with the canonical name's
 * next word (the name and the writer's words line up). Sets `canonicalSpan` of each of `marks`.
 */
export function absorbNameWords(unit: ProseUnit, marks: Mention[], others: Array<{ start: number; end: number }>): void {
  const busy = [...others, ...marks.map((m) => ({ start: m.start, end: m.end }))];
  // (a candidate spanning the mark's own words is this name read longer, "Chỉ số chuyển đổi số cấp
  // tỉnh" around "Chỉ số chuyển đổi số": no other name)
  const free = (s: number, e: number, self: Mention) => !busy.some((o) => !(o.start <= self.start && self.end <= o.end) && o.start < e && s < o.end);
  for (const m of marks) {
    if (m.start === m.end) continue;
    const part = unit.parts.find((p) => p.start <= m.start && m.end <= p.start + p.text.length);
    if (!part) continue;
    const name = tokenize(m.indicator.name).map((t) => t.folded);
    const written = tokenize(part.text.slice(m.start - part.start, m.end - part.start)).map((t) => t.folded);
    if (!written.length || name.length < 2) continue;
    const words = tokenize(part.text);
    const plain = (k: number) => !/\p{N}/u.test(words[k].raw);
    const gap = (a: number, b: number) => /^[ \t\u00a0]+$/.test(part.text.slice(a, b));
    let start = m.start;
    // Before: the last k words before the mark are the name's first k, and the mark's words are its next.
    const first = words.findIndex((t) => part.start + t.start >= m.start);
    for (let k = Math.min(MAX_ABSORBED, name.length - 1, first); k >= 1; k--) {
      if (written[0] !== name[k]) continue;
      const run = words.slice(first - k, first);
      if (!run.every((t, j) => t.folded === name[j] && plain(first - k + j))) continue;
      if (!run.every((t, j) => gap(t.end, j + 1 < run.length ? run[j + 1].start : m.start - part.start))) continue;
      const s = part.start + run[0].start;
      if (!free(s, m.start, m)) continue;
      start = s;
      break;
    }
    let end = m.end;
    // After: the first k words after the mark are the name's last k, and the mark's words end on the word before them.
    const next = words.findIndex((t) => part.start + t.start >= m.end);
    if (next >= 0)
      for (let k = Math.min(MAX_ABSORBED, name.length - 1, words.length - next); k >= 1; k--) {
        if (written[written.length - 1] !== name[name.length - k - 1]) continue;
        const run = words.slice(next, next + k);
        if (!run.every((t, j) => t.folded === name[name.length - k + j] && plain(next + j))) continue;
        if (!run.every((t, j) => gap(j === 0 ? m.end - part.start : run[j - 1].end, t.start))) continue;
        const e = part.start + run[run.length - 1].end;
        if (!free(m.end, e, m)) continue;
        end = e;
        break;
      }
    m.canonicalSpan = { start, end };
  }
}

export function ambiguousCase(run: MentionRun, unit: ProseUnit, n: Named, reason: AmbiguousCase['reason'], figures: string[], message: AmbiguousCase['message'], fix?: AmbiguousCase['fix']): AmbiguousCase {
  const start = unit.parts[n.part].start + n.cand.start;
  const end = unit.parts[n.part].start + n.cand.end;
  return { start, end, range: run.lines.range(start, end), text: run.text.slice(start, end), reason, message, candidates: n.candidates, figures, ...(fix ? { fix } : {}) };
}

/**
 * The figure at `numeral` still read once the words after it are marked (`N [[words]]`), as the
 * checker reads the marked text: "chuyển đổi số 13 [[bộ, ngành]]" reads "số 13" as a label, no figure
 * (reading.md §43). The 40 characters before the figure, from a word's start.
 */
function readAsMarked(text: string, numeral: number, start: number, written: string): boolean {
  if (numeral >= start) return true;
  let s = Math.max(0, numeral - 40);
  while (s > 0 && s < numeral && !/\s/.test(text[s - 1])) s++;
  return readFigures(`${text.slice(s, start)}[[${written}]]`).some((f) => f.numeralStart === numeral - s);
}
