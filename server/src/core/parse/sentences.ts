/** Sentence splitting of masked prose. */
import { work } from '../work';
import { opensTargetList } from './roles';
import { joinsProvinceList } from './subject-list';

/**
 * Splits a block into sentences: at `;`, and at . ! ? … followed by white space or the end. A `;`
 * between two numbers of a "lần lượt" list ("lần lượt là 0,72; 0,70; 0,69") joins the list instead,
 * and so does one in a list of targets after a target word and a colon ("đặt các mục tiêu: tỷ lệ A
 * 85%; tỷ lệ B 75%": roles.ts targetsListed reads the whole list as targets), and one between
 * the items of a list of provinces after a colon ("…: Đà Nẵng đạt 0,8002 điểm; Quảng Ninh đạt
 * 0,7024 điểm", subject-list.ts).
 */
export function sentenceSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  work.steps += s.length;
  let begin = 0;
  for (let i = 0; i < s.length; i++) {
    // (by code unit: no one-character string per character; `;` 59, `.` 46, `!` 33, `?` 63, `…` 8230)
    const c = s.charCodeAt(i);
    const boundary =
      (c === 59 && !listSemicolon(s, begin, i) && !targetListed(s, begin, i) && !joinsProvinceList(s, begin, i)) ||
      ((c === 46 || c === 33 || c === 63 || c === 8230) && (i + 1 >= s.length || /\s/.test(s[i + 1])) && !(c === 46 && cityAbbreviation(s, i)));
    if (boundary) {
      spans.push([begin, i + 1]);
      begin = i + 1;
    }
  }
  if (begin < s.length) spans.push([begin, s.length]);
  return spans;
}

/**
 * "TP. Hồ Chí Minh", "Tp. Cần Thơ": the city's abbreviation before its name, no sentence end (class
 * city-abbreviation, issue 13 round 16: the sentence kept whole keeps its province, markup/province.ts).
 */
const CITY_ABBREVIATION = /(?<![\p{L}\d])T[Pp]$/u;
function cityAbbreviation(s: string, dot: number): boolean {
  return CITY_ABBREVIATION.test(s.slice(Math.max(0, dot - 3), dot)) && /^\s{1,2}\p{Lu}/u.test(s.slice(dot + 1, dot + 4));
}

/** A number (with "%" or a short unit) right before, one right after, and "lần lượt" in the sentence so far, within 200 characters. */
const BEFORE_NUMBER = /\d(?:\s?%|\s?[\p{L}]{1,6})?\s*$/u;
const AFTER_NUMBER = /^\s{0,2}\d/u;
function listSemicolon(s: string, begin: number, at: number): boolean {
  if (!BEFORE_NUMBER.test(s.slice(Math.max(begin, at - 12), at)) || !AFTER_NUMBER.test(s.slice(at + 1, at + 12))) return false;
  const from = Math.max(begin, at - 200);
  work.steps += at - from;
  return /(?:^|[^\p{L}])lần lượt(?![\p{L}])/iu.test(s.slice(from, at));
}

/** True if the sentence so far (within 300 characters) opened a list of targets (roles.ts opensTargetList). */
function targetListed(s: string, begin: number, at: number): boolean {
  const from = Math.max(begin, at - 300);
  work.steps += at - from;
  return opensTargetList(s.slice(from, at));
}
