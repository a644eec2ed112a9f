/**
 * A component's weight, not its value (issue 13, round 19, helper neg19; one hook in classes.ts
 * falseByClass): an index's method told in a report ("Chỉ số hạ tầng viễn thông gồm bốn thành phần
 * có trọng số bằng nhau, mỗi thành phần 25%: tỷ lệ người sử dụng Internet, …", "tỷ lệ người sử dụng
 * Internet, trọng số 25%"). A figure the sentence calls a weight ("trọng số" before it in its
 * sentence, or right after it: "25% trọng số") says how much a component counts in the index, never
 * the component's value: listed `figure-role`, not marked. (A colon alone decides nothing: "cả ba trụ
 * cột cùng đứng thứ 2/63: chính quyền số, kinh tế số và xã hội số" gives each pillar its rank.) Pure.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';

export interface WeightInput {
  plain: string;
  /** The sentence's text before the figure's part (a part after ";" keeps its sentence's opening). */
  before?: string;
  indicatorName: string;
}

/** "trọng số" (a weight), as a word. */
const WEIGHT = /(?<![\p{L}])trọng\s+số(?![\p{L}])/giu;

/** The end of the last "trọng số" of `s`, or -1. */
function lastWeight(s: string): number {
  let end = -1;
  WEIGHT.lastIndex = 0;
  for (let m = WEIGHT.exec(s); m; m = WEIGHT.exec(s)) end = m.index + m[0].length;
  return end;
}
/** Right after the figure: "25% trọng số". */
const WEIGHT_AFTER = /^\s*(?:\(\s*)?trọng\s+số(?![\p{L}])/iu;

/** Why the figure is a component's weight, not the value of the entry (the message), else null. */
export function weightNotValue(x: WeightInput, f: Figure): ReturnType<typeof msg> | null {
  const sentence = (x.before ?? '') + x.plain.slice(0, f.start);
  work.steps += sentence.length;
  // The last "trọng số" before the figure, no numeral between ("…, với trọng số 30% cho trụ cột A,
  // đạt 0,75 điểm": the 0,75 is the index's own).
  const at = lastWeight(sentence);
  const weighted = at >= 0 && !/\d/u.test(sentence.slice(at));
  if (!weighted && !WEIGHT_AFTER.test(x.plain.slice(f.end, f.end + 20))) return null;
  return msg(
    `"${f.raw}" là trọng số của một thành phần trong cách tính chỉ số, không phải giá trị của "${x.indicatorName}": chưa đánh dấu.`,
    `"${f.raw}" is a component's weight in how an index is computed, not a value of "${x.indicatorName}": left unmarked.`,
  );
}
