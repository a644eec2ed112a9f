/**
 * A bracketed aside between a name and its figure: a source ("Tốc độ Internet di động (theo Ookla)
 * đạt 47,31 Mbps"), an abbreviation or a note with figures of its own ("Doanh thu kinh tế số (năm
 * 2023: 13 tỷ USD) năm 2024 ước đạt 16 tỷ USD"). The clause reader cuts a sentence at brackets
 * (clauses.ts), so the name's clause ends at "(" and the words after ")" are a clause of their own:
 * when that clause goes on right after ")" (no comma, semicolon or colon), it is the name's clause
 * resumed, and its level figure is the name's (clauses.ts bindInSentence; the detector's distance:
 * markup/placement.ts). The figures inside the brackets keep their own reading (their clause, their
 * period: a clause in brackets governs only itself). Pure.
 */

/** An aside: one level of brackets, on one line, at most 160 characters. */
const ASIDE = /^\s*\([^()[\]\r\n]{1,160}\)/u;
/** After the aside, the clause goes on: a word (or the figure, where `after` ends), not a mark that ends or cuts it. */
const GOES_ON = /^[ \t]*(?:[\p{L}\p{N}]|$)/u;

/** The length of the aside at the start of `after` (the text right after a name), through its ")", when the clause goes on after it; else 0. */
export function asideLength(after: string): number {
  const m = ASIDE.exec(after);
  return m && GOES_ON.test(after.slice(m[0].length)) ? m[0].length : 0;
}

/**
 * The clause of `clauses` (in text order) that resumes the name ending at `end` after an aside
 * right after it, or -1. The clause reader starts that clause right after the ")".
 */
export function resumedClause(text: string, end: number, clauses: ReadonlyArray<{ start: number; paren: boolean }>): number {
  if (text.charCodeAt(end) !== 0x28 /* ( */ && text.charCodeAt(end) !== 0x20 /* space */) return -1;
  const n = asideLength(text.slice(end, end + 200));
  if (!n) return -1;
  let lo = 0;
  let hi = clauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (clauses[mid].start < end + n) lo = mid + 1;
    else hi = mid;
  }
  return lo < clauses.length && clauses[lo].start === end + n && !clauses[lo].paren ? lo : -1;
}
