/**
 * A sentence whose subject is one province ("Chín tháng đầu năm 2024, tỉnh tiếp nhận … ; tỷ lệ số
 * hóa hồ sơ đạt 96%", "toàn tỉnh đã số hóa 70,91% …"): its figures are that province's, no value of
 * a national entry (issue 13, tenth round, found on press-unmarked-held10; docs/accuracy.md "Ninth
 * round: held10's false marks"). Like judge.ts provincialEconomy (a province's GRDP), only an entry
 * "cấp tỉnh" may take them. Pure: the sentence as written and the entry.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';

/**
 * "tỉnh" or "thành phố" standing for one province (named after it or not): opening the sentence or
 * a clause (after ",", ";", ":"), or after "toàn", "cả", "của", "trên địa bàn". Not "các tỉnh", "63
 * tỉnh", "cấp tỉnh", "là tỉnh …", and never the pair "tỉnh, thành phố" / "tỉnh thành" (the provinces).
 */
const PROVINCE_ITSELF =
  /(?:^\s*|[,;:]\s+|(?<![\p{L}])(?:toàn|cả|của|trên địa bàn)\s+)(?<!tỉnh,?\s*)(?:tỉnh|thành phố)(?![\p{L}])(?!,?\s*(?:thành|tỉnh)(?![\p{L}]))/iu;

/**
 * The message listing `f` when `sentence` (from its opening up to and with the figure's clause)
 * speaks of one province while `ind` is no entry "cấp tỉnh", else null.
 */
export function provinceSubject(sentence: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  work.steps += sentence.length;
  const m = PROVINCE_ITSELF.exec(sentence);
  if (!m) return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => / cap tinh(?:[^a-z]|$)/.test(` ${foldKey(l)}`))) return null;
  return msg(
    `Câu nói về một tỉnh ("${m[0].replace(/^[\s,;:]+/, '')}"): "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of one province ("${m[0].replace(/^[\s,;:]+/, '')}"): "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}
