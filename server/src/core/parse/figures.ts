/**
 * The figure reader: every figure in a piece of Vietnamese text (a sentence or a table cell), with
 * what a Vietnamese reader means by it. Pure, linear-time, never throws.
 *
 * ## What is a figure
 * A numeral (digits with "." thousands groups and "," decimals, see `numbers.ts`) that states a
 * quantity, with what belongs to it:
 * - before it: a qualifier (khoảng, gần, hơn, trên, dưới, ước, ước đạt, ước tính, tiến sát, đạt,
 *   tối thiểu/ít nhất/không dưới, tối đa/không quá; any case), a change word (tăng, tăng thêm,
 *   giảm, giảm đi, cao hơn, thấp hơn; nhiều hơn, ít hơn when a comparison with a period follows the
 *   figure: reading.md §6.9), the growth word "tăng trưởng", a sign (-, −, "âm"), and filler words that may
 *   stand between them and the numeral (tỷ lệ, tỷ trọng, mức, là, con số): "ước đạt tăng trưởng
 *   22,4%", "tăng trên 23 triệu", "đạt tỷ lệ 28,6%". A filler alone at the outer end is not part
 *   of `raw` ("là 97,3%" → raw "97,3%").
 * - after it: a multiplier (nghìn/ngàn 1e3, triệu 1e6, tỷ/tỉ 1e9, nghìn tỷ 1e12, triệu tỷ 1e15)
 *   and a unit; a target ("50.350 doanh nghiệp/mục tiêu 48.000 doanh nghiệp" → `target: 48000`);
 *   a comparison ("so với cuối năm 2022", "so cùng kỳ năm 2023") that sets `change.against` /
 *   `change.sameTimeLastYear` when the figure is a change. The comparison is not part of `raw`.
 *   "tăng so với cùng kỳ năm trước là 8,47%" is a change too; there `raw` runs from "tăng".
 *
 * ## Units (`unit`, `unitClass`)
 * "%", "phần trăm" → "%" (percent); "điểm phần trăm", "điểm %" → points; USD/đô la (Mỹ), đồng,
 * VND/VNĐ, EUR → currency (normalized "USD", "đồng", "VND", "EUR"); "bậc" → rank (a rank change:
 * "tăng 8 bậc"); measures and durations (tấn, kg, km, ha, MW, GB, giờ, ngày, tháng, năm, tuổi,
 * lần, điểm…) → none, the word as unit. Otherwise the counted noun → count: first the longest
 * known domain term ("thẻ căn cước", "tổ công nghệ số cộng đồng", "bộ, cơ quan ngang bộ",
 * "tỉnh, thành phố trực thuộc trung ương", "thôn, bản"…: paired categories keep their comma),
 * else a noun phrase of at most 3 syllables that stops before punctuation, digits, function
 * words and verbs, a capitalized word, and never cuts a two-syllable word in half ("hồ sơ xử lý"
 * → "hồ sơ"); an all-caps acronym is a unit on its own ("13 CSDL"). Units are lower case except
 * acronyms and currency codes. A rate suffix is kept: "đồng/năm". No unit → null, class none
 * (a fraction without a noun is still a count).
 *
 * ## Kinds
 * percent: "42%". fraction: "7/22 bộ", "14.727/15.981 cửa hàng", "256/tổng số 896 thôn, bản"
 * (value = numerator, `denominator`). rank: after "xếp thứ", "xếp hạng (thứ)", "đứng thứ",
 * "hạng (thứ)", "vị trí (thứ)" ("ở vị trí 37/110"), "lên/xuống thứ" ("51/63" → value 51, denominator 63),
 * "thứ" right after a reference ("[[Xếp hạng …]] thứ 27", the reference masked by spaces), and
 * "top N" (rank at most N: interval [1, N]). number: everything else ("tăng 8 bậc" is a number of
 * unit class rank; "3 điểm phần trăm" a number of class points).
 *
 * ## Values and intervals
 * `value` = mantissa × multiplier, computed exactly from the decimal string; a change keeps its
 * magnitude (`value` 5 for "giảm 5%", direction "down"); only a sign or "âm" makes it negative.
 * Percentages above 100 are read as written. `interval`: rounding at the stated precision
 * h = 0.5 × 10^-decimals × multiplier, then by qualifier:
 * - none, đạt: [v − h, v + h]
 * - trên, hơn, tối thiểu: [v, +∞)
 * - dưới, tối đa: [0, v] (−∞ for a negative v)
 * - gần: [v − max(10 % of |v|, h), v]; tiến sát: [v − max(5 % of |v|, h), v]
 * - khoảng, ước, ước đạt, ước tính: v ± max(5 % of |v|, h)
 * - rank "top N": [1, N]
 * A whole number of 1.000 or more ending in two zeros or more is taken as rounded at its last
 * non-zero digit, never coarser than its second significant digit ("58.000" ± 500, "67.300" ± 50,
 * "200.000" ± 5.000; `roundedAt`); a whole count ending otherwise ("40.590"), a fraction, a rank are exact.
 *
 * ## Never figures
 * Period phrases and dates (see `periods.ts`: "quý I/2022", "năm 2022", "6 tháng đầu năm 2024",
 * "2021-2025", "ngày 27/4", "27/4/2022", "1-1-2023", "Ngày 10-7", "29/04/2022"); a bare `d/m`
 * or `m/yyyy` with no noun after ("10/10 hằng năm"); a bare year 1900–2199 with no unit
 * ("DTI 2021"); document numbers ("749/QĐ-TTg", "42/2022/NĐ-CP", "57-NQ/TW"); chains of three
 * or more numbers and ranges ("5-7", "10:30": not read, so not misread); numerals glued to
 * letters ("5G", "10h30", "COVID-19") and version-like "4.0"; ordinals and labels: "thứ 2" (not
 * after a rank word), "lần 9", "mức độ 4", "cấp độ 3", "giai đoạn 2", "Điều 5", "khoản 2",
 * "mỗi 6 tháng", "Đề án 06", "Quyết định 06", "Kế hoạch 5 năm" (document words when
 * capitalized), "số 2" with no unit after ("Khu Công viên phần mềm số 2"; but "tổng số 896 thôn"
 * and "kinh tế số 20%" are figures), and a plain integer right after a capitalized word with no
 * unit ("Ninh Thuận 1"; but not after a capitalized opening verb: "Có 2 địa phương").
 */
import type { Figure, FigureKind, FigureNote, UnitClass } from '../types';
import { work } from '../work';
import { editionBefore, gluedMeasure, RANK_BEFORE } from './figure-words';
import { GLUE, intervalOf, isAlnum, roundedAt, isDigit, isDigitCode, isLetter, isSpace, scaled, type Numeral, type UnitRead } from './figure-cursor';
import { FigureContext } from './figure-context';
import type { ScannedPeriod } from './periods';
import { holdShapes } from '../held-shapes';

/** Before a numeral: the level a comparison is made with ("cao hơn mức 79%", "thấp hơn so với mức 5%"). */
const COMPARED_LEVEL = /^(?:cao|thấp|nhiều|ít) hơn\s+(?:so với\s+)?mức\s/u;

/** Every figure in `text`, in order, with offsets into `text`. Never throws. */
export function readFigures(text: string): Figure[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return new FigureScanner(text).run();
  } catch {
    return [];
  }
}

class FigureScanner extends FigureContext {
  run(): Figure[] {
    const { s, mask } = this;
    const n = s.length;
    const out: Figure[] = [];
    let i = 0;
    while (i < n) {
      work.steps++;
      if (!isDigitCode(s.charCodeAt(i))) {
        i++;
        continue;
      }
      if (mask[i]) {
        while (i < n && mask[i]) i++;
        continue;
      }
      if (isLetter(s, i - 1) || (GLUE.has(s[i - 1]) && isAlnum(s, i - 2))) {
        i = this.tokenEnd(i);
        continue;
      }
      const r = this.readAt(i);
      if (r.figure) out.push(r.figure);
      i = Math.max(r.next, i + 1);
    }
    return out;
  }

  private readAt(i: number): { figure?: Figure; next: number } {
    const { s, o, P } = this;
    const num = this.numeralAt(i);
    const j = num ? num.end : this.numeralEnd(i);
    if (!num) return { next: j };
    if (isLetter(s, j) && !gluedMeasure(s, j)) return { next: this.tokenEnd(j) }; // "5G", "10h30" (but "46,72Mbps")
    if (j - i === 3 && isDigit(s, i) && s.charCodeAt(i + 1) === 46 && s.charCodeAt(i + 2) === 48) return { next: j }; // "4.0": a version, not a decimal (/^\d\.0$/, no slice made)

    // What follows the first numeral: a fraction, a document number, a chain.
    let den: Numeral | null = null;
    let k = j;
    if (s[k] === '/') {
      if (isDigit(s, k + 1)) {
        const l = this.numeralEnd(k + 1);
        if (('/-–.'.includes(s[l] ?? ' ') && isAlnum(s, l + 1)) || isLetter(s, l)) return { next: this.tokenEnd(l) };
        den = this.numeralAt(k + 1);
        if (!den) return { next: l };
        k = l;
      } else {
        const q = this.skipSpaces(k + 1, 1);
        const total = s.startsWith('tổng số', q) ? 7 : s.startsWith('tổng', q) ? 4 : 0;
        if (total && !isLetter(s, q + total)) {
          const r = this.skipSpaces(q + total, 3);
          if (r > q + total && isDigit(s, r) && !this.mask[r]) {
            den = this.numeralAt(r);
            if (!den) return { next: this.numeralEnd(r) };
            k = den.end;
          }
        } else if (isLetter(o, q) && o[q] !== s[q]) {
          return { next: this.tokenEnd(k) }; // "749/QĐ-TTg"
        }
      }
    } else if (('-–:'.includes(s[k] ?? ' ') && isDigit(s, k + 1)) || (s[k] === '-' && isLetter(s, k + 1))) {
      return { next: this.chainEnd(k) }; // "5-7", "10:30", "57-NQ/TW"
    } else {
      // "76 trong số 106 nhiệm vụ", "76 trong tổng số 106": a part of a whole.
      const q = this.skipSpaces(k, 1);
      // A rank: "vị trí thứ 5 trong 11 nước", "thứ 72 trên 193".
      // (the words before read once, and only after "trong"/"trên": most figures have neither)
      const rankHere = (): boolean => {
        const before = this.wordsBefore(i, 3);
        return RANK_BEFORE.some(([ph]) => FigureScanner.matchBack(before, 0, ph));
      };
      const w = q > k ? (s.startsWith('trong tổng số', q) ? 13 : s.startsWith('trong số', q) ? 8 : (this.wordAt(q, 'trong') || this.wordAt(q, 'trên')) && rankHere() ? (s[q + 1] === 'r' && s[q + 2] === 'o' ? 5 : 4) : 0) : 0;
      if (w && !isLetter(s, q + w)) {
        const r = this.skipSpaces(q + w, 2);
        if (r > q + w && isDigit(s, r) && !this.mask[r]) {
          const d = this.numeralAt(r);
          if (d && !isLetter(s, d.end) && s[d.end] !== '/') {
            den = d;
            k = d.end;
          }
        }
      }
    }
    if (den && isLetter(s, k)) return { next: this.tokenEnd(k) };

    // Sign.
    let numeralStart = i;
    let sign = 1;
    if ((s[i - 1] === '-' || s[i - 1] === '−') && (i - 1 === 0 || isSpace(s, i - 2) || s[i - 2] === '(')) {
      sign = -1;
      numeralStart = i - 1;
    } else if (s[i - 1] === '+' && (i - 1 === 0 || isSpace(s, i - 2) || s[i - 2] === '(')) {
      numeralStart = i - 1;
    }
    const before = this.analyzeBefore(numeralStart);
    if (before.label) return { next: k };
    if (before.negative) sign = -1;

    // Multiplier and unit.
    let mult = 1;
    let multWord: string | null = null;
    let end = k;
    let u: UnitRead;
    if (s[k] === '%' || (isSpace(s, k) && s[k + 1] === '%')) {
      u = this.unitAt(k);
    } else {
      const m = this.multiplierAt(k);
      if (m) {
        mult = m.mult;
        multWord = m.word;
        end = m.end;
      }
      u = this.unitAt(end);
    }
    if (u.unit !== null) end = u.end;

    // Target: "50.350 doanh nghiệp/mục tiêu 48.000 doanh nghiệp".
    let target: number | undefined;
    const notes: FigureNote[] = [...num.parsed.notes, ...(den ? den.parsed.notes : [])];
    {
      let t = this.skipSpaces(end, 1);
      if (s[t] === '/') {
        t = this.skipSpaces(t + 1, 1);
        const w = s.startsWith('mục tiêu', t) ? 8 : s.startsWith('kế hoạch', t) ? 8 : 0;
        if (w && !isLetter(s, t + w)) {
          const r = this.skipSpaces(t + w, 2);
          if (r > t + w && isDigit(s, r) && !this.mask[r]) {
            const tn = this.numeralAt(r);
            if (tn && !isLetter(s, tn.end) && s[tn.end] !== '/') {
              let tEnd = tn.end;
              let tMult = 1;
              if (!(s[tEnd] === '%' || (isSpace(s, tEnd) && s[tEnd + 1] === '%'))) {
                const tm = this.multiplierAt(tEnd);
                if (tm) {
                  tMult = tm.mult;
                  tEnd = tm.end;
                }
              }
              const tu = this.unitAt(tEnd);
              if (tu.unit !== null) tEnd = tu.end;
              target = scaled(tn.parsed, tMult);
              notes.push(...tn.parsed.notes);
              end = tEnd;
            }
          }
        }
      }
    }

    // A rate per population: "0,69 doanh nghiệp trên 1.000 dân", "… /1.000 dân".
    let per: number | undefined;
    {
      const t = this.skipSpaces(end, 1);
      const w = s.startsWith('trên', t) && isSpace(s, t + 4) ? 4 : s[t] === '/' ? 1 : 0;
      const r = w ? this.skipSpaces(t + w, 1) : -1;
      if (w && isDigit(s, r) && !this.mask[r]) {
        const pn = this.numeralAt(r);
        if (pn && !isLetter(s, pn.end) && s[pn.end] !== '/') {
          const pm = this.multiplierAt(pn.end);
          const at = this.skipSpaces(pm ? pm.end : pn.end, 1);
          const who = ['người dân', 'dân số', 'dân', 'người'].find((x) => this.wordAt(at, x));
          if (who) {
            per = scaled(pn.parsed, pm ? pm.mult : 1);
            end = at + who.length;
          }
        }
      }
    }

    // Comparison after the figure: "so với cuối năm 2022", "so cùng kỳ năm 2023".
    let change = before.change;
    let { qualifier, rawStart: from } = before;
    if (change && !change.against && !change.sameTimeLastYear) {
      const p = this.comparedPeriod(end);
      if (p) change = this.changeFrom(change.direction, p);
    } else if (!change && qualifier !== null && s.startsWith('hơn', from)) {
      // "nhiều hơn 2.982 doanh nghiệp so với cuối năm 2020", "ít hơn 2 tỉnh so với năm 2022": more or
      // fewer than a period before, a change (reading.md §6.9); without the comparison, "hơn 2.982" as read.
      // "tăng nhiều hơn 5% so với năm 2020": a change by more than 5%, "hơn" kept.
      const [w, verb] = this.wordsBefore(from, 2);
      const p = w && (w.w === 'nhiều' || w.w === 'ít') ? this.comparedPeriod(end) : undefined;
      if (p && verb && (verb.w === 'tăng' || verb.w === 'giảm')) {
        change = this.changeFrom(verb.w === 'tăng' ? 'up' : 'down', p);
        from = verb.start;
      } else if (p) {
        change = this.changeFrom(w.w === 'nhiều' ? 'up' : 'down', p);
        if (qualifier === 'hơn') qualifier = null;
        from = w.start;
      } else if (w?.w === 'ít' && qualifier === 'hơn') {
        // "ít hơn 22 triệu" with no comparison: fewer than N, an upper bound; "tăng ít hơn 5%": a
        // change by less than 5% (reading.md §27.3).
        qualifier = 'dưới';
        from = w.start;
        if (verb && (verb.w === 'tăng' || verb.w === 'giảm')) {
          change = { direction: verb.w === 'tăng' ? 'up' : 'down' };
          from = verb.start;
        }
      }
    }

    // Decide what it is.
    const isFraction = den !== null;
    const noUnit = u.unit === null && mult === 1;
    const plainInt = num.plain && !isFraction;
    if (!before.rank) {
      if (before.weakLabel && noUnit && plainInt) return { next: k };
      if (!before.qualified && !before.scale && noUnit && isFraction && num.plain && den!.plain) {
        const a = num.parsed.value;
        const b = den!.parsed.value;
        if ((a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1900 && b <= 2199)) return { next: k }; // a date
      }
      // a year; after an abbreviation or a name, an edition whatever word follows ("GII 2024 do WIPO …")
      if (!before.qualified && plainInt && j - i === 4 && num.parsed.value >= 1900 && num.parsed.value <= 2199 && (noUnit || (mult === 1 && u.cls === 'count' && editionBefore(o, numeralStart)))) return { next: k };
    }

    let kind: FigureKind = 'number';
    let cls: UnitClass = u.cls;
    if (before.rank) {
      kind = 'rank';
      cls = 'rank';
    } else if (before.scale) {
      kind = 'number';
    } else if (isFraction) {
      kind = 'fraction';
      if (cls === 'none' && u.unit === null) cls = 'count';
    } else if (u.cls === 'percent') kind = 'percent';

    const mantissa = sign * num.parsed.value;
    const value = sign * scaled(num.parsed, mult);
    const exp = Math.round(Math.log10(mult));
    // A whole count written in full ("3.678 cuộc", "35/35 nền tảng", a rank) is exact: no rounding;
    // a number of 1.000 or more ending in "00" ("58.000 doanh nghiệp") is rounded at its last
    // non-zero digit, at most at its second significant one (roundedAt; history.md §4).
    const z = kind === 'number' && !before.top ? roundedAt(num.parsed) : 0;
    const exactCount = z === 0 && mult === 1 && num.parsed.decimals === 0 && kind !== 'percent' && (cls === 'count' || cls === 'rank' || kind !== 'number');
    const h = exactCount ? 0 : Number(`5e${exp + z - num.parsed.decimals - 1}`);
    const interval: [number, number] = before.top ? [1, value] : intervalOf(value, h, qualifier);

    const rawStart = Math.min(from, numeralStart);
    const numeralEnd = k;
    const start = P.map[rawStart];
    const endOff = P.map[end];
    const fig: Figure = {
      raw: P.text.slice(start, endOff),
      start,
      end: endOff,
      numeralStart: P.map[numeralStart],
      numeralEnd: P.map[numeralEnd],
      numeral: P.text.slice(P.map[numeralStart], P.map[numeralEnd]),
      kind,
      value,
      mantissa,
      multiplier: mult,
      multiplierWord: multWord,
      unit: u.unit,
      unitClass: cls,
      qualifier,
      decimals: num.parsed.decimals,
      interval,
      notes,
    };
    if (den) fig.denominator = scaled(den.parsed, mult);
    if (target !== undefined) fig.target = target;
    if (change) fig.change = change;
    if (before.growth) fig.growth = true;
    if (per !== undefined) fig.per = per;
    // "cao hơn mức 79% của năm 2023": the level compared with, a base.
    const compared = !change && COMPARED_LEVEL.test(s.slice(rawStart, numeralStart));
    fig.role = change ? 'change' : compared ? 'base' : kind === 'rank' ? 'rank' : before.scale ? 'scale' : per !== undefined ? 'rate' : kind === 'fraction' ? 'part' : 'level';
    return { figure: fig, next: end };
  }

  /** The period of a comparison right after `end` ("so với cuối năm 2022", "so cùng kỳ năm 2023"). */
  private comparedPeriod(end: number): ScannedPeriod | undefined {
    const s = this.s;
    let c = this.skipSpaces(end, 2);
    const so = s.startsWith('so sánh với', c) ? 11 : s.startsWith('so với', c) ? 6 : s.startsWith('so', c) ? 2 : 0;
    if (!so || !isSpace(s, c + so)) return undefined;
    c = this.skipSpaces(c + so, 2);
    return this.periodStart.get(c);
  }
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(FigureScanner);
