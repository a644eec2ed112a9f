/**
 * A figure far from its name across the title of the report that published it: the name is the
 * report's title ("Báo cáo Năng lực cạnh tranh toàn cầu năm 2019"), the publisher follows with its
 * bracketed abbreviation ("của Diễn đàn Kinh tế thế giới (WEF)", "do Tổ chức Sở hữu trí tuệ thế
 * giới (WIPO) công bố sáng 30/9"), then the subject the report ranks or scores and its figure
 * (", Việt Nam đứng thứ 67/141", "xếp Việt Nam thứ 48/132", "đặt Hậu Giang ở vị trí thứ 17": class
 * placed-by-the-ranking, round 18); another country's place ("xếp Singapore thứ 5") is not Việt Nam's.
 * The words between are no clause of their own and no other figure's: the figure is the named
 * index's value for its subject (placement.ts farFigure asks before measuring the distance). Pure.
 */
import type { Figure, PeriodPhrase } from '../types';

/** Right before the name: the report, ranking or survey it is the title of ("Trong Báo cáo", "Theo bảng xếp hạng", "Báo cáo khảo sát"). */
const TITLE_OF = /(?:^|[^\p{L}])(?:báo cáo|bảng xếp hạng|khảo sát|bộ chỉ số|kết quả)(?:\s+(?:về|khảo sát|xếp hạng|đánh giá|thường niên|chỉ số)){0,3}\s*$/iu;
/**
 * The index itself framing the sentence ("Trong Chỉ số An toàn, an ninh mạng toàn cầu (GCI) năm 2014 mà
 * ITU giới thiệu …, Việt Nam đứng thứ 76"; "Trong bảng xếp hạng chuyển đổi số cấp tỉnh năm 2022 do Bộ …
 * công bố, Quảng Bình đứng thứ 46/63"): a frame word right before a name that opens on "Chỉ số" or
 * "xếp hạng" (INDEX_NAME) stands for "báo cáo" (round 33, reading.md §74).
 */
// (also "bảng" alone at the sentence's start, "Bảng xếp hạng chuyển đổi số cấp tỉnh năm 2021 do … công bố đưa
// Lâm Đồng lên vị trí 20/63"; and the publisher's verb, "ITU vừa công bố Chỉ số … (GCI) năm 2018, theo đó Việt Nam xếp thứ 50/175")
const FRAME = /(?:^\s*|(?:^|[^\p{L}])(?:trong|theo|ở|tại|trên)\s+)bảng\s*$|(?:^|[^\p{L}])(?:trong|theo|ở|tại|trên|công bố|phát hành)\s*$/iu;
const INDEX_NAME = /^(?:chỉ số|xếp hạng)(?![\p{L}])/iu;
/** A title of up to ten words after "báo cáo" (TITLE_OF), then an opening bracket: the abbreviation inside glosses the title. */
/** The bracket closing right after the name (sticky: read at the name's end, no slice of the rest). */
const CLOSING = /\s*\)/y;
// ("Trên bảng Chỉ số phát triển CNTT-TT (IDI) của …": a table of an index, its words hyphened; round 31, reading.md §62)
const GLOSSED_TITLE = /(?:^|[^\p{L}])(?:báo cáo|bảng xếp hạng|bảng|khảo sát|bộ chỉ số)\s+(?:[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*,?\s+){1,10}\(\s*$/iu;
/** A publisher: "của"/"do" and at most ten words starting with a capital, then its bracketed abbreviation or gloss. */
// (or the index's relative clause, "mà Liên minh Viễn thông Quốc tế (ITU) giới thiệu tại …": round 33, reading.md §74)
const PUBLISHER = String.raw`(?:(?:của|do|mà)\s+\p{Lu}[\p{L}\p{M}'’.&-]*(?:\s+[\p{L}\p{M}'’.&-]+){0,9}(?:\s*\([^()\d]{1,40}\))?\s*)?`;
/** "công bố", "phát hành" and the time of day of a date the period phrases leave. */
// (round 33, reading.md §74: after a comma, ", công bố năm 2009,"; "giới thiệu tại <a meeting of up to twelve words>")
const PUBLISHED = String.raw`(?:(?:,\s*)?(?:công bố|phát hành|ban hành|giới thiệu)(?:\s+(?:sáng|chiều|tối|ngày|hôm|vào))*\s*(?:(?:tại|ở)\s+[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){0,11}\s*)?)?`;
/** A bracketed abbreviation right after the name ("Chỉ số sẵn sàng kết nối (NRI) 2008 - 2009 của …"). */
const GLOSS = String.raw`(?:\s*\([^()\d]{1,40}\))?`;
/** An edition of a year or of two years ("2008 - 2009"), when the period phrases leave it. */
const EDITION = String.raw`(?:\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?`;
/** The provincial index's scope written after its name ("Bộ Chỉ số đánh giá chuyển đổi số các tỉnh, thành phố năm 2024"). */
const PROVINCES_OF = String.raw`(?:\s+(?:của\s+)?các\s+tỉnh,?\s+thành(?:\s+phố)?(?:\s+trực thuộc\s+[Tt]rung ương)?)?`;
/** The subject ranked or scored: Việt Nam ("nước ta"): the catalog's international rankings are Việt Nam's (another country's place is no value of theirs). */
const SUBJECT = String.raw`(?:Việt Nam|nước ta)`;
/** A province's name (at most four capitalized words, "tỉnh"/"thành phố" before it): the subject of a provincial ranking ("cấp tỉnh"). */
const PROVINCE = String.raw`(?:(?:tỉnh|thành phố|TP\.?)\s+)?\p{Lu}[\p{L}\p{M}]*(?:\s+(?:-\s+)?\p{Lu}[\p{L}\p{M}]*){0,3}`;
/** The verb before the figure, when the figure's words do not hold it. */
// (an adverb before it, "Kiên Giang từng đứng thứ 9/63", "Việt Nam vẫn xếp thứ 3": round 33, reading.md §74)
const VERB = String.raw`(?:\s+(?:vẫn|từng|đã|tiếp tục))?(?:\s+(?:được\s+)?(?:xếp hạng|xếp|đứng|đạt|giữ|vươn lên|lên|ở))?`;
/** An apposition on the edition between commas: ", năm đầu tiên Bộ công bố,", ", lần công bố thứ tư," (round 33, reading.md §74). */
const EDITION_NOTE = String.raw`(?:,\s*(?:năm|lần|kỳ)\s+(?:công bố\s+|đánh giá\s+)?(?:đầu tiên|thứ\s+[\p{L}\d]+)(?:\s+[\p{L}\p{M}]+){0,5}\s*)?`;
/** A move in places and the place it started from, before the place reached ("lùi hai bậc, từ vị trí 86/155 năm 2012 xuống 88/157"; round 31, reading.md §62). */
const MOVED = String.raw`(?:\s+(?:tăng|giảm|lùi|tụt|vượt|nhảy)\s+[\p{L}\d]+\s+bậc\s*,?)?(?:\s*từ\s+(?:vị trí|hạng|thứ)?\s*\d{1,3}(?:\/\d{2,3})?(?:\s+(?:xuống|lên)(?:\s+(?:vị trí|hạng|thứ))?)?)?`;
// (an edition year right after the name: "Báo cáo DTI 2023 do Bộ … công bố tại phiên họp, …", reading.md §31)
const gap = (subject: string) => new RegExp(String.raw`^${GLOSS}${PROVINCES_OF}${EDITION}\s*${PUBLISHER}${PUBLISHED}${EDITION_NOTE}(?:,\s*)?(?:(?:cho thấy|ghi nhận|chỉ ra|theo đó)\s+)?(?:(?:xếp|đặt|đưa)\s+)?${subject}${MOVED}${VERB}\s*$`, 'u');
const GAP = gap(SUBJECT);
const PROVINCE_GAP = gap(PROVINCE);
/** Another subject than Việt Nam: a capitalized name that is no state body (a ministry's own index, "cấp bộ", is about it). */
const ANOTHER_GAP = gap(String.raw`(?!(?:Bộ|Tổng cục|Cục|Ủy ban|Uỷ ban|UBND|Ban|Văn phòng|Ngân hàng|Chính phủ|Sở|Đài|Thông tấn|Viện|Học viện|Đại học)(?![\p{L}]))${PROVINCE}`);

/**
 * Whose the figure after a name is when the name is a report's title: 'own' when it is the value the
 * report gives its subject,
 * the name right after "báo cáo", "bảng xếp hạng", "khảo sát"; between it and the figure only period
 * phrases, the publisher, "công bố …", "cho thấy" and the subject with its verb. A change is never such a value.
 * The subject is Việt Nam, or for a provincial ranking (`provincial`: an entry "cấp tỉnh") a province
 * ("Theo kết quả xếp hạng Chỉ số chuyển đổi số cấp tỉnh năm 2022 của Bộ …, thành phố Cần Thơ đạt hạng 5/63").
 * 'another' when the same words name another subject of a ranking of countries ("…, Hoa Kỳ giữ vị
 * trí thứ 1"); null when the words between are not those of a title.
 */
export function titledFigure(text: string, name: { start: number; end: number }, f: Figure, periods: PeriodPhrase[], provincial = false, words = ''): 'own' | 'another' | null {
  if (f.start < name.end || f.change) return null;
  // (round 25, reading.md §37.4: the index's abbreviation glossing the title, "Theo báo cáo Chỉ số an ninh
  // mạng toàn cầu (GCI) năm 2017 của Liên minh …, Việt Nam xếp thứ 101/193": the gloss stands for the title)
  CLOSING.lastIndex = name.end;
  const glossed = GLOSSED_TITLE.test(text.slice(Math.max(0, name.start - 100), name.start)) && CLOSING.test(text);
  const before = text.slice(Math.max(0, name.start - 40), name.start);
  if (!glossed && !TITLE_OF.test(before) && !(FRAME.test(before) && INDEX_NAME.test(words))) return null;
  let gap = text.slice(name.end, f.start);
  if (glossed) gap = gap.replace(/^(\s*)\)/, '$1 ');
  if (gap.length > 200) return null;
  // Period phrases are no words between ("năm 2019", "sáng 30/9" read as a date).
  for (const p of periods) {
    const a = Math.max(p.start, name.end);
    const b = Math.min(p.end, f.start);
    if (b > a) gap = gap.slice(0, a - name.end) + ' '.repeat(b - a) + gap.slice(b - name.end);
  }
  if ((provincial ? PROVINCE_GAP : GAP).test(gap)) return 'own';
  // Another country after the title of a ranking of countries ("…, Hoa Kỳ giữ vị trí thứ 1"): its place, not Việt Nam's.
  return !provincial && ANOTHER_GAP.test(gap) ? 'another' : null;
}

/**
 * A regional rank after the region's count of participants (round 34, docs/reading.md §77): "xét riêng
 * [[khu vực châu Á – Thái Bình Dương]] với 40 quốc gia và vùng lãnh thổ tham gia, Việt Nam xếp hạng 17",
 * "[[Xếp hạng GCI khu vực …]] với 38 quốc gia được xếp hạng, Việt Nam đứng thứ 11": between the name and
 * the rank only "với N quốc gia (và vùng lãnh thổ) tham gia / được xếp hạng" (no figure: parse/rank-copula.ts
 * participantCount), a comma, Việt Nam and its verb. The rank is the name's though a clause away; another
 * country's is not (placement.ts farFigure).
 */
const COUNTED = new RegExp(
  String.raw`^\s*với\s+\d{1,3}\s+(?:quốc gia|nền kinh tế|nước)(?:\s+và\s+(?:vùng lãnh thổ|nền kinh tế))?\s+(?:tham gia|được\s+(?:xếp hạng|khảo sát|đánh giá))\s*,\s*${SUBJECT}${VERB}\s*$`,
  'u',
);

/** Whether the rank `f` follows the name across the count of the ranking's participants only (see COUNTED). */
export function afterParticipants(text: string, name: { start: number; end: number }, f: Figure): boolean {
  return f.kind === 'rank' && !f.change && f.start > name.end && f.start - name.end <= 120 && COUNTED.test(text.slice(name.end, f.start));
}
