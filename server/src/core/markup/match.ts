/**
 * The name matcher: catalog names in a sentence, over folded tokens.
 *
 * A label (canonical name, alias or abbreviation) matches a window of the sentence's words when
 * the window starts and ends on words of the label and
 *   score = (covered − 0.5 · inserted) · order ≥ threshold, where
 *   covered  = weight of the label's words found in the window / weight of all its words
 *              (a word one edit away from the label's, four letters or more, counts 0.8: typos),
 *   inserted = weight of the window's words that are not the label's / weight of the label
 *              (filler words such as "cả nước", "số lượng", "tổng", "các" weigh 0.1),
 *   order    = 0.85 + 0.15 · (longest in-order run of matched words / matched words).
 * Word weights come from the catalog (rare words weigh more). An exact match (all words, in order,
 * nothing inserted) scores 1. A fuzzy window never contains a figure's numeral, never inserts a
 * word of a figure (đạt, ước, khoảng, tăng, là…) and never crosses a parenthesis, colon or quote.
 * Abbreviations match only exactly, with their capitals written as capitals.
 */
import { insertRun, insertWord } from '../catalog/inserted-words';
import { work } from '../work';
import { FIGURE_WORDS, FUNCTION_WORDS, type Label, type NameIndex, type Token } from './name-index';
import { halfWordOnly } from './half-word';
import { otherPlace } from './rate-first';

export interface NameCandidate {
  label: Label;
  /** Token indices of the window, inclusive. */
  first: number;
  last: number;
  /** Offsets in the part's text. */
  start: number;
  end: number;
  score: number;
  exact: boolean;
  /** Weight of the label's words covered: how much of a name the window is. */
  matchedWeight: number;
  /** score × matchedWeight: what overlapping candidates compete on. */
  rank: number;
  /** Words of the window that are not the label's (0: the window is only the label's words). */
  inserted?: number;
  /**
   * Every word of the label, as written and in order, with only neutral words ("các", "những",
   * "đã") or connectives and subject words ("của", "đối với", "mạng": catalog/inserted-words.ts) put
   * in: the name as the writer wrote it, which the dialect resolves as written (no exact name inside
   * it is taken instead, names.ts).
   */
  whole?: boolean;
}

/** Intervals of a part's text no name may cover. */
export interface Blocked {
  /** Figures' numerals and period phrases: never inside a name. */
  numerals: Array<[number, number]>;
  /** Figures' words before the numeral (qualifier, change word): a fuzzy name may not insert them. */
  prefixes: Array<[number, number]>;
  /** Figures' unit words after the numeral ("0,6077 điểm"): a fuzzy name opening on one never inserts "về" (round 18, neg18). */
  units?: Array<[number, number]>;
  /** A fronted rate (rate-first.ts): where its window opens, and the words it puts in at no cost. */
  opens?: Array<[number, number]>;
  free?: Array<[number, number]>;
  other?: Array<[number, number]>;
}

const BREAKS = /[()\[\]:“”"«»!?]/;

/**
 * Per token, whether it meets one of the intervals (`s < b && e > a`), in time linear in the text,
 * the intervals and the tokens (a sentence of thousands of figures and words must not cost
 * figures × words): positions covered by a non-empty interval are counted in a prefix sum, and an
 * empty interval [a, a) meets a token that strictly contains a.
 */
/** No token in any interval (read past its end: undefined, falsy). */
const NONE: readonly boolean[] = [];

function meets(iv: Array<[number, number]>, tokens: Token[], length: number): boolean[] {
  if (!iv.length) return tokens.map(() => false);
  // cover[i]: intervals open at position i (a difference array, then summed); points: empty ones.
  const cover = new Int32Array(length + 2);
  const points = new Int32Array(length + 2);
  for (const [a0, b0] of iv) {
    const a = Math.max(0, Math.min(a0, length));
    const b = Math.max(0, Math.min(b0, length));
    if (b > a) {
      cover[a]++;
      cover[b]--;
    } else if (b0 === a0 && a0 >= 0 && a0 <= length) points[a0 + 1]++;
  }
  work.steps += length + iv.length + tokens.length;
  // covered[i]: covered positions in [0, i); below[i]: points < i.
  const covered = new Int32Array(length + 1);
  let open = 0;
  for (let i = 0; i < length; i++) {
    open += cover[i];
    covered[i + 1] = covered[i] + (open > 0 ? 1 : 0);
  }
  for (let i = 1; i <= length + 1; i++) points[i] += points[i - 1];
  return tokens.map((t) => covered[t.end] - covered[t.start] > 0 || (t.end - t.start > 1 && points[t.end] - points[t.start + 1] > 0));
}

function lisLength(seq: number[]): number {
  const tails: number[] = [];
  for (const x of seq) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

/**
 * Every label window in `tokens` that scores at least `threshold`; the best window per start.
 * `original`: the source under the masked `text`; a name never spans something masked (code, a
 * link, an existing reference).
 */
export function findNames(text: string, tokens: Token[], idx: NameIndex, blocked: Blocked, threshold: number, original = text): NameCandidate[] {
  if (!tokens.length) return [];
  const credits = tokens.map((t) => creditsOf(t, idx));
  const blockedTok = meets(blocked.numerals, tokens, text.length);
  const prefixTok = meets(blocked.prefixes, tokens, text.length);
  const unitTok = meets(blocked.units ?? [], tokens, text.length);
  // (a fronted rate's windows, rate-first.ts: none in most parts, so no per-token arrays then)
  const fronted = !!blocked.opens?.length;
  const openTok = fronted ? meets(blocked.opens!, tokens, text.length) : NONE;
  const freeTok = fronted ? meets(blocked.free ?? [], tokens, text.length) : NONE;
  const otherTok = fronted ? meets(blocked.other ?? [], tokens, text.length) : NONE;
  const figureWord = tokens.map((t) => FIGURE_WORDS.has(t.folded));
  const boundaryAfter = tokens.map((t, k) => {
    if (k + 1 >= tokens.length) return true;
    const gap = text.slice(t.end, tokens[k + 1].start);
    return BREAKS.test(gap) || gap !== original.slice(t.end, tokens[k + 1].start);
  });
  const commaAfter = tokens.map((t, k) => (k + 1 < tokens.length && text.slice(t.end, tokens[k + 1].start).includes(',') ? 1 : 0));
  // Candidate labels: enough of their weight is present in the sentence.
  const gathered = idx.scratch();
  const touched: number[] = [];
  const seen = new Set<number>();
  credits.forEach((cm, i) => {
    if (blockedTok[i]) return;
    for (const [id, c] of cm) {
      if (seen.has(id)) continue;
      seen.add(id);
      const w = idx.weightOf[id] * c;
      for (const li of idx.labelsOf[id]) {
        if (gathered[li] === 0) touched.push(li);
        gathered[li] += w;
      }
    }
  });
  const out: NameCandidate[] = [];
  // Labels worth a window search, and where each may start: on one of its content words (or on
  // its own first word). (readings.ts bounds this test from above: a change here is one there.)
  const starts = new Map<number, number[]>();
  for (const li of touched) {
    const label = idx.labels[li];
    if ((label.tokens.length > 1 || label.kind === 'abbreviation') && gathered[li] >= (threshold - 0.1) * label.totalWeight) starts.set(li, []);
    gathered[li] = 0;
  }
  if (!starts.size) return out;
  credits.forEach((cm, i) => {
    if (blockedTok[i]) return;
    for (const [id] of cm) {
      for (const li of idx.labelsOf[id]) {
        if (!starts.has(li)) continue;
        const list = starts.get(li)!;
        if (list[list.length - 1] === i) continue;
        if (idx.labels[li].firstPos[id] === 0 || !idx.functionWord[id]) list.push(i);
      }
    }
  });
  let longest = 0;
  for (const li of starts.keys()) longest = Math.max(longest, idx.labels[li].tokens.length);
  const used = new Uint8Array(longest);
  // The window token each used label word stands at.
  const tokAt = new Int32Array(longest);
  const order: number[] = [];
  for (const [li, startList] of starts) {
    const label = idx.labels[li];
    const abbreviation = label.kind === 'abbreviation';
    const m = label.tokens.length;
    const maxIns = abbreviation ? 0 : Math.max(2, Math.floor(m / 3));
    for (const i of startList) {
      used.fill(0, 0, m);
      order.length = 0;
      let matchedW = 0;
      let content = 0;
      let insertedW = 0;
      let ins = 0;
      let allExact = true;
      let allOne = true;
      let neutralOnly = true;
      const insAt: number[] = [];
      let touchesFigure = false;
      let commas = 0;
      let frees = 0;
      let best: NameCandidate | null = null;
      const need = threshold * label.totalWeight;
      let remaining = label.totalWeight;
      for (let j = i; j < tokens.length && j < i + m + maxIns + frees; j++) {
        // Even matching every word still unmatched could not reach the threshold.
        if (matchedW + remaining < need) break;
        work.steps++;
        const tok = tokens[j];
        if (j > i && boundaryAfter[j - 1]) break;
        if (j > i) commas += commaAfter[j - 1];
        if (blockedTok[j] || (openTok[i] && otherTok[j] && otherPlace(label, tok))) break;
        // The label word this text word stands for: the first unused equal one, else a near one.
        let pos = -1;
        let c = 0;
        const cj = credits[j];
        for (let q = 0; q < cj.length; q++) {
          const cp = cj[q][1];
          if (cp <= c) continue;
          for (let p = label.firstPos[cj[q][0]]; p >= 0; p = label.nextPos[p]) {
            if (!used[p]) {
              pos = p;
              c = cp;
              break;
            }
          }
          if (c === 1) break;
        }
        if (pos >= 0 && abbreviation && (c < 1 || (label.upper[pos] && !tok.upper))) pos = -1;
        // No fuzzy name opens on a word a typo away from the label's figure word ("Sách trắng Thương
        // mại điện tử …": "trắng" is not the "tăng" of "Tăng trưởng …", reading.md §47.3).
        if (j === i && c < 1 && FIGURE_WORDS.has(label.tokens[pos])) break;
        if (pos < 0) {
          if (abbreviation) break;
          if (figureWord[j] || prefixTok[j]) break;
          // "… tốc độ băng rộng cố định và thứ 45 về …": a "và" the label lacks opens another conjunct,
          // not more of this name (round 15, speed15; test/unit/speed-round15.test.ts).
          if (CONJUNCTION.has(tok.folded)) break;
          // "0,6077 điểm về Chỉ số …": the figure's unit, then what it is about; "điểm về …" is no name (round 18, neg18).
          if (tok.folded === 've' && unitTok[i]) break;
          if (openTok[i] && freeTok[j]) frees++;
          else if (++ins > maxIns) break;
          else insertedW += idx.insertedWeight(tok.folded);
          allExact = false;
          if (!insertWord(tok.raw)) neutralOnly = false;
          else insAt.push(j);
          continue;
        }
        used[pos] = 1;
        tokAt[pos] = j;
        order.push(pos);
        if (prefixTok[j]) touchesFigure = true;
        if (!idx.functionWord[label.ids[pos]]) content++;
        matchedW += label.weights[pos] * c;
        remaining -= label.weights[pos];
        if (c < 1) allExact = allOne = false;
        const exact = allExact && ins === 0 && order.length === m && order.every((p, k) => p === k);
        if (abbreviation && !exact) continue;
        let score = 1;
        if (!exact) {
          // Only an exact name may share words with a figure ("tăng trưởng" of "tăng trưởng 26%").
          if (touchesFigure) continue;
          // Nor cross a comma the name does not have ("Theo Tổng cục Thống kê, tỷ trọng …").
          if (commas > label.commas) continue;
          // "74% người tiêu dùng sẵn sàng thanh toán không tiền mặt": a first word whose place in the name
          // lies between two words the window writes side by side ("không tiền mặt") is the phrase
          // before's ("tiêu dùng"), not the name's (reading.md §33.2).
          const p = order[0];
          if (p > 0 && p < m - 1 && used[p - 1] && used[p + 1] && tokAt[p + 1] === tokAt[p - 1] + 1) continue;
          // Nor end on the label's figure word written after the words it comes before in the name:
          // "Thanh toán qua mã QR tăng mạnh nhất: 142%" — "tăng" is the writer's verb after the
          // subject, not the "Tăng" of "Tăng trưởng giao dịch thanh toán qua mã QR" (round 33, reading.md §73).
          if (order.length > 1 && pos < order[order.length - 2] && FIGURE_WORDS.has(label.tokens[pos])) continue;
          // A fuzzy name must cover at least three content words of the label.
          if (label.content < 3 || content < 3) continue;
          // Nor lack the name's "số" of a digital whole: "tăng trưởng kinh tế" is the economy's, not "… kinh tế số" (reading.md §48).
          if (lacksDigital(label, used)) continue;
          // Nor take "nền" alone (the classifier of "nền kinh tế") for the name's "nền tảng" (half-word.ts, reading.md §81.3).
          if (halfWordOnly(label, (p) => !!used[p])) continue;
          const coverage = matchedW / label.totalWeight;
          if (coverage - (0.5 * insertedW) / label.totalWeight < threshold) continue;
          score = (coverage - (0.5 * insertedW) / label.totalWeight) * (0.85 + (0.15 * lisLength(order)) / order.length);
          if (score < threshold) continue;
        }
        const whole = !exact && allOne && neutralOnly && order.length === m && order.every((p, k) => p === k) && insertedRuns(insAt, tokens);
        const cand: NameCandidate = { label, first: i, last: j, start: tokens[i].start, end: tok.end, score, exact, matchedWeight: matchedW, rank: score * matchedW, inserted: ins, ...(whole ? { whole } : {}) };
        if (!best || cand.rank > best.rank || (cand.rank === best.rank && cand.exact && !best.exact)) best = cand;
      }
      if (best) out.push(best);
    }
  }
  return out;
}

/**
 * A label's "số" of a digital whole ("kinh tế số", "xã hội số", "chính phủ số", "chuyển đổi số", "năng
 * lực cạnh tranh số": reading.md §59.1) left out of the window. Not "công nghệ số": writers name its
 * products' exports "sản phẩm công nghệ" (reading.md §37.2).
 */
function lacksDigital(label: Label, used: Uint8Array): boolean {
  return digitalLacking(label, (p) => !!used[p]);
}
/** Whether a "số" of a digital whole in `label` is not written (`written(p)`: the label's word p is). */
export function digitalLacking(label: Pick<Label, 'tokens'>, written: (p: number) => boolean): boolean {
  for (let p = 1; p < label.tokens.length; p++) if (label.tokens[p] === 'so' && !written(p) && DIGITAL_OF.has(label.tokens[p - 1])) return true;
  return false;
}
const DIGITAL_OF = new Set(['te', 'hoi', 'phu', 'quyen', 'doi', 'tranh']);

/** Whether the words put into a window (token indices, ascending) form runs of inserted-words.ts insertRun ("đối với" a pair). */
function insertedRuns(at: number[], tokens: Token[]): boolean {
  for (let k = 0; k < at.length; ) {
    const run: string[] = [];
    do run.push(tokens[at[k]].raw.normalize('NFC').toLowerCase());
    while (++k < at.length && at[k] === at[k - 1] + 1);
    if (!insertRun(run)) return false;
  }
  return true;
}

/** The label words a text word stands for (eachCredit), as a list. */
function creditsOf(t: Token, idx: NameIndex): Array<[number, number]> {
  const m: Array<[number, number]> = [];
  eachCredit(t.folded, idx, (id, c) => m.push([id, c]));
  return m;
}

/**
 * The label words a text word (folded) stands for, as vocabulary ids, with the credit (1 equal,
 * 0.8 a typo away): what findNames weighs the words by (also the detector's prefilter, readings.ts).
 */
export function eachCredit(folded: string, idx: NameIndex, f: (id: number, credit: number) => void): void {
  const id = idx.ids.get(folded);
  if (id !== undefined) f(id, 1);
  // No typo credit for the words of figures and function words ("tăng" is not "hạng").
  if (!FIGURE_WORDS.has(folded) && !FUNCTION_WORDS.has(folded)) for (const v of idx.near(folded)) f(idx.ids.get(v)!, 0.8);
}

/** A coordinating word (folded) that no window may take as an inserted word. */
const CONJUNCTION = new Set(['va', 'và']);

const KIND_ORDER = { canonical: 0, alias: 1, abbreviation: 2 } as const;

/** Orders candidates best first: rank, then exact before fuzzy, canonical before alias. */
export function byRank(a: NameCandidate, b: NameCandidate): number {
  return (
    b.rank - a.rank ||
    Number(b.exact) - Number(a.exact) ||
    KIND_ORDER[a.label.kind] - KIND_ORDER[b.label.kind] ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start
  );
}
