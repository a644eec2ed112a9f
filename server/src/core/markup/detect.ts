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
 *    In `wrap` mode, words the dialect would not read as the indicator when wrapped as written (a
 *    fuzzy variant: a word inserted, missing, moved or misspelt; a name across a line break) →
 *    `variant-name`: wrap inserts `[[` and `]]` and never changes a word.
 * 3. verification: the marks are applied and the result re-parsed with parseReport; a mention whose
 *    reference does not bind to the intended figure, or whose written name does not resolve to the
 *    indicator, becomes `binding`.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { registerCache } from '../caches';
import { chunksOf, firstIndex, parseReport } from '../parse/document';
import { readFigures } from '../parse/figures';
import { readPeriods } from '../parse/periods';
import { LineIndex } from '../text';
import type { Figure } from '../types';
import { work } from '../work';
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
  /** Per part, the offsets where each compiler cue is named (pickCompiler). */
  const cueHits = new WeakMap<ProsePart, Map<(typeof idx.compilers)[number], number[][]>>();
  /** Per list of plain figures, each by the offset of its numeral (makePending). */
  const plainAt = new WeakMap<Figure[], Map<number, Figure>>();
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
      // Per token, the first taken name on it (a candidate spans whole tokens, so two overlap iff
      // they share a token), and the exact candidates on it in rank order: a lookup costs the
      // candidate's own tokens, not every name of the sentence.
      const takenOn = new Int32Array(tokens.length).fill(-1);
      const exactOn: number[][] = tokens.map(() => []);
      cands.forEach((e, k) => {
        if (e.exact) for (let t = e.first; t <= e.last; t++) exactOn[t].push(k);
      });
      const firstTaken = (c: NameCandidate): NameCandidate | undefined => {
        let min = -1;
        for (let t = c.first; t <= c.last; t++) {
          work.steps++;
          if (takenOn[t] >= 0 && (min < 0 || takenOn[t] < min)) min = takenOn[t];
        }
        return min < 0 ? undefined : taken[min];
      };
      for (const c0 of cands) {
        let c = c0;
        const over = firstTaken(c);
        if (over) {
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
          let best = -1;
          for (let t = c.first; t <= c.last; t++) {
            for (const k of exactOn[t]) {
              work.steps++;
              if (best >= 0 && k >= best) break;
              const e = cands[k];
              if (e.label.shared.includes(c.label.indicator) && e.rank >= 0.75 * c.rank) best = k;
            }
          }
          const exact = best >= 0 ? cands[best] : undefined;
          if (exact && !firstTaken(exact)) c = exact;
        }
        for (let t = c.first; t <= c.last; t++) if (takenOn[t] < 0) takenOn[t] = taken.length;
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
    // (named is in text order and its names do not overlap: one pass per part.)
    const namesOf: Named[][] = unit.parts.map(() => []);
    for (const n of named) namesOf[n.part].push(n);
    const bindTexts = unit.parts.map((part, k) => {
      if (!namesOf[k].length) return part.text;
      const pieces: string[] = [];
      let at = 0;
      for (const n of namesOf[k]) {
        pieces.push(part.text.slice(at, n.cand.start), ' '.repeat(n.cand.end - n.cand.start));
        at = n.cand.end;
      }
      pieces.push(part.text.slice(at));
      work.steps += part.text.length;
      return pieces.join('');
    });
    const figs = bindTexts.map((s) => safe(() => readFigures(s), []));
    const periods = bindTexts.map((s) => safe(() => readPeriods(s), []));
    const abs = (k: number, offset: number): number => unit.parts[k].start + offset;
    const partIndex = new Map<Figure, number>();
    figs.forEach((list, k) => list.forEach((f) => partIndex.set(f, k)));
    const partOf = (f: Figure): number => partIndex.get(f) ?? -1;
    // The figures of the parts from k on (a table row binds across its cells): the first two.
    const nextPartWithFigures: number[] = new Array(figs.length + 1).fill(-1);
    for (let k = figs.length - 1; k >= 0; k--) nextPartWithFigures[k] = figs[k].length ? k : nextPartWithFigures[k + 1];
    const firstTwoFrom = (k: number): Figure[] => {
      const j = nextPartWithFigures[k] ?? -1;
      if (j < 0) return [];
      if (figs[j].length > 1) return [figs[j][0], figs[j][1]];
      const j2 = nextPartWithFigures[j + 1] ?? -1;
      return j2 < 0 ? [figs[j][0]] : [figs[j][0], figs[j2][0]];
    };
    // Per part, where the run of white space that ends at each offset starts (a figure right
    // before a name has only white space between).
    const blankFrom = bindTexts.map((s) => {
      const from = new Int32Array(s.length + 1);
      for (let i = 1; i <= s.length; i++) from[i] = /\s/.test(s[i - 1]) ? from[i - 1] : i;
      work.steps += s.length;
      return from;
    });
    const documentDate = new Map<number, ReturnType<typeof msg> | null>();
    const dateBeside = (k: number): ReturnType<typeof msg> | null => {
      if (!documentDate.has(k)) documentDate.set(k, dateBesideDocument(unit, periods, k));
      return documentDate.get(k)!;
    };

    // Per indicator, the first mention that can be marked; else its first variant-name case (what
    // canonical mode would mark: listed, never dropped); else its first ambiguous case.
    const outcome = new Map<Indicator, { pending?: Pending; ambiguous?: AmbiguousCase }>();
    const standing = (r: { pending?: Pending; ambiguous?: AmbiguousCase }): number => (r.pending ? 2 : r.ambiguous?.reason === 'variant-name' ? 1 : 0);
    const settle = (n: Named, r: { pending?: Pending; ambiguous?: AmbiguousCase }): void => {
      const key = n.indicator;
      const prev = outcome.get(key);
      if (!prev || standing(r) > standing(prev)) outcome.set(key, r);
    };

    named.forEach((n, ni) => {
      work.steps++;
      const part = unit.parts[n.part];
      const own = figs[n.part];
      // (Figures are in text order and do not overlap: binary searches, not a pass per name.)
      const after = unit.table ? firstTwoFrom(n.part + 1) : firstTwo(own, firstIndex(own.length, (i) => own[i].start >= n.cand.end));
      let before: Figure | undefined;
      if (!(unit.table && after.length)) {
        const last = firstIndex(own.length, (i) => own[i].end > n.cand.start) - 1;
        if (last >= 0 && own[last].end >= blankFrom[n.part][n.cand.start]) before = own[last];
      }
      const nextName = named[ni + 1];
      const nextAt = nextName ? abs(nextName.part, nextName.cand.start) : Infinity;
      const words = slice(part, n.cand);
      const amb = (reason: AmbiguousCase['reason'], figures: string[], message: AmbiguousCase['message'], fix?: AmbiguousCase['fix']): void =>
        settle(n, { ambiguous: ambiguousCase(part, n.cand, reason, n.candidates, figures, message, fix) });

      // The figure the words are about.
      let figure: Figure | null = null;
      if (before && !after.length) {
        if (n.why) {
          amb(n.why, [before.raw], nameMessage(n, words));
          return;
        }
        figure = before;
      } else if (before && after.length) {
        if (n.why) {
          amb(n.why, [before.raw], nameMessage(n, words));
          return;
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
        return;
      } else if (after.length) {
        const f1 = after[0];
        const f1Part = unit.table ? partOf(f1) : n.part;
        // Another name between the name and the figure: the figure is that one's.
        if (nextAt < abs(f1Part, f1.start)) return;
        if (!unit.table && !closeEnough(bindTexts[n.part], n.cand.end, f1.start, periods[n.part])) return;
        if (n.why) {
          amb(n.why, [f1.raw], nameMessage(n, words));
          return;
        }
        if (!fits(n.indicator, f1)) {
          amb('figure-does-not-fit', [f1.raw], msg(
            `Số liệu đầu tiên sau "${words}" là "${f1.raw}", không hợp với đơn vị của chỉ tiêu (${n.indicator.unit}).`,
            `The first figure after "${words}" is "${f1.raw}", which does not fit the indicator's unit (${n.indicator.unit}).`,
          ));
          return;
        }
        const f2 = after[1];
        if (f2 && f1.change && n.indicator.measure !== 'growth' && !f2.change && abs(unit.table ? partOf(f2) : n.part, f2.start) < nextAt && fits(n.indicator, f2)) {
          amb('two-figures', [f1.raw, f2.raw], msg(
            `"${words}": hai số liệu có thể là của chỉ tiêu, "${f1.raw}" (thay đổi) và "${f2.raw}" (mức); đánh dấu sẽ gắn với số đầu.`,
            `"${words}": two figures may be the indicator's, "${f1.raw}" (a change) and "${f2.raw}" (a level); a mark binds the first.`,
          ));
          return;
        }
        figure = f1;
      } else if (!options.plainMentions || n.why) return;

      let figurePart = n.part;
      if (figure) {
        figurePart = unit.table ? partOf(figure) : n.part;
        const fPart = unit.parts[figurePart];
        const why = documentLike(fPart.text, figure) ?? dateBeside(figurePart);
        if (why) {
          amb('document-number-or-date', [figure.raw], why);
          return;
        }
        if (unit.parts.some((q) => q.refs.length) && isBound(abs(figurePart, figure.numeralStart))) return;
      }
      const p = makePending(unit, n, figure ? { fig: figure, part: unit.parts[figurePart], plain: plainFigs[figurePart] } : null);
      // Wrap mode never changes the words: a variant the dialect would not resolve as written is
      // listed, not rewritten (canonical mode replaces the words inside the marks).
      if (mode === 'wrap' && !p.mention.wrappable) {
        amb('variant-name', p.mention.figure ? [p.mention.figure.raw] : [], variantMessage(p.mention));
        return;
      }
      settle(n, { pending: p });
    });
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

  function variantMessage(m: Mention): AmbiguousCase['message'] {
    if (/[\r\n]/.test(m.text))
      return msg(
        `"${m.text}" là chỉ tiêu "${m.indicator.name}" nhưng tên bị ngắt dòng; dấu [[...]] không qua được dòng mới và chế độ wrap không sửa chữ của người viết: chưa đánh dấu.`,
        `"${m.text}" is the indicator "${m.indicator.name}" but the name runs across a line break; a [[...]] mark cannot span lines and wrap mode does not change the writer's words: left unmarked.`,
      );
    return msg(
      `"${m.text}" giống tên "${m.label}" của chỉ tiêu "${m.indicator.name}" nhưng không phải tên, tên khác hay viết tắt trong danh mục (có từ chèn thêm, thiếu, đổi chỗ hoặc gõ sai), nên [[${m.text}]] sẽ không tra ra chỉ tiêu; chế độ wrap không sửa chữ của người viết: chưa đánh dấu. Thêm cách viết này làm tên khác (aliases) trong .policy-report/indicators.yaml, hoặc dùng --mode canonical.`,
      `"${m.text}" resembles "${m.label}", a name of "${m.indicator.name}", but is not a name, alias or abbreviation of the catalog (a word inserted, missing, moved or misspelt), so [[${m.text}]] would not resolve; wrap mode does not change the writer's words: left unmarked. Add this wording as an alias in .policy-report/indicators.yaml, or use --mode canonical.`,
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
    // The compilers named in the sentence outside the name: per cue and word sequence, the offsets
    // where it is named (found once per part, then two binary searches per name: a sentence of
    // many shared names and many compilers must not cost names × compilers).
    let named = cueHits.get(part);
    if (!named) {
      const tokens = tokenize(part.text);
      named = new Map(idx.compilers.map((cue) => [cue, cue.cues.map((seq) => {
        const at: number[] = [];
        for (let i = 0; i + seq.length <= tokens.length; i++) {
          work.steps++;
          if (seq.every((s, k) => tokens[i + k].folded === s)) at.push(tokens[i].start);
        }
        return at;
      })]));
      cueHits.set(part, named);
    }
    let own: { indicator: Indicator; code: string; at: number } | null = null;
    const ownIds = new Set<Indicator>();
    for (const cue of cues) {
      for (const at of named.get(cue) ?? []) {
        work.steps++;
        // Offsets outside [c.start, c.end): the first one, if any.
        const inFrom = firstIndex(at.length, (i) => at[i] >= c.start);
        const inTo = firstIndex(at.length, (i) => at[i] >= c.end);
        if (inTo - inFrom === at.length) continue;
        ownIds.add(cue.indicator);
        if (!own) own = { indicator: cue.indicator, code: cue.code, at: inFrom > 0 ? at[0] : at[inTo] };
      }
    }
    if (ownIds.size === 1) return own;
    if (ownIds.size > 1) return null;
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
    // The dialect reads `[[words as written]]` as the indicator: a name, alias or abbreviation, or
    // one typed without its accents (the checker then says so: unaccented-name); never across a line.
    const res = catalog.resolve(written + suffix);
    const wrappable = 'indicator' in res && res.indicator === n.indicator && !/[\r\n]/.test(written);
    const kind = !n.cand.exact ? 'fuzzy' : n.cand.label.kind === 'canonical' ? 'exact' : n.cand.label.kind;
    let figure: MentionFigure | null = null;
    let numeralStart = -1;
    if (f) {
      // Report the figure as written in the unmarked text (its unit may be part of the name).
      let byNumeral = plainAt.get(f.plain);
      if (!byNumeral) {
        byNumeral = new Map();
        for (const p of f.plain) if (!byNumeral.has(p.numeralStart)) byNumeral.set(p.numeralStart, p);
        plainAt.set(f.plain, byNumeral);
      }
      const plain = byNumeral.get(f.fig.numeralStart) ?? f.fig;
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
        // Two insertions around the words, whatever they are: wrap never replaces a byte.
        return [edit(start, start, '[['), edit(end, end, `${suffix}]]`)];
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
  // The period phrases that meet [from, to) become spaces (readPeriods gives them in text order,
  // apart): a binary search and one pass over the gap, not a pass over the phrases per character.
  const pieces: string[] = [];
  let at = from;
  for (let k = firstIndex(periods.length, (i) => periods[i].end > from); k < periods.length && periods[k].start < to; k++) {
    const a = Math.max(at, periods[k].start);
    const b = Math.min(to, periods[k].end);
    if (b <= a) continue;
    pieces.push(s.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  pieces.push(s.slice(at, Math.max(at, to)));
  work.steps += Math.max(0, to - from);
  const gap = pieces.join('');
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
  // The marks are in order and apart (old and new offsets alike): each lookup is a binary search
  // (verification maps every mention: a pass over the marks each would cost mentions²).
  /** Offset in the new text of an old offset; at an edit's start, `atEditStart` picks the edit's start. */
  const map = (o: number, atEditStart: boolean): number => {
    // The marks that start before o (or at o, unless atEditStart); only the last may hold o.
    const j = firstIndex(marks.length, (i) => marks[i].start > o || (marks[i].start === o && atEditStart));
    if (j === 0) return o;
    const m = marks[j - 1];
    if (m.end > o) return m.newStart; // inside a replaced span
    return o + m.newEnd - m.end;
  };
  const unmap = (n: number): number => {
    const j = firstIndex(marks.length, (i) => marks[i].newStart >= n);
    if (j === 0) return n;
    const m = marks[j - 1];
    if (m.newEnd > n) return m.start;
    return n - (m.newEnd - m.end);
  };
  return { text: out, map, unmap };
}

/** The figures at i and i + 1 of a list (without copying the rest). */
function firstTwo(list: Figure[], i: number): Figure[] {
  return list.slice(i, i + 2);
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

