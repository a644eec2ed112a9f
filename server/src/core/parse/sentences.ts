/** Sentence splitting of masked prose. */
import { work } from '../work';

/** Splits a block into sentences: at `;`, and at . ! ? … followed by white space or the end. */
export function sentenceSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  work.steps += s.length;
  let begin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const boundary = c === ';' || ((c === '.' || c === '!' || c === '?' || c === '…') && (i + 1 >= s.length || /\s/.test(s[i + 1])));
    if (boundary) {
      spans.push([begin, i + 1]);
      begin = i + 1;
    }
  }
  if (begin < s.length) spans.push([begin, s.length]);
  return spans;
}
