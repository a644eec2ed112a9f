/**
 * A threshold written in an entry's names ("Số nền tảng số có trên 10 triệu người dùng …", "Tỷ lệ dân
 * số từ 15 tuổi trở lên …") that the sentence writes with another number ("60 nền tảng … có trên 1
 * triệu người dùng"): the figure counts another set, no value of the entry (issue 13, tenth round,
 * found on press-unmarked-held10; docs/accuracy.md "False-mark classes"). Listed
 * `figure-does-not-fit` (judge.ts whoseFigure). Pure: the sentence as written and the entry.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';

/** A number between a bound word ("trên", "dưới", "từ", "hơn") and the word it counts in: "trên 10 triệu". */
const THRESHOLD = /(?<![\p{L}\p{N}])(trên|dưới|từ|hơn|tối thiểu|ít nhất)\s+(\d+(?:[.,]\d+)*)\s+([\p{L}\p{M}]+)/giu;

function thresholds(text: string): Array<{ key: string; number: string; raw: string }> {
  return [...text.matchAll(THRESHOLD)].map((m) => ({ key: `${foldKey(m[1])} ${foldKey(m[3])}`, number: m[2].replace(/[.,]/g, ''), raw: m[0] }));
}

const ownThresholds = new WeakMap<Indicator, Map<string, Set<string>>>();
function thresholdsOf(ind: Indicator): Map<string, Set<string>> {
  let own = ownThresholds.get(ind);
  if (!own) {
    own = new Map();
    for (const name of [ind.name, ...(ind.aliases ?? [])])
      for (const t of thresholds(name)) {
        if (!own.has(t.key)) own.set(t.key, new Set());
        own.get(t.key)!.add(t.number);
      }
    ownThresholds.set(ind, own);
  }
  return own;
}

/**
 * The message listing `f` when `ind`'s names write a threshold ("trên 10 triệu") that `sentence`
 * writes only with other numbers ("trên 1 triệu"), else null.
 */
export function otherThreshold(sentence: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  const own = thresholdsOf(ind);
  if (!own.size) return null;
  work.steps += sentence.length;
  const written = thresholds(sentence).filter((t) => own.has(t.key));
  if (!written.length || written.some((t) => own.get(t.key)!.has(t.number))) return null;
  return msg(
    `Câu viết ngưỡng "${written[0].raw}", khác ngưỡng trong tên của "${ind.name}": "${f.raw}" đếm một tập khác, chưa đánh dấu.`,
    `The sentence writes the threshold "${written[0].raw}", not the one in the name of "${ind.name}": "${f.raw}" counts another set, left unmarked.`,
  );
}
