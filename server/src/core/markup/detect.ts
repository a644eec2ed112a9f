/**
 * The detector: indicators named in unmarked prose, each bound to its figure, and the cases it
 * leaves unmarked because it is not sure. Pure: text and catalog in, mentions and cases out.
 *
 * Per sentence (or table row) of the prose (see prose.ts):
 * 1. names: catalog names, aliases and abbreviations over folded tokens (match.ts); overlapping
 *    candidates compete on score × covered weight, so the longest good name wins; two names of
 *    different indicators on the same words with close ranks → `two-names`; a name several series
 *    share takes the compiler named in the sentence or, failing that, the nearest one before it in
 *    the paragraph, else → `shared-name`.
 * 2. figure: with the names masked, as the parser will mask them: the first figure after the name
 *    in the same clause (at most eight words between, no comma or parenthesis, period phrases
 *    aside), or the figure right before it when no figure follows in the sentence — exactly the
 *    dialect's binding rule. A figure right before the name with another figure after it →
 *    `figure-before-name` (with a suggested reference inserted before the figure); a change first
 *    and a fitting level after it → `two-figures`; a first figure that does not fit the indicator's
 *    unit → `figure-does-not-fit`; a bare year-like or document-like number, or a sentence whose
 *    period would come from a date beside a cited document → `document-number-or-date`.
 * 3. verification: the marks are applied and the result re-parsed with parseReport; a mention whose
 *    reference does not bind to the intended figure, or whose written name does not resolve to the
 *    indicator, becomes `binding`.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { registerCache } from '../caches';
import { chunksOf, parseReport } from '../parse/document';
import { readFigures } from '../parse/figures';
import { readPeriods } from '../parse/periods';
import { LineIndex } from '../text';
import type { Figure } from '../types';
import { byRank, findNames, type Blocked, type NameCandidate } from './match';
import { nameIndex, tokenize, type Token } from './name-index';
import { proseUnits, type ProsePart, type ProseUnit } from './prose';
import type { AmbiguousCase, DetectOptions, MarkMode, MarkupEdit, MarkupResult, Mention, MentionFigure } from './types';

const DEFAULT_THRESHOLD = 0.8;
/** Words allowed between a name and the figure after it (period phrases not counted). */
const MAX_GAP_WORDS = 8;
/** A candidate this close (rank ratio) to the best one on the same words makes the name ambiguous. */
const CLOSE_RANK = 0.92;
const DOCUMENT_WORDS = /(?:^|[^\p{L}])(quyết định|nghị định|nghị quyết|thông tư|công văn|chỉ thị|kế hoạch|văn bản|điều|khoản|số)\s*$/iu;
const DOCUMENT_CITATION = /\d+\/(?:\d{4}\/)?[A-ZĐ]{1,6}[-–][A-ZĐ]|(?:^|[^\p{L}])(?:quyết định|nghị định|nghị quyết|thông tư|công văn|chỉ thị)\s+(?:số\s+)?\d/iu;

/** A name the detector settled on, before its figure is known. */
interface Named {
  cand: NameCandidate;
  part: number;
  indicator: Indicator;
  /** Every indicator the words may name (one unless `why`). */
  candidates: Indicator[];
  compiler?: string;
  /** Set when the words cannot be settled on one indicator. */
  why?: 'two-names' | 'shared-name';
}

/** A mention waiting for verification. */
interface Pending {
  mention: Mention;
  /** Absolute offset of the intended figure's numeral, or -1 for a plain mention. */
  numeralStart: number;
}

/**
 * Per name index (one per catalog), the units (their words, as a key) that name no unmarked
 * indicator: a keystroke re-detects only the sentence it changed. Bounded.
 */
let nothingNamed = new WeakMap<object, Set<string>>();
const MAX_NOTHING_NAMED = 50_000;
/** The same, by the cached unit object (parse/chunks.ts keeps it while its chunk is cached). */
let unitNamesNothing = new WeakMap<ProseUnit, { idx: object; threshold: number }>();
registerCache(() => {
  nothingNamed = new WeakMap();
  unitNamesNothing = new WeakMap();
});

export function detectMentions(text: string, catalog: Catalog, options: DetectOptions = {}): MarkupResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const mode: MarkMode = options.mode ?? 'wrap';
  const idx = nameIndex(catalog);
  const lines = new LineIndex(text);
  // Figures already bound by existing references: never bound twice (parsed when first needed:
  // only a sentence with a reference can have one).
  let bound: Set<number> | null = null;
  const isBound = (offset: number): boolean => {
    if (!bound) {
      bound = new Set();
      const doc = options.doc ?? parseReport(text, 'untitled:markup');
      for (const r of doc.references) if (r.figure) bound.add(lines.offsetAt(r.figure.numeralRange.start));
    }
    return bound.has(offset);
  };

  const ambiguous: AmbiguousCase[] = [];
  const pending: Pending[] = [];
  const units = proseUnits(text, options.doc && chunksOf(options.doc));
  for (const unit of units) {
    if (options.range && (unit.end <= options.range.start || unit.start >= options.range.end)) continue;
    if (unit.headerRow) continue;
    detectInUnit(unit);
  }
  const mentions = verify();
  mentions.sort((a, b) => a.start - b.start);
  ambiguous.sort((a, b) => a.start - b.start);
  return { mentions, ambiguous };

  function detectInUnit(unit: ProseUnit): void {
    // Most sentences name no unmarked indicator: known from an earlier check of the same words,
    // first by the cached unit itself (no key to build), then by the words.
    const origin = unit.origin ?? unit;
    const seen = unitNamesNothing.get(origin);
    if (seen && seen.idx === idx && seen.threshold === threshold) return;
    const key = `${threshold}\u0003${unit.parts.map((p) => `${p.text}\u0001${text.slice(p.start, p.start + p.text.length)}\u0001${p.refs.map((r) => r.inner).join('\u0002')}`).join('\u0003')}`;
    let known = nothingNamed.get(idx);
    if (!known) nothingNamed.set(idx, (known = new Set()));
    if (known.has(key)) {
      unitNamesNothing.set(origin, { idx, threshold });
      return;
    }
    if (!findNamed(unit)) {
      if (known.size >= MAX_NOTHING_NAMED) known.clear();
      known.add(key);
      unitNamesNothing.set(origin, { idx, threshold });
    }
  }

  /** Detects in one unit; false if it names no indicator that is not marked already. */
  function findNamed(unit: ProseUnit): boolean {
    // Indicators already marked in this sentence are not marked again.
    const marked = new Set<Indicator>();
    for (const p of unit.parts) {
      for (const r of p.refs) {
        const m = catalog.resolve(r.inner);
        if ('indicator' in m) marked.add(m.indicator);
        else if (m.kind === 'ambiguous') for (const c of m.candidates) marked.add(c);
      }
    }
    const named: Named[] = [];
    const plainFigs: Figure[][] = [];
    unit.parts.forEach((part, k) => {
      const tokens = tokenize(part.text);
      const plain = safe(() => readFigures(part.text), []);
      plainFigs.push(plain);
      const periodSpans = safe(() => readPeriods(part.text, { all: true }), []).map((p): [number, number] => [p.start, p.end]);
      const blocked: Blocked = {
        numerals: [...plain.map((f): [number, number] => [f.numeralStart, f.numeralEnd]), ...periodSpans],
        prefixes: plain.map((f): [number, number] => [f.start, f.numeralStart]),
      };
      const original = text.slice(part.start, part.start + part.text.length);
      const cands = findNames(part.text, tokens, idx, blocked, threshold, original).sort(byRank);
      const taken: NameCandidate[] = [];
      const clashes = new Map<NameCandidate, NameCandidate[]>();
      for (const c0 of cands) {
        let c = c0;
        if (taken.some((t) => c.start < t.end && c.end > t.start)) {
          const over = taken.find((t) => c.start < t.end && c.end > t.start)!;
          const sameSeries = over.label.shared.includes(c.label.indicator);
          const contained = c.start >= over.start && c.end <= over.end && (c.start > over.start || c.end < over.end);
          if (!sameSeries && !contained && c.rank >= CLOSE_RANK * over.rank) {
            const list = clashes.get(over) ?? [];
            if (!list.some((x) => x.label.indicator === c.label.indicator)) list.push(c);
            clashes.set(over, list);
          }
          continue;
        }
        // An exact name of the same indicator (or of a series sharing its name) on these words, if
        // nearly as good, beats a fuzzy one: it keeps the words as written.
        if (!c.exact) {
          const exact = cands.find((e) => e.exact && e.label.shared.includes(c.label.indicator) && e.start < c.end && e.end > c.start && e.rank >= 0.75 * c.rank);
          if (exact && !taken.some((t) => exact.start < t.end && exact.end > t.start)) c = exact;
        }
        taken.push(c);
      }
      for (const c of taken) {
        const others = clashes.get(c);
        const candidates = others?.length ? unique([c.label.indicator, ...others.map((o) => o.label.indicator)]) : c.label.shared;
        if (candidates.some((i) => marked.has(i))) continue;
        if (others?.length) {
          named.push({ cand: c, part: k, indicator: c.label.indicator, candidates, why: 'two-names' });
          continue;
        }
        if (c.label.shared.length > 1) {
          const pick = pickCompiler(unit, part, c, c.label.shared);
          if (!pick) named.push({ cand: c, part: k, indicator: c.label.indicator, candidates, why: 'shared-name' });
          else named.push({ cand: c, part: k, indicator: pick.indicator, candidates: [pick.indicator], compiler: pick.code });
          continue;
        }
        named.push({ cand: c, part: k, indicator: c.label.indicator, candidates: [c.label.indicator] });
      }
    });
    if (!named.length) return false;
    named.sort((x, y) => x.part - y.part || x.cand.start - y.cand.start);

    // Figures as the parser will read them once the names are marked (a reference reads as spaces).
    const bindTexts = unit.parts.map((part, k) => {
      let s = part.text;
      for (const n of named) if (n.part === k) s = s.slice(0, n.cand.start) + ' '.repeat(n.cand.end - n.cand.start) + s.slice(n.cand.end);
      return s;
    });
    const figs = bindTexts.map((s) => safe(() => readFigures(s), []));
    const periods = bindTexts.map((s) => safe(() => readPeriods(s), []));
    const abs = (k: number, offset: number): number => unit.parts[k].start + offset;
    const partOf = (f: Figure): number => figs.findIndex((list) => list.includes(f));

    // Per indicator, the first mention that can be marked; else its first ambiguous case.
    const outcome = new Map<Indicator, { pending?: Pending; ambiguous?: AmbiguousCase }>();
    const settle = (n: Named, r: { pending?: Pending; ambiguous?: AmbiguousCase }): void => {
      const key = n.indicator;
      const prev = outcome.get(key);
      if (!prev || (!prev.pending && r.pending)) outcome.set(key, r);
    };

    for (const n of named) {
      const part = unit.parts[n.part];
      const own = figs[n.part];
      const after = unit.table ? figs.slice(n.part + 1).flat() : own.filter((f) => f.start >= n.cand.end);
      const beforeList = unit.table && after.length ? [] : own.filter((f) => f.end <= n.cand.start && bindTexts[n.part].slice(f.end, n.cand.start).trim() === '');
      const before = beforeList[beforeList.length - 1];
      const nextName = named.find((o) => o.part > n.part || (o.part === n.part && o.cand.start >= n.cand.end));
      const nextAt = nextName ? abs(nextName.part, nextName.cand.start) : Infinity;
      const words = slice(part, n.cand);
      const amb = (reason: AmbiguousCase['reason'], figures: string[], message: AmbiguousCase['message'], fix?: AmbiguousCase['fix']): void =>
        settle(n, { ambiguous: ambiguousCase(part, n.cand, reason, n.candidates, figures, message, fix) });

      // The figure the words are about.
      let figure: Figure | null = null;
      if (before && !after.length) {
        if (n.why) {
          amb(n.why, [before.raw], nameMessage(n, words));
          continue;
        }
        figure = before;
      } else if (before && after.length) {
        if (n.why) {
          amb(n.why, [before.raw], nameMessage(n, words));
          continue;
        }
        const insertAt = abs(n.part, before.start);
        const refText = `[[${n.indicator.name}${n.compiler ? ` @ ${n.compiler}` : ''}]] `;
        amb('figure-before-name', [before.raw, after[0].raw], msg(
          `"${words}" đứng sau số liệu "${before.raw}" của nó, nhưng trong câu còn số liệu "${after[0].raw}": đánh dấu tại chỗ sẽ gắn nhầm số liệu sau.`,
          `"${words}" follows its figure "${before.raw}", but "${after[0].raw}" comes later in the sentence: a mark in place would bind that one.`,
        ), {
          title: msg(`Chèn [[${n.indicator.name}]] trước "${before.raw}"`, `Insert [[${n.indicator.name}]] before "${before.raw}"`),
          edits: [edit(insertAt, insertAt, refText)],
        });
        continue;
      } else if (after.length) {
        const f1 = after[0];
        const f1Part = unit.table ? partOf(f1) : n.part;
        // Another name between the name and the figure: the figure is that one's.
        if (nextAt < abs(f1Part, f1.start)) continue;
        if (!unit.table && !closeEnough(bindTexts[n.part], n.cand.end, f1.start, periods[n.part])) continue;
        if (n.why) {
          amb(n.why, [f1.raw], nameMessage(n, words));
          continue;
        }
        if (!fits(n.indicator, f1)) {
          amb('figure-does-not-fit', [f1.raw], msg(
            `Số liệu đầu tiên sau "${words}" là "${f1.raw}", không hợp với đơn vị của chỉ tiêu (${n.indicator.unit}).`,
            `The first figure after "${words}" is "${f1.raw}", which does not fit the indicator's unit (${n.indicator.unit}).`,
          ));
          continue;
        }
        const f2 = after[1];
        if (f2 && f1.change && n.indicator.measure !== 'growth' && !f2.change && abs(unit.table ? partOf(f2) : n.part, f2.start) < nextAt && fits(n.indicator, f2)) {
          amb('two-figures', [f1.raw, f2.raw], msg(
            `"${words}": hai số liệu có thể là của chỉ tiêu, "${f1.raw}" (thay đổi) và "${f2.raw}" (mức); đánh dấu sẽ gắn với số đầu.`,
            `"${words}": two figures may be the indicator's, "${f1.raw}" (a change) and "${f2.raw}" (a level); a mark binds the first.`,
          ));
          continue;
        }
        figure = f1;
      } else if (!options.plainMentions || n.why) continue;

      let figurePart = n.part;
      if (figure) {
        figurePart = unit.table ? partOf(figure) : n.part;
        const fPart = unit.parts[figurePart];
        const why = documentLike(fPart.text, figure) ?? dateBesideDocument(unit, periods, figurePart);
        if (why) {
          amb('document-number-or-date', [figure.raw], why);
          continue;
        }
        if (unit.parts.some((q) => q.refs.length) && isBound(abs(figurePart, figure.numeralStart))) continue;
      }
      settle(n, { pending: makePending(unit, n, figure ? { fig: figure, part: unit.parts[figurePart], plain: plainFigs[figurePart] } : null) });
    }
    for (const r of outcome.values()) {
      if (r.pending) pending.push(r.pending);
      else if (r.ambiguous) ambiguous.push(r.ambiguous);
    }
    return true;
  }

  function nameMessage(n: Named, words: string): AmbiguousCase['message'] {
    if (n.why === 'two-names')
      return msg(
        `"${words}" có thể là ${n.candidates.map((i) => `"${i.name}"`).join(' hoặc ')}: chưa đánh dấu.`,
        `"${words}" may name ${n.candidates.map((i) => `"${i.name}"`).join(' or ')}: left unmarked.`,
      );
    const series = n.candidates.map((i) => i.compiler ?? i.id).join('; ');
    return msg(
      `"${words}" là tên chung của nhiều chuỗi số liệu (${series}); đoạn văn không nêu cơ quan biên soạn.`,
      `"${words}" is the name of several series (${series}); the paragraph names no compiler.`,
    );
  }

  function pickCompiler(unit: ProseUnit, part: ProsePart, c: NameCandidate, shared: Indicator[]): { indicator: Indicator; code: string } | null {
    const cues = idx.compilers.filter((x) => shared.includes(x.indicator));
    if (!cues.length) return null;
    const inText = (tokens: Token[]): Array<{ indicator: Indicator; code: string; at: number }> => {
      const hits: Array<{ indicator: Indicator; code: string; at: number }> = [];
      for (const cue of cues) {
        for (const seq of cue.cues) {
          for (let i = 0; i + seq.length <= tokens.length; i++) {
            if (seq.every((s, k) => tokens[i + k].folded === s)) hits.push({ indicator: cue.indicator, code: cue.code, at: tokens[i].start });
          }
        }
      }
      return hits;
    };
    const own = inText(tokenize(part.text)).filter((h) => h.at < c.start || h.at >= c.end);
    const ownIds = unique(own.map((h) => h.indicator));
    if (ownIds.length === 1) return own[0];
    if (ownIds.length > 1) return null;
    // The paragraph before the sentence (at most 600 characters back): the nearest compiler named wins.
    const before = text.slice(Math.max(unit.blockStart, unit.start - 600), unit.start);
    const hits = inText(tokenize(before));
    if (!hits.length) return null;
    const last = Math.max(...hits.map((h) => h.at));
    const nearest = unique(hits.filter((h) => h.at === last).map((h) => h.indicator));
    return nearest.length === 1 ? hits.find((h) => h.at === last)! : null;
  }

  function makePending(unit: ProseUnit, n: Named, f: { fig: Figure; part: ProsePart; plain: Figure[] } | null): Pending {
    const part = unit.parts[n.part];
    const start = part.start + n.cand.start;
    const end = part.start + n.cand.end;
    const written = text.slice(start, end);
    const suffix = n.compiler ? ` @ ${n.compiler}` : '';
    const res = catalog.resolve(written + suffix);
    const resolves = 'indicator' in res && res.indicator === n.indicator && (res.kind === 'canonical' || res.kind === 'alias' || res.kind === 'abbreviation');
    const wrappable = resolves && !/[\r\n]/.test(written);
    const kind = !n.cand.exact ? 'fuzzy' : n.cand.label.kind === 'canonical' ? 'exact' : n.cand.label.kind;
    let figure: MentionFigure | null = null;
    let numeralStart = -1;
    if (f) {
      // Report the figure as written in the unmarked text (its unit may be part of the name).
      const plain = f.plain.find((p) => p.numeralStart === f.fig.numeralStart) ?? f.fig;
      numeralStart = f.part.start + f.fig.numeralStart;
      figure = {
        raw: plain.raw,
        numeral: plain.numeral,
        value: plain.value,
        unit: plain.unit,
        kind: plain.kind,
        start: f.part.start + plain.start,
        end: f.part.start + plain.end,
        range: lines.range(f.part.start + plain.start, f.part.start + plain.end),
      };
    }
    const indicator = n.indicator;
    const label = n.cand.label.text;
    const mention: Mention = {
      start,
      end,
      range: lines.range(start, end),
      text: written,
      indicator,
      label,
      kind,
      score: n.cand.score,
      ...(n.compiler ? { compiler: n.compiler } : {}),
      wrappable,
      figure,
      period: null,
      sentence: { start: unit.start, end: unit.end },
      edits(m: MarkMode): MarkupEdit[] {
        if (m === 'canonical') return [edit(start, end, `[[${indicator.name}${suffix}]]`)];
        if (wrappable) return [edit(start, start, '[['), edit(end, end, `${suffix}]]`)];
        return [edit(start, end, `[[${label}${suffix}]]`)];
      },
    };
    return { mention, numeralStart };
  }

  /** Applies the marks, re-parses, keeps the mentions whose reference binds as intended. */
  function verify(): Mention[] {
    let current = pending;
    for (let round = 0; round < 3 && current.length; round++) {
      const edits = current.flatMap((p) => p.mention.edits(mode));
      const { text: markedText, map, unmap } = applyWithMaps(text, edits);
      const marked = parseReport(markedText, 'untitled:markup');
      const mLines = marked.lines;
      const refsAt = new Map<number, (typeof marked.references)[number]>();
      for (const r of marked.references) refsAt.set(mLines.offsetAt(r.range.start), r);
      const ok: Pending[] = [];
      const failed: Pending[] = [];
      for (const p of current) {
        const m = p.mention;
        const ref = refsAt.get(map(m.start, true));
        const res = ref ? catalog.resolve(ref.written) : null;
        const resolved = res && 'indicator' in res && res.indicator === m.indicator;
        const boundAt = ref?.figure ? mLines.offsetAt(ref.figure.numeralRange.start) : -1;
        const expected = p.numeralStart < 0 ? -1 : map(p.numeralStart, false);
        if (ref && resolved && boundAt === expected) {
          if (ref.periodSource === 'phrase' && ref.periodRange && ref.period) {
            const ps = unmap(mLines.offsetAt(ref.periodRange.start));
            const pe = unmap(mLines.offsetAt(ref.periodRange.end));
            m.period = { code: ref.period, raw: text.slice(ps, pe), range: lines.range(ps, pe) };
          }
          ok.push(p);
        } else failed.push(p);
      }
      for (const p of failed) {
        const m = p.mention;
        const got = ref0(p, refsAt, map);
        ambiguous.push({
          start: m.start,
          end: m.end,
          range: m.range,
          text: m.text,
          reason: 'binding',
          message: msg(
            `Sau khi đánh dấu, "${m.text}" sẽ gắn với ${got ? `"${got}"` : 'không số liệu nào'} thay vì "${m.figure?.raw ?? '—'}": chưa đánh dấu.`,
            `Once marked, "${m.text}" would bind to ${got ? `"${got}"` : 'no figure'} instead of "${m.figure?.raw ?? '—'}": left unmarked.`,
          ),
          candidates: [m.indicator],
          figures: m.figure ? [m.figure.raw] : [],
        });
      }
      if (!failed.length) return ok.map((p) => p.mention);
      current = ok;
    }
    return current.map((p) => p.mention);
  }

  function ref0(p: Pending, refsAt: Map<number, { figure: { raw: string } | null }>, map: (o: number, s: boolean) => number): string | null {
    return refsAt.get(map(p.mention.start, true))?.figure?.raw ?? null;
  }

  function ambiguousCase(
    part: ProsePart,
    c: NameCandidate,
    reason: AmbiguousCase['reason'],
    candidates: Indicator[],
    figures: string[],
    message: AmbiguousCase['message'],
    fix?: AmbiguousCase['fix'],
  ): AmbiguousCase {
    const start = part.start + c.start;
    const end = part.start + c.end;
    return { start, end, range: lines.range(start, end), text: text.slice(start, end), reason, message, candidates, figures, ...(fix ? { fix } : {}) };
  }

  function edit(start: number, end: number, newText: string): MarkupEdit {
    return { start, end, range: lines.range(start, end), newText };
  }
}

/** The text between a name and the figure after it is short and within one clause. */
function closeEnough(s: string, from: number, to: number, periods: Array<{ start: number; end: number }>): boolean {
  let gap = '';
  for (let i = from; i < to; i++) gap += periods.some((p) => i >= p.start && i < p.end) ? ' ' : s[i];
  if (/[,()“”"]/.test(gap)) return false;
  return tokenize(gap).length <= MAX_GAP_WORDS;
}

/** Whether a figure can be a value of the indicator (by unit class). */
export function fits(ind: Indicator, f: Figure): boolean {
  const change = !!f.change;
  switch (ind.unitClass) {
    case 'percent':
      return f.kind === 'percent' || f.kind === 'fraction' || f.unitClass === 'points' || f.unitClass === 'percent';
    case 'count':
      return f.kind === 'fraction' || (f.kind === 'number' && (f.unitClass === 'count' || (f.unitClass === 'none' && !f.unit))) || (change && f.unitClass === 'percent');
    case 'currency':
      return f.unitClass === 'currency' || (change && f.unitClass === 'percent');
    case 'rank':
      return f.kind === 'rank' || f.unitClass === 'rank' || (f.kind === 'number' && f.unitClass === 'none' && !f.unit);
    case 'index':
      return f.kind === 'number' && (f.unitClass === 'none' || f.unit === 'điểm') && (!f.unit || f.unit === 'điểm');
    default:
      return true;
  }
}

/** A bare number that may be a year or a document number rather than a figure. */
function documentLike(s: string, f: Figure): ReturnType<typeof msg> | null {
  const bare = f.kind === 'number' && !f.unit && !f.qualifier && !f.change && f.decimals === 0;
  if (!bare) return null;
  if (Number.isInteger(f.value) && f.value >= 1900 && f.value <= 2199)
    return msg(`"${f.raw}" có thể là một năm, không phải số liệu.`, `"${f.raw}" may be a year rather than a figure.`);
  if (DOCUMENT_WORDS.test(s.slice(Math.max(0, f.start - 30), f.start)))
    return msg(`"${f.raw}" có thể là số hiệu văn bản, không phải số liệu.`, `"${f.raw}" may be a document number rather than a figure.`);
  return null;
}

/** The sentence's period would come from a date next to a cited document ("Quyết định … ngày 4/4/2022"). */
function dateBesideDocument(unit: ProseUnit, periods: Array<Array<{ code: string; comparison: boolean; start: number; end: number }>>, k: number): ReturnType<typeof msg> | null {
  if (unit.table) return null;
  const first = periods[k].find((p) => !p.comparison);
  if (!first || !/^\d{4}-\d{2}-\d{2}$/.test(first.code)) return null;
  if (!DOCUMENT_CITATION.test(unit.parts[k].text)) return null;
  const raw = unit.parts[k].text.slice(first.start, first.end);
  return msg(
    `Câu có ngày "${raw}" cạnh một văn bản được trích dẫn: ngày đó sẽ thành kỳ của số liệu. Hãy tách câu trước khi đánh dấu.`,
    `The sentence has the date "${raw}" beside a cited document: it would become the figure's period. Split the sentence before marking.`,
  );
}

/** Applies edits (offsets into `text`); returns the new text and offset maps both ways. */
export function applyWithMaps(
  text: string,
  edits: MarkupEdit[],
): { text: string; map: (offset: number, atEditStart: boolean) => number; unmap: (offset: number) => number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  const marks: Array<{ start: number; end: number; newStart: number; newEnd: number }> = [];
  for (const e of sorted) {
    if (e.start < last) continue; // overlapping edits: keep the first
    out += text.slice(last, e.start);
    const newStart = out.length;
    out += e.newText;
    marks.push({ start: e.start, end: e.end, newStart, newEnd: out.length });
    last = e.end;
  }
  out += text.slice(last);
  /** Offset in the new text of an old offset; at an edit's start, `atEditStart` picks the edit's start. */
  const map = (o: number, atEditStart: boolean): number => {
    let delta = 0;
    for (const m of marks) {
      if (m.start > o || (m.start === o && atEditStart)) break;
      if (m.end > o) return m.newStart; // inside a replaced span
      delta = m.newEnd - m.end;
    }
    return o + delta;
  };
  const unmap = (n: number): number => {
    let delta = 0;
    for (const m of marks) {
      if (m.newStart >= n) break;
      if (m.newEnd > n) return m.start;
      delta = m.newEnd - m.end;
    }
    return n - delta;
  };
  return { text: out, map, unmap };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function slice(part: ProsePart, c: NameCandidate): string {
  return part.text.slice(c.start, c.end);
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

