/**
 * A ranking's value told by a copula (issue #13, round 14; docs/reading.md §6.5 (9)): "Xếp hạng tốc
 * độ tải xuống của mạng di động tháng 9/2023 là 58", "Thứ hạng GII của Việt Nam năm 2023 là 46/132",
 * "Năm 2024, hạng của Việt Nam về EGDI là 71/193": a clause whose subject is a ranking's position
 * ("xếp hạng", "thứ hạng", "hạng", "vị trí" opening it), whatever index it names, tells that position
 * after "là": the bare whole number or fraction right after the copula is a rank, not a level of the
 * index named inside the subject (a speed in Mbps, a score) nor a part of a whole
 * (figure-context.ts asks). A subject opened by anything else ("Điểm …", "Tỷ lệ …") is left to the
 * other rules; a number with a unit, a percentage, a decimal or a year is no rank. A name written
 * with `[[…]]` is masked before figures are read: a reference to a rank entry ("[[Xếp hạng …]] là
 * 46/132") is read as a rank by its catalog entry instead (core/rank-entry.ts). Pure; looks at a
 * bounded stretch before and after one numeral.
 */

/** How far back the clause's subject may open before "là". */
const SUBJECT_REACH = 160;

/**
 * The clause before "là" (its words up to the copula), opened by a rank word at the sentence's
 * start or after a clause break (",", ";", ":", "("), with no other copula, verb of change or figure
 * in between.
 */
const RANK_SUBJECT =
  /(?:^|[,;:(]\s*|[.!?]\s+)(?:xếp hạng|thứ hạng|hạng|vị trí|thứ bậc)(?:\s+(?!là\s|tăng\s|giảm\s|đạt\s|xếp\s|đứng\s)[^\s,;:()]+){1,24}\s+là\s+$/iu;

/**
 * A bare whole number or a fraction of whole numbers (the whole's noun may follow: "71/193 quốc
 * gia"), then only what may follow a place: the end, a punctuation mark, its whole ("trên 193"), its
 * scope, its period, a comparison ("so với"); never a unit, a decimal or a percentage ("là 3 km").
 */
const BARE_PLACE =
  /^(\d{1,3})(?![\d.,]\d)(?:\s?\/\s?(\d{1,3})(?![\d.,]\d)(?:\s+(?:quốc gia|nước|nền kinh tế|tỉnh|địa phương|bộ)(?![\p{L}]))?)?(?=\s*(?:$|[,.;:!?()]|(?:trên|trong|thế giới|toàn cầu|của|và|năm|tháng|quý|so|khu vực|asean|đông nam á|châu|toàn quốc|cả nước|sau|trước|vào|tại|ở)(?![\p{L}])))/iu;

/**
 * Whether the numeral at `at` of `o` (the text as written, NFC), right after "là" (`wordStart`: the
 * copula's offset), is a ranking's position told by a copula (see the module's comment).
 */
export function rankAfterCopula(o: string, at: number, wordStart: number, word: string): boolean {
  if (word !== 'là') return false;
  const m = BARE_PLACE.exec(o.slice(at, at + 40));
  if (!m) return false;
  const place = Number(m[1]);
  if (place < 1 || (m[2] !== undefined && place > Number(m[2]))) return false;
  // (a stretch cut inside its sentence does not open a clause: "\0" before it)
  const from = Math.max(0, wordStart - SUBJECT_REACH);
  return RANK_SUBJECT.test(`${from > 0 ? '\0' : ''}${o.slice(from, wordStart + 2)} `);
}

/**
 * The clause before "là" of an ordinal "là thứ N": opened by a reference (`[[…]]`, masked as at least
 * five spaces before figures are read: "[[Xếp hạng …]] của Việt Nam năm 2024 là thứ 5") or by the
 * scope of a rank told before it ("…, còn trong khu vực Đông Nam Á là thứ 5/11").
 */
const ORDINAL_SUBJECT =
  /(?:^|[,;:(]\s*|[.!?]\s+)(?: {5,}|(?:(?:và|còn)\s+)?(?:trong|tại|ở)\s+(?:khu vực|asean|đông nam á|châu á)(?:\s+(?:asean|đông nam á))?\s*,?)(?:\s+(?!là\s|tăng\s|giảm\s|đạt\s|xếp\s|đứng\s)[^\s,;:()]+){0,16}\s+là\s+$/iu;
/** After "thứ": a place, not a weekday's date ("là thứ 3, ngày 17/9", "thứ 2 (17/9)"). */
const ORDINAL_PLACE = /^\d{1,3}(?:\s?\/\s?\d{1,3})?(?![\d.,%])(?!\s*(?:,\s*|\(\s*)?(?:ngày\s+)?\d{1,2}\s?\/\s?\d{1,2})/u;

/**
 * "Thứ hạng … năm 2024 là thứ 71", "[[Xếp hạng …]] của Việt Nam là thứ 5", "còn trong khu vực Đông Nam
 * Á là thứ 5/11": an ordinal after a copula whose clause is a ranking's (opened by a rank word, a
 * reference or a rank's scope) is a rank (`thu`: the offset of "thứ", `la`: of the copula before it).
 */
export function ordinalAfterCopula(o: string, at: number, thu: number, la: number): boolean {
  if (!ORDINAL_PLACE.test(o.slice(at, at + 24))) return false;
  const from = Math.max(0, la - SUBJECT_REACH);
  const clause = `${from > 0 ? '\0' : ''}${o.slice(from, la + 2)} `;
  return thu > la && (RANK_SUBJECT.test(clause) || ORDINAL_SUBJECT.test(clause));
}

/**
 * "Việt Nam là 1 trong 5 nước có EGDI ở mức rất cao", "Đà Nẵng là một trong 3 địa phương dẫn đầu":
 * after a copula, "1/một trong (số) (những/các) N" places the subject in a group: neither the 1 nor
 * the group's size N is a value of any index named after it (figure-context.ts reads them as no
 * figure, as it reads a label). "76 trong số 106 nhiệm vụ" (no copula, a part of a whole) is left.
 */
const ONE_OF = /(?:^|[^\p{L}\p{N}])là\s+(?:1|một)\s+trong\s+(?:số\s+)?(?:(?:những|các)\s+)?$/iu;
const ONE_OF_AFTER = /^1\s+trong\s+(?:số\s+)?(?:(?:những|các)\s+)?\d/u;

/** Whether the numeral at `at` of `o` (after `word`) is the 1 or the group's size of "là 1 trong N …" (see ONE_OF). */
export function groupSize(o: string, at: number, word: string): boolean {
  if (word === 'là') return ONE_OF_AFTER.test(o.slice(at, at + 30));
  // (the words right before the group's size: "trong", "số", "những", "các"; else no test)
  return (word === 'trong' || word === 'số' || word === 'những' || word === 'các') && ONE_OF.test(o.slice(Math.max(0, at - 30), at));
}

/**
 * "Báo cáo NRI 2024 xếp hạng 133 nền kinh tế" (reading.md §41): after the verb "xếp hạng" (no
 * "thứ", no "/M"), a whole number followed by what is ranked (countries, economies, provinces) is how
 * many the ranking covers, no place of any subject: no figure (as the group's size above).
 */
const RANKED_COUNT = /^\d{1,3}\s+(?:quốc gia|nền kinh tế|nước|tỉnh|thành phố|địa phương|vùng lãnh thổ)(?![\p{L}])/iu;

/** Whether the numeral at `at` of `o`, after "xếp hạng" (`w0`, `w1`: the two words before it), counts what a ranking covers. */
export function rankedCount(o: string, at: number, w0: string, w1: string | undefined): boolean {
  return w0 === 'hạng' && w1 === 'xếp' && RANKED_COUNT.test(o.slice(at, at + 30));
}

/**
 * "xét riêng khu vực châu Á – Thái Bình Dương với 40 quốc gia và vùng lãnh thổ tham gia, Việt Nam xếp
 * hạng 17" (issue #13 round 34, docs/reading.md §77): after "với", a whole number of countries (and
 * territories, economies) that take part in or are ranked by a ranking is how many it covers, no value
 * of any entry: no figure (as the count after "xếp hạng" above), so a name before it (a region's rank,
 * the ranking's title) binds the rank after it.
 */
const PARTICIPANTS = /^\d{1,3}\s+(?:quốc gia|nền kinh tế|nước)(?:\s+và\s+(?:vùng lãnh thổ|nền kinh tế))?\s+(?:tham gia|được\s+(?:xếp hạng|khảo sát|đánh giá))(?![\p{L}])/iu;

/** Whether the numeral at `at` of `o`, right after "với" (`w0`), counts the countries taking part in a ranking. */
export function participantCount(o: string, at: number, w0: string): boolean {
  return w0 === 'với' && PARTICIPANTS.test(o.slice(at, at + 64));
}

/**
 * "Chỉ tiêu năm 2023 về tỷ lệ hộ gia đình sử dụng cáp quang là 80%", "Kế hoạch năm 2024 đặt ra cho
 * số doanh nghiệp công nghệ số là 80.000": a clause opened by a target word ("mục tiêu", "chỉ tiêu",
 * "kế hoạch"), the name it sets (any words, no verb of a result) and the copula: the figure after
 * "là" is the target, not a level (clauses.ts asks with the clause up to the figure, lower case).
 * "Kết quả thực hiện chỉ tiêu … là 82%" (the target word not opening the clause) is left a level.
 */
const TARGET_SUBJECT =
  /^[\s,;:(]*(?:(?:còn|riêng|trong đó)\s*,?\s*)?(?:mục tiêu|chỉ tiêu|kế hoạch(?!\s+và\s+đầu tư))(?:\s+(?!(?:là|đạt|đã|tăng|giảm|vượt|hoàn thành)(?![\p{L}]))[^\s,;:()]+){0,30}\s+là\s*$/u;

/** Whether `clause` (lower case, from its start to a figure) sets a target by a copula (see TARGET_SUBJECT). */
export function targetByCopula(clause: string): boolean {
  // (cheap tests first: most figures follow no "là", most clauses open with no target word)
  return clause.length <= 400 && /là\s*$/u.test(clause.slice(-6)) && /(?:mục tiêu|chỉ tiêu|kế hoạch)/u.test(clause.slice(0, 40)) && TARGET_SUBJECT.test(clause);
}
