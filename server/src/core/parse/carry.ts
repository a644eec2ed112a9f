/**
 * The period a sentence lends the next sentences of its paragraph (docs/dialect.md §6.3, step 7):
 * "Số liệu đến tháng 9/2023 cho thấy 78,3% hộ gia đình … Cả nước có 22,3 triệu thuê bao …" — the
 * second sentence states no period, and the first one's lead phrase is its period.
 *
 * A sentence's **lead** is its first period phrase that stands before its first figure, outside
 * brackets, and is no comparison base ("so với năm 2022"), no target's ("Mục tiêu năm 2025, …"), no
 * start of a span ("từ năm 2018") and no date of an event ("Chiều 27/4/2022", "Ngày 6/2/2025, phiên
 * họp …": a date leads only after "đến"/"tính đến"/"tới": "Tính đến ngày 4/9/2023, …"). A sentence
 * that says "now" ("hiện nay", "đến nay", "hiện tại", "năm nay", "hiện có" …) ends the carry: its
 * figures, and the next sentences', are of the document's period again.
 */
import type { Figure, PeriodPhrase } from '../types';
import { firstIndex, type SentenceReading } from './clauses';
import { readPartOnce } from './part-reading';
import { sentenceSpans } from './sentences';
import { publishedEditionAfter } from './published-lead';

/** A lead phrase in the document (absolute offsets). */
export interface Carry {
  code: string;
  start: number;
  end: number;
}

const NOW = /(?:^|[^\p{L}])(?:hiện nay|hiện tại|hiện có|hiện đạt|hiện đang|hiện là|đến nay|tới nay|năm nay|cho đến nay)(?![\p{L}])/iu;
const DATE = /^(?:\d{4}|XXXX)-\d\d-\d\d$/;
const AS_OF = /^(?:tính\s+)?(?:đến|tới)(?:\s+hết)?\s/iu;
/** The same words written right before a phrase that does not hold them. */
const AS_OF_BEFORE = /(?:^|\s)(?:tính\s+)?(?:đến|tới)(?:\s+hết)?\s+$/iu;

/**
 * What a sentence does to the carried period: its lead (a new carry), `null` (it says "now": the
 * carry ends) or `undefined` (nothing: the carry goes on past it). `base`: the sentence's offset.
 */
export function carryOf(text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, base: number): Carry | null | undefined {
  const firstFigure = figures.length ? figures[0].start : text.length;
  for (let k = 0; k < periods.length && periods[k].start < firstFigure; k++) {
    const p = periods[k];
    if (p.comparison || reading.lendsNothing[k]) continue;
    if (DATE.test(p.code) && !AS_OF.test(p.raw)) continue;
    const c = firstIndex(reading.clauses.length, (t) => reading.clauses[t].start > p.start) - 1;
    if (c >= 0 && reading.clauses[c].paren) continue;
    // ("sơ kết 6 tháng đầu năm 2023, Bộ … đã công bố kết quả … (DTI) năm 2022.": the published results' year, published-lead.ts)
    const e = publishedEditionAfter(text.toLowerCase(), periods, k, firstFigure);
    const q = e >= 0 ? periods[e] : p;
    return { code: q.code, start: base + q.start, end: base + q.end };
  }
  return NOW.test(text) ? null : undefined;
}

/**
 * A list's lead ending with a colon that says as of when ("…, đến tháng 6/2023:", "tính đến hết năm
 * 2024:"): its last such phrase (no comparison base), the date of the list's figures (list-lead.ts),
 * else null. `text`: the lead's last sentence; `periods`: its phrases.
 */
export function asOfPhrase(text: string, periods: PeriodPhrase[]): PeriodPhrase | null {
  for (let k = periods.length - 1; k >= 0; k--) {
    const p = periods[k];
    if (!p.comparison && (AS_OF.test(p.raw) || AS_OF_BEFORE.test(text.slice(Math.max(0, p.start - 16), p.start)))) return p;
  }
  return null;
}

/** True if `text` says "now" ("hiện nay", "đến nay" …): a carried period ends there. */
export function saysNow(text: string): boolean {
  return NOW.test(text);
}

/**
 * The period the sentences of a paragraph's `text` lend the sentence that follows them, as the
 * checker reads it (carry.ts): the last lead, unless a later sentence said "now"; null: none.
 */
export function paragraphCarry(text: string): Carry | null {
  let carry: Carry | null = null;
  for (const [from, to] of sentenceSpans(text)) {
    const t = text.slice(from, to);
    const r = readPartOnce(t, false);
    const st = r.reading ? carryOf(t, r.figs, r.phrases, r.reading, from) : undefined;
    if (st !== undefined) carry = st;
  }
  return carry;
}
