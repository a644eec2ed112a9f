/**
 * What stands around a numeral: the words before it (qualifier, change, growth, rank, scale, label)
 * and after it (multiplier, unit, rate suffix). figures.ts decides the figure from these readings.
 */
import { placesSubject } from './rank-subject';
import { listedProvinceRank } from './subject-list';
import { seriesRank } from './period-series';
import { groupSize, ordinalAfterCopula, participantCount, rankAfterCopula, rankedCount } from './rank-copula';
import type { FigureChange, Qualifier } from '../types';
import type { ScannedPeriod } from './periods';
import { BACK_TABLE, byFirstUnit, byLastWord, COMPOUNDS, CURRENCIES, gluedMeasure, LABEL_BEFORE, LABEL_TAILS, MEASURES, MULTIPLIERS, NOT_AFTER_DONG, NOT_AFTER_TY, OPENING_VERBS, RANK_BEFORE, SCALE_BEFORE, STOP, TERMS, VERB_COMPOUNDS, type BackRole } from './figure-words';
import { isDigit, isLetter, isSpace, isAlnum, MAX_WORD, ScanCursor, type UnitRead, type Word } from './figure-cursor';
import { anaphorHeadBefore } from './anaphor';
import { holdShapes } from '../held-shapes';

export interface Before {
  rank: boolean;
  /** "cấp độ 6/10": a level on a scale. */
  scale: boolean;
  top: boolean;
  label: boolean;
  /** A label only when no unit follows ("số 2", "Ninh Thuận 1"). */
  weakLabel: boolean;
  qualifier: Qualifier | null;
  change: FigureChange | null;
  growth: boolean;
  negative: boolean;
  /** Offset where the figure's raw text begins (normalized string). */
  rawStart: number;
  /** Anything that qualifies the numeral (qualifier, change, growth, filler) was found. */
  qualified: boolean;
}

/**
 * Before the "thứ" of a listed rank: a rank ("xếp thứ 18", "đứng thứ 7", "vị trí thứ 5", "xếp hạng
 * 20"), up to four words (its scope or subject: "thứ 50 trên thế giới về [[A]] và thứ 44 về [[B]]"),
 * then "và" or "," (the list goes on), perhaps after other listed ordinals ("xếp thứ 12 về [[A]], thứ 13
 * về [[B]] và thứ 14 về [[C]]": 14 too). A reference between them is masked by as many spaces as it
 * has characters, so the look back reaches past a long name (LISTED_RANK_REACH).
 */
const LISTED_RANK_REACH = 200;
const LISTED_RANK = /(?:^|[^\p{L}])(?:xếp|đứng|hạng|vị trí)(?:\s+thứ)?\s+\d+(?:\/\d+)?(?:\s+[\p{L}]+){0,4}(?:\s*(?:,\s*(?:và\s+)?|\s+và\s+)thứ\s+\d+(?:\/\d+)?(?:\s+[\p{L}]+){0,4})*\s*(?:,\s*(?:và\s+)?|\s+và\s+)$/u;
/**
 * "xếp thứ 40/63 về [[A]], 18/63 về [[B]] và 30/63 về [[C]]" (reading.md §41): a fraction listed after
 * a rank with no "thứ" of its own, "về" and what it ranks right after it, is a rank too.
 */
const LISTED_BARE_RANK = /(?:^|[^\p{L}])(?:xếp|đứng|hạng|vị trí)(?:\s+thứ)?\s+\d+\/\d+(?:\s+[\p{L}]+){0,4}(?:\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:thứ\s+)?\d+\/\d+(?:\s+[\p{L}]+){0,4})*\s*(?:,\s*(?:và\s+)?|\s+và\s+)$/u;
const BARE_RANK_AFTER = /^\d{1,3}\/\d{1,3}\s+về(?![\p{L}])/u;

/**
 * After the numeral of "từ thứ 86": the rank it moves to in the same sentence ("từ thứ 86 năm 2022
 * lên thứ 71", "từ thứ 1 xuống vị trí thứ 6"); a weekday span ("từ thứ 2 đến thứ 6") has none.
 */
const RANK_MOVED_TO = /^\d+(?:\/\d+)?[^.;!?\n]{0,40}?(?:^|[^\p{L}])(?:lên|xuống)\s+(?:thứ|(?:hạng|vị trí)(?:\s+thứ)?)\s+\d/u;

/**
 * Before a percentage listed after a relative change: "tăng (lần lượt) 5% và ", "giảm 3,1%, ", each
 * percentage perhaps with what it measures, in up to four words ("tăng hơn 63% về số lượng và hơn ",
 * "giảm 16,9% về số lượng giao dịch và "; rules/figure-context.ts JOINED_TO_CHANGE, a fallback for
 * figures the reader did not make changes, takes three), and
 * its base of the same time last year ("tăng 58% về số lượng so với cùng kỳ và hơn ").
 */
const LISTED_CHANGE =
  /(?:^|[^\p{L}])(tăng|giảm)(?:\s+(?:lần lượt|tương ứng))?(?:\s+(?:khoảng|hơn|trên|gần|tới|lần lượt))?\s+[\d.,]+\s?%(?:\s+về(?:\s+\p{L}+){1,4})?(?:\s+so với cùng kỳ(?:\s+năm trước)?)?(?:\s*,\s*[\d.,]+\s?%)*\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:(?:khoảng|hơn|trên|gần|tới)\s+)?$/u;

const MORE_LESS: Record<string, 'up' | 'down' | undefined> = { nhiều: 'up', cao: 'up', ít: 'down', thấp: 'down' };

// The phrase tables by their last word, the measures and counted nouns by their first unit (figure-words.ts):
// only the entries that may match where the reader stands are tried, in the tables' order.
const RANK_BY_LAST = byLastWord(RANK_BEFORE);
const LABEL_BY_LAST = byLastWord(LABEL_BEFORE);
const BACK_BY_LAST = byLastWord(BACK_TABLE);
const MEASURES_BY_FIRST = byFirstUnit(MEASURES);
const TERMS_BY_FIRST = byFirstUnit(TERMS);
const NO_ENTRIES: never[] = [];
const MULTIPLIER_WORDS = new Set(MULTIPLIERS.map(([m]) => m));
/** Adverbs between a reference and the ordinal it names: "cũng thứ 8", "vẫn thứ 13", "đều thứ 2". */
const REF_ADVERBS = new Set(['cũng', 'vẫn', 'đều', 'cùng', 'chỉ']);

/** The scanner's readers of the words around a numeral. */
export class FigureContext extends ScanCursor {
  protected analyzeBefore(i: number): Before {
    const words = this.wordsBefore(i, 8);
    const res: Before = {
      rank: false,
      scale: false,
      top: false,
      label: false,
      weakLabel: false,
      qualifier: null,
      change: null,
      growth: false,
      negative: false,
      rawStart: i,
      qualified: false,
    };
    // "xếp thứ 40/63 về A, 18/63 về B": a fraction listed after a rank (the comma ends `words`).
    if (BARE_RANK_AFTER.test(this.s.slice(i, i + 16)) && LISTED_BARE_RANK.test(this.s.slice(Math.max(0, i - LISTED_RANK_REACH), i))) return { ...res, rank: true };
    if (!words.length) return this.listedChange(this.comparedChange(res, [], i), i);
    // "[[Xếp hạng …]] thứ 27": an ordinal right after a reference (the document reader masks each
    // `[[…]]` with spaces, at least five, before reading figures) is the rank it names.
    if (words[0].w === 'thứ' && words[0].start >= 6 && /^ {6}$/.test(this.s.slice(words[0].start - 6, words[0].start))) {
      res.rank = true;
      res.rawStart = words[0].start;
      return res;
    }
    // "[[Xếp hạng … xã hội số …]] cũng thứ 8": an adverb between the reference and its ordinal (reading.md §82).
    if (words[0].w === 'thứ' && words[1] && REF_ADVERBS.has(words[1].w) && words[1].start >= 6 && /^ {6}$/.test(this.s.slice(words[1].start - 6, words[1].start))) return { ...res, rank: true, rawStart: words[0].start };
    // "xếp hạng 133 nền kinh tế": how many a ranking covers, no place (rank-copula.ts).
    if (rankedCount(this.o, i, words[0].w, words[1]?.w)) return { ...res, label: true };
    // "với 40 quốc gia và vùng lãnh thổ tham gia": how many take part in a ranking, no value (rank-copula.ts).
    if (participantCount(this.o, i, words[0].w)) return { ...res, label: true };
    for (const [ph, top] of RANK_BY_LAST.get(words[0].w) ?? NO_ENTRIES) {
      if (ScanCursor.matchBack(words, 0, ph)) {
        res.rank = true;
        res.top = top;
        res.rawStart = words[ph.length - 1].start;
        return res;
      }
    }
    // "xếp thứ 18 và thứ 13", "đứng thứ 7 về A, thứ 9 về B": an ordinal listed after a rank is a rank too.
    if (words[0].w === 'thứ' && LISTED_RANK.test(this.s.slice(Math.max(0, words[0].start - LISTED_RANK_REACH), words[0].start))) {
      res.rank = true;
      res.rawStart = words[0].start;
      return res;
    }
    // "xếp Việt Nam thứ 45/133": a ranking places its subject (rank-subject.ts).
    // "như sau: Yên Bái thứ 15, Điện Biên thứ 35": a province's rank in a list (subject-list.ts).
    if (words[0].w === 'thứ' && (placesSubject(this.o, words[0].start) || listedProvinceRank(this.o, words[0].start))) return { ...res, rank: true, rawStart: words[0].start };
    // "năm 2016 thứ 59", "từ thứ 59 (2016) lên 42", "thứ 47 năm 2017 rồi 45/126": a rank of a series (period-series.ts).
    const series = seriesRank(this.o, i, words[0].start, words[0].w);
    if (series >= 0) return { ...res, rank: true, rawStart: series };
    // "Xếp hạng tốc độ … tháng 9/2023 là 58": a ranking's position after a copula; "là 1 trong 5
    // nước": a group's size, no figure (rank-copula.ts).
    if (groupSize(this.o, i, words[0].w)) return { ...res, label: true };
    if (rankAfterCopula(this.o, i, words[0].start, words[0].w)) return { ...res, rank: true };
    if (words[0].w === 'thứ' && words[1]?.w === 'là' && ordinalAfterCopula(this.o, i, words[0].start, words[1].start)) return { ...res, rank: true, rawStart: words[0].start };
    // "tăng từ thứ 86 năm 2022 lên thứ 71": the rank a move starts from (not a label "thứ").
    if (words[0].w === 'thứ' && words[1]?.w === 'từ' && RANK_MOVED_TO.test(this.s.slice(i, i + 70))) {
      res.rank = true;
      res.rawStart = words[0].start;
      return res;
    }
    // "cấp độ 6/10", "mức độ 4/5": a level on a scale (a lone "cấp độ 3" stays a label).
    for (const ph of SCALE_BEFORE) {
      if (!ScanCursor.matchBack(words, 0, ph)) continue;
      const e = this.numeralEnd(isDigit(this.s, i) ? i : i + 1);
      if (this.s[e] === '/' && isDigit(this.s, e + 1)) {
        res.scale = true;
        res.rawStart = words[ph.length - 1].start;
        return res;
      }
    }
    for (const [ph, needCap] of LABEL_BY_LAST.get(words[0].w) ?? NO_ENTRIES) {
      if (ScanCursor.matchBack(words, 0, ph) && (!needCap || words[ph.length - 1].cap)) {
        // "tài khoản 70%", "danh mục 5": the label word ends a longer word here.
        const prev = words[ph.length];
        if (ph.length === 1 && prev && !words[0].cap && (COMPOUNDS.has(`${prev.w} ${ph[0]}`) || LABEL_TAILS.has(`${prev.w} ${ph[0]}`))) break;
        res.label = true;
        return res;
      }
    }
    if (words[0].w === 'số' && !(words[1] && (words[1].w === 'tổng' || words[1].w === 'con'))) res.weakLabel = true;

    const seq: Array<{ role: BackRole; start: number }> = [];
    // "tăng lần lượt 7,8% và 6,8%", "tăng tương ứng 56,52% và 111,62%": a mapping word between the change word and the numeral.
    let idx = (words[0].w === 'lượt' && words[1]?.w === 'lần') || (words[0].w === 'ứng' && words[1]?.w === 'tương') ? 2 : 0;
    while (idx < words.length && seq.length < 5) {
      let hit: [string[], BackRole] | null = null;
      for (const entry of BACK_BY_LAST.get(words[idx].w) ?? NO_ENTRIES) {
        if (ScanCursor.matchBack(words, idx, entry[0])) {
          hit = entry;
          break;
        }
      }
      if (!hit || (hit[1].role === 'qual' && hit[1].q === 'trên' && anaphorHeadBefore(words, idx + 1))) break; // "tỷ lệ trên là 12,33%" (anaphor.ts)
      seq.push({ role: hit[1], start: words[idx + hit[0].length - 1].start });
      idx += hit[0].length;
    }
    // "Ninh Thuận 1" is a label; "Có 2 địa phương" (a capitalized verb opening the sentence) is not.
    if (!seq.length && words[0].cap && !words[0].allCaps && !OPENING_VERBS.has(words[0].w)) res.weakLabel = true;
    if (seq.length) {
      res.qualified = true;
      res.weakLabel = false;
    }
    for (const t of seq) {
      if (t.role.role === 'qual') {
        res.qualifier = t.role.q;
        break;
      }
    }
    for (const t of seq) {
      if (t.role.role === 'qual' || t.role.role === 'neg') continue;
      if (t.role.role === 'change') res.change = t.role.times ? { direction: t.role.dir, times: true } : { direction: t.role.dir };
      break;
    }
    res.growth = seq.some((t) => t.role.role === 'growth');
    res.negative = seq.length > 0 && seq[0].role.role === 'neg';
    for (const t of seq) if (t.role.role !== 'filler') res.rawStart = t.start;

    this.comparedChange(res, seq, i);
    // (a qualifier alone before it may be listed too: "tăng 5% và hơn 7%")
    return seq.every((t) => t.role.role === 'qual') ? this.listedChange(res, i) : res;
  }

  /** "tăng so với cùng kỳ năm trước là 8,47%": the change word stands before the comparison. */
  private comparedChange(res: Before, seq: ReadonlyArray<{ role: BackRole; start: number }>, i: number): Before {
    if (res.change) return res;
    let p = seq.length ? seq[seq.length - 1].start : i;
    while (isSpace(this.s, p - 1) && i - p < 8) p--;
    const period = this.periodEnd.get(p);
    if (period && period.comparison) {
      const w = this.wordsBefore(period.start, 4);
      let at = 0;
      if (w[0]?.w === 'với') at = w[1]?.w === 'sánh' && w[2]?.w === 'so' ? 3 : w[1]?.w === 'so' ? 2 : 0;
      else if (w[0]?.w === 'so') at = 1;
      const cw = at ? w[at] : undefined;
      // "nhiều hơn cuối năm 2022 trên 23 triệu", "cao hơn năm trước 0,1783 điểm": the difference
      // told after its base, a change (reading.md §36); not after a copula ("… là 75%": a level).
      const more = !at && w[0]?.w === 'hơn' && seq.every((t) => t.role.role === 'qual') ? MORE_LESS[w[1]?.w ?? ''] : undefined;
      if (cw && (cw.w === 'tăng' || cw.w === 'giảm')) {
        res.change = this.changeFrom(cw.w === 'tăng' ? 'up' : 'down', period);
        res.rawStart = cw.start;
        res.qualified = true;
        res.weakLabel = false;
      } else if (more) {
        res.change = this.changeFrom(more, period);
        res.rawStart = w[1].start;
        res.qualified = true;
        res.weakLabel = false;
      }
    }
    return res;
  }

  /** "tăng 5% và 7%", "giảm 3,1%, 2,5%": a percentage listed right after a relative change is a change of the same direction. */
  private listedChange(res: Before, i: number): Before {
    if (res.change) return res;
    const m = LISTED_CHANGE.exec(this.s.slice(Math.max(0, i - 80), i));
    // …and the percentage ends the list or the clause ("… và 7%.", "… 6,8% so với cùng kỳ"), no noun
    // after it ("80% doanh nghiệp") and no name (a masked reference: a run of spaces).
    if (m && /^[\d.,]+\s?%\s{0,3}(?:$|[.,;:)]|và\s|so\s|trong\s|tương ứng|về\s)/u.test(this.s.slice(i, i + 30))) {
      res.change = { direction: m[1] === 'giảm' ? 'down' : 'up' };
      res.qualified = true;
      res.weakLabel = false;
    }
    return res;
  }

  protected changeFrom(direction: 'up' | 'down', period: ScannedPeriod | undefined): FigureChange {
    const c: FigureChange = { direction };
    if (period) {
      if (period.code.startsWith('SPLY')) c.sameTimeLastYear = true;
      else if (!period.range) c.against = period.code;
    }
    return c;
  }

  protected multiplierAt(pos: number): { mult: number; word: string; end: number } | null {
    const q = this.skipSpaces(pos, 2);
    if (q === pos || this.mask[q]) return null;
    for (const [w, mult] of MULTIPLIERS) {
      if (!this.wordAt(q, w)) continue;
      const end = q + w.length;
      if (w === 'tỷ' || w === 'tỉ') {
        const next = this.wordsAfter(this.skipSpaces(end, 1), 1)[0];
        if (next && isSpace(this.s, end) && NOT_AFTER_TY.has(next.w)) return null;
      }
      return { mult, word: this.o.slice(q, end), end };
    }
    return null;
  }

  protected unitAt(pos: number): UnitRead {
    const { s } = this;
    const none: UnitRead = { unit: null, cls: 'none', end: pos };
    if (s[pos] === '%') return { unit: '%', cls: 'percent', end: pos + 1 };
    const glued = gluedMeasure(s, pos);
    if (glued) return this.rate({ unit: glued, cls: 'none', end: pos + glued.length });
    const q = this.skipSpaces(pos, 2);
    if (q === pos || this.mask[q]) return none;
    if (s[q] === '%' && q === pos + 1) return { unit: '%', cls: 'percent', end: q + 1 };
    if (this.wordAt(q, 'điểm phần trăm')) return { unit: 'điểm phần trăm', cls: 'points', end: q + 14 };
    if (s.startsWith('điểm', q)) {
      const r = this.skipSpaces(q + 4, 1);
      if (s[r] === '%') return { unit: 'điểm phần trăm', cls: 'points', end: r + 1 };
    }
    if (this.wordAt(q, 'phần trăm')) return { unit: '%', cls: 'percent', end: q + 9 };
    for (const [w, code] of CURRENCIES) {
      if (!this.wordAt(q, w)) continue;
      if (w === 'đồng') {
        const next = this.wordsAfter(q, 2)[1];
        if (next && NOT_AFTER_DONG.has(next.w)) break;
      }
      return this.rate({ unit: code, cls: 'currency', end: q + w.length });
    }
    if (this.wordAt(q, 'bậc')) return { unit: 'bậc', cls: 'rank', end: q + 3 };
    // "63 điểm cầu" (video-conference sites): a counted noun, not the measure "điểm".
    if (this.wordAt(q, 'điểm cầu')) return { unit: 'điểm cầu', cls: 'count', end: q + 8 };
    // "các năm 2022 và 2023 lần lượt là …": "lần lượt" (respectively) is no unit "lần" (times).
    if (this.wordAt(q, 'lần lượt')) return none;
    // (no charCodeAt past the end: its NaN deoptimized unitAt twice in a first reading, out of bounds; -1 is no key either)
    const unit0 = q < s.length ? s.charCodeAt(q) : -1;
    for (const w of MEASURES_BY_FIRST.get(unit0) ?? NO_ENTRIES) if (this.wordAt(q, w)) return this.rate({ unit: w, cls: 'none', end: q + w.length });
    for (const t of TERMS_BY_FIRST.get(unit0) ?? NO_ENTRIES) if (this.wordAt(q, t)) return this.rate({ unit: t, cls: 'count', end: q + t.length });

    const words = this.wordsAfter(q, 6);
    if (!words.length) return none;
    const first = words[0];
    if (first.allCaps && first.w.length <= 8) return { unit: this.o.slice(first.start, first.end), cls: 'count', end: first.end };
    if (first.cap) return none; // "số 1 Việt Nam": a proper noun, not a counted noun
    let idx = 0;
    let syl = 0;
    while (idx < words.length) {
      const w = words[idx];
      if (STOP.has(w.w) || (idx > 0 && (w.cap || w.allCaps))) break;
      if (MULTIPLIER_WORDS.has(w.w) || (BACK_BY_LAST.get(w.w)?.some(([p]) => p.length === 1) ?? false)) break;
      // "1,5 top 10", "5 tiến sát 7": the words belong to the next figure, not to this unit.
      if (this.prefixOfNextFigure(words, idx)) break;
      const pair = idx + 1 < words.length ? `${w.w} ${words[idx + 1].w}` : '';
      if (pair && VERB_COMPOUNDS.has(pair)) break;
      const size = pair && COMPOUNDS.has(pair) ? 2 : 1;
      if (syl + size > 3) break;
      syl += size;
      idx += size;
    }
    if (!idx) return none;
    return this.rate({ unit: s.slice(q, words[idx - 1].end), cls: 'count', end: words[idx - 1].end });
  }

  protected static readonly PREFIXES: string[][] = [...RANK_BEFORE.map(([p]) => p), ...BACK_TABLE.map(([p]) => p)];

  /** True if words[idx…] are a rank or qualifier phrase that ends the list right before a numeral. */
  protected prefixOfNextFigure(words: Word[], idx: number): boolean {
    for (const p of FigureContext.PREFIXES) {
      if (idx + p.length !== words.length) continue;
      if (!p.every((w, t) => words[idx + t].w === w)) continue;
      let k = this.skipSpaces(words[words.length - 1].end, 3);
      if (this.s[k] === '-' || this.s[k] === '−' || this.s[k] === '+') k++;
      if (isDigit(this.s, k)) return true;
    }
    return false;
  }

  /** "đồng/năm", "người/km2": keeps a rate suffix on the unit. */
  protected rate(u: UnitRead): UnitRead {
    const s = this.s;
    if (s[u.end] !== '/' || !isLetter(s, u.end + 1) || this.o[u.end + 1] !== s[u.end + 1]) return u;
    if (s.startsWith('mục tiêu', u.end + 1) || s.startsWith('kế hoạch', u.end + 1) || s.startsWith('tổng', u.end + 1)) return u;
    let j = u.end + 1;
    while (isAlnum(s, j) && j - u.end < MAX_WORD) j++;
    if (isAlnum(s, j)) return u;
    return { unit: `${u.unit}/${s.slice(u.end + 1, j)}`, cls: u.cls, end: j };
  }
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(FigureContext);
