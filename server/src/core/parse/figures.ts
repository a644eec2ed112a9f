/**
 * The figure reader: every figure in a piece of Vietnamese text (a sentence or a table cell), with
 * what a Vietnamese reader means by it. Pure, linear-time, never throws.
 *
 * ## What is a figure
 * A numeral (digits with "." thousands groups and "," decimals, see `numbers.ts`) that states a
 * quantity, with what belongs to it:
 * - before it: a qualifier (khoảng, gần, hơn, trên, dưới, ước, ước đạt, ước tính, tiến sát, đạt,
 *   tối thiểu/ít nhất/không dưới, tối đa/không quá; any case), a change word (tăng, tăng thêm,
 *   giảm, giảm đi, cao hơn, thấp hơn), the growth word "tăng trưởng", a sign (-, −, "âm"), and filler words that may
 *   stand between them and the numeral (tỷ lệ, tỷ trọng, mức, là, con số): "ước đạt tăng trưởng
 *   22,4%", "tăng trên 23 triệu", "đạt tỷ lệ 28,6%". A filler alone at the outer end is not part
 *   of `raw` ("là 97,3%" → raw "97,3%").
 * - after it: a multiplier (nghìn/ngàn 1e3, triệu 1e6, tỷ/tỉ 1e9, nghìn tỷ 1e12, triệu tỷ 1e15)
 *   and a unit; a target ("50.350 doanh nghiệp/mục tiêu 48.000 doanh nghiệp" → `target: 48000`);
 *   a comparison ("so với cuối năm 2022", "so cùng kỳ năm 2023") that sets `change.against` /
 *   `change.sameTimeLastYear` when the figure is a change. The comparison is not part of `raw`.
 *   "tăng so với cùng kỳ năm trước là 8,47%" is a change too; there `raw` runs from "tăng".
 *
 * ## Units (`unit`, `unitClass`)
 * "%", "phần trăm" → "%" (percent); "điểm phần trăm", "điểm %" → points; USD/đô la (Mỹ), đồng,
 * VND/VNĐ, EUR → currency (normalized "USD", "đồng", "VND", "EUR"); "bậc" → rank (a rank change:
 * "tăng 8 bậc"); measures and durations (tấn, kg, km, ha, MW, GB, giờ, ngày, tháng, năm, tuổi,
 * lần, điểm…) → none, the word as unit. Otherwise the counted noun → count: first the longest
 * known domain term ("thẻ căn cước", "tổ công nghệ số cộng đồng", "bộ, cơ quan ngang bộ",
 * "tỉnh, thành phố trực thuộc trung ương", "thôn, bản"…: paired categories keep their comma),
 * else a noun phrase of at most 3 syllables that stops before punctuation, digits, function
 * words and verbs, a capitalized word, and never cuts a two-syllable word in half ("hồ sơ xử lý"
 * → "hồ sơ"); an all-caps acronym is a unit on its own ("13 CSDL"). Units are lower case except
 * acronyms and currency codes. A rate suffix is kept: "đồng/năm". No unit → null, class none
 * (a fraction without a noun is still a count).
 *
 * ## Kinds
 * percent: "42%". fraction: "7/22 bộ", "14.727/15.981 cửa hàng", "256/tổng số 896 thôn, bản"
 * (value = numerator, `denominator`). rank: after "xếp thứ", "xếp hạng (thứ)", "đứng thứ",
 * "hạng (thứ)", "vị trí (thứ)" ("ở vị trí 37/110"), "lên/xuống thứ" ("51/63" → value 51, denominator 63),
 * "thứ" right after a reference ("[[Xếp hạng …]] thứ 27", the reference masked by spaces), and
 * "top N" (rank at most N: interval [1, N]). number: everything else ("tăng 8 bậc" is a number of
 * unit class rank; "3 điểm phần trăm" a number of class points).
 *
 * ## Values and intervals
 * `value` = mantissa × multiplier, computed exactly from the decimal string; a change keeps its
 * magnitude (`value` 5 for "giảm 5%", direction "down"); only a sign or "âm" makes it negative.
 * Percentages above 100 are read as written. `interval`: rounding at the stated precision
 * h = 0.5 × 10^-decimals × multiplier, then by qualifier:
 * - none, đạt: [v − h, v + h]
 * - trên, hơn, tối thiểu: [v, +∞)
 * - dưới, tối đa: [0, v] (−∞ for a negative v)
 * - gần: [v − max(10 % of |v|, h), v]; tiến sát: [v − max(5 % of |v|, h), v]
 * - khoảng, ước, ước đạt, ước tính: v ± max(5 % of |v|, h)
 * - rank "top N": [1, N]
 * Trailing zeros are not taken as rounding ("200.000" is ± 0.5).
 *
 * ## Never figures
 * Period phrases and dates (see `periods.ts`: "quý I/2022", "năm 2022", "6 tháng đầu năm 2024",
 * "2021-2025", "ngày 27/4", "27/4/2022", "1-1-2023", "Ngày 10-7", "29/04/2022"); a bare `d/m`
 * or `m/yyyy` with no noun after ("10/10 hằng năm"); a bare year 1900–2199 with no unit
 * ("DTI 2021"); document numbers ("749/QĐ-TTg", "42/2022/NĐ-CP", "57-NQ/TW"); chains of three
 * or more numbers and ranges ("5-7", "10:30": not read, so not misread); numerals glued to
 * letters ("5G", "10h30", "COVID-19") and version-like "4.0"; ordinals and labels: "thứ 2" (not
 * after a rank word), "lần 9", "mức độ 4", "cấp độ 3", "giai đoạn 2", "Điều 5", "khoản 2",
 * "mỗi 6 tháng", "Đề án 06", "Quyết định 06", "Kế hoạch 5 năm" (document words when
 * capitalized), "số 2" with no unit after ("Khu Công viên phần mềm số 2"; but "tổng số 896 thôn"
 * and "kinh tế số 20%" are figures), and a plain integer right after a capitalized word with no
 * unit ("Ninh Thuận 1"; but not after a capitalized opening verb: "Có 2 địa phương").
 */
import type { Figure, FigureChange, FigureKind, FigureNote, Qualifier, UnitClass } from '../types';
import { parseVietnameseNumber, prepareScan, type ParsedNumber, type ScanText } from './numbers';
import { scanPeriods, type ScannedPeriod } from './periods';
import { work } from '../work';

/** Every figure in `text`, in order, with offsets into `text`. Never throws. */
export function readFigures(text: string): Figure[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return new FigureScanner(text).run();
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Character classes

const LETTER_RX = /[\p{L}\p{M}]/u;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
function isDigit(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isDigitCode(s.charCodeAt(i));
}
function isLetter(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER_RX.test(s[i]);
}
function isSpace(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}
const isAlnum = (s: string, i: number): boolean => isLetter(s, i) || isDigit(s, i);
/** Characters that glue a numeral to the token before it ("QĐ-5", "I/2022"). */
const GLUE = new Set(['/', '-', '–', '_', '.', '#', '@', '&', '\\', '+']);
/** Characters that end a skipped token. */
const TOKEN_END = new Set([',', ';', '(', ')', '[', ']', '{', '}', '"', '“', '”', '‘', '’', '«', '»', '|']);

// ---------------------------------------------------------------------------------------------
// Word tables (lower case, NFC)

type BackRole =
  | { role: 'qual'; q: Qualifier }
  | { role: 'change'; dir: 'up' | 'down'; times?: boolean }
  | { role: 'growth' }
  | { role: 'filler' }
  | { role: 'neg' };

const BACK_TABLE: Array<[string[], BackRole]> = (
  [
    ['ước đạt', { role: 'qual', q: 'ước đạt' }],
    ['ước tính', { role: 'qual', q: 'ước tính' }],
    ['ước khoảng', { role: 'qual', q: 'ước' }],
    ['tiến sát', { role: 'qual', q: 'tiến sát' }],
    ['tối thiểu', { role: 'qual', q: 'tối thiểu' }],
    ['ít nhất', { role: 'qual', q: 'tối thiểu' }],
    ['không dưới', { role: 'qual', q: 'tối thiểu' }],
    ['tối đa', { role: 'qual', q: 'tối đa' }],
    ['không quá', { role: 'qual', q: 'tối đa' }],
    ['nhiều nhất', { role: 'qual', q: 'tối đa' }],
    ['xấp xỉ', { role: 'qual', q: 'khoảng' }],
    ['khoảng chừng', { role: 'qual', q: 'khoảng' }],
    ['chừng', { role: 'qual', q: 'khoảng' }],
    ['khoảng', { role: 'qual', q: 'khoảng' }],
    ['gần', { role: 'qual', q: 'gần' }],
    ['hơn', { role: 'qual', q: 'hơn' }],
    ['trên', { role: 'qual', q: 'trên' }],
    ['dưới', { role: 'qual', q: 'dưới' }],
    ['ước', { role: 'qual', q: 'ước' }],
    ['đạt được', { role: 'qual', q: 'đạt' }],
    ['đạt', { role: 'qual', q: 'đạt' }],
    ['tăng trưởng', { role: 'growth' }],
    ['giá trị gia tăng', { role: 'filler' }],
    ['gia tăng', { role: 'change', dir: 'up' }],
    ['tăng thêm', { role: 'change', dir: 'up' }],
    ['tăng tới', { role: 'change', dir: 'up' }],
    ['giảm tới', { role: 'change', dir: 'down' }],
    ['cao hơn', { role: 'change', dir: 'up' }],
    ['thấp hơn', { role: 'change', dir: 'down' }],
    ['gấp', { role: 'change', dir: 'up', times: true }],
    ['tăng', { role: 'change', dir: 'up' }],
    ['giảm đi', { role: 'change', dir: 'down' }],
    ['giảm bớt', { role: 'change', dir: 'down' }],
    ['giảm', { role: 'change', dir: 'down' }],
    ['tỷ lệ', { role: 'filler' }],
    ['tỉ lệ', { role: 'filler' }],
    ['tỷ trọng', { role: 'filler' }],
    ['tỉ trọng', { role: 'filler' }],
    ['con số', { role: 'filler' }],
    ['mức', { role: 'filler' }],
    ['là', { role: 'filler' }],
    ['âm', { role: 'neg' }],
  ] as Array<[string, BackRole]>
)
  .map(([p, r]): [string[], BackRole] => [p.split(' '), r])
  .sort((a, b) => b[0].length - a[0].length);

/** Words before a numeral that make it a rank; `top` is a rank band. */
const RANK_BEFORE: Array<[string[], boolean]> = (
  [
    ['xếp hạng thứ', false],
    ['xếp thứ', false],
    ['đứng thứ', false],
    ['hạng thứ', false],
    ['vị trí thứ', false],
    ['lên thứ', false],
    ['xuống thứ', false],
    ['xếp hạng', false],
    ['vị trí', false],
    ['xếp', false],
    ['hạng', false],
    ['top', true],
  ] as Array<[string, boolean]>
).map(([p, t]): [string[], boolean] => [p.split(' '), t]);

/** Capitalized words opening a sentence after which a plain integer is still a figure ("Có 2 …"). */
const OPENING_VERBS = new Set(['có', 'gồm', 'với', 'còn', 'thêm']);

/** Words before "x/y" that make it a level on a scale. */
const SCALE_BEFORE: string[][] = ['cấp độ', 'mức độ', 'mức trưởng thành'].map((p) => p.split(' '));

/** Words that end in a label word but are not labels ("tài khoản 70%"). */
const LABEL_TAILS = new Set([
  'tài khoản', 'danh mục', 'hạng mục', 'cổ phần', 'thành phần', 'đa phần', 'văn phòng', 'dự phòng', 'gấp lần',
  'nhiều lần', 'số lần', 'các bước', 'từng bước', 'mỗi lần', 'một phần', 'nhiều điều', 'mọi điều',
]);

/** Words before a numeral that make it a label or ordinal. `cap`: only when capitalized. */
const LABEL_BEFORE: Array<[string[], boolean]> = (
  [
    ...[
      'thứ', 'mức độ', 'cấp độ', 'điều', 'khoản', 'chương', 'mục', 'phụ lục', 'phần', 'giai đoạn', 'đợt',
      'phiên', 'phiên họp', 'khóa', 'khoá', 'tầng', 'phòng', 'quận', 'phường', 'lô', 'lần', 'bước',
      'mỗi', 'khu', 'ngõ', 'hẻm', 'kiệt', 'tập', 'số hiệu', 'mã số', 'mẫu', 'biểu', 'phụ biểu',
    ].map((p): [string, boolean] => [p, false]),
    ...[
      'đề án', 'quyết định', 'nghị định', 'nghị quyết', 'chỉ thị', 'thông tư', 'công văn', 'kế hoạch',
      'chương trình', 'luật', 'tờ trình', 'báo cáo', 'hội nghị', 'đại hội', 'văn bản', 'dự án', 'thông báo',
    ].map((p): [string, boolean] => [p, true]),
  ] as Array<[string, boolean]>
)
  .map(([p, c]): [string[], boolean] => [p.split(' '), c])
  .sort((a, b) => b[0].length - a[0].length);

const MULTIPLIERS: Array<[string, number]> = (
  [
    ['nghìn tỷ', 1e12],
    ['nghìn tỉ', 1e12],
    ['ngàn tỷ', 1e12],
    ['ngàn tỉ', 1e12],
    ['triệu tỷ', 1e15],
    ['triệu tỉ', 1e15],
    ['tỷ', 1e9],
    ['tỉ', 1e9],
    ['triệu', 1e6],
    ['nghìn', 1e3],
    ['ngàn', 1e3],
  ] as Array<[string, number]>
).sort((a, b) => b[0].length - a[0].length);
/** "tỷ lệ", "tỷ trọng", "tỷ giá", "tỷ số", "tỷ suất" are words, not the multiplier. */
const NOT_AFTER_TY = new Set(['lệ', 'trọng', 'giá', 'số', 'suất']);

const CURRENCIES: Array<[string, string]> = (
  [
    ['đô la mỹ', 'USD'],
    ['đô-la mỹ', 'USD'],
    ['đô la', 'USD'],
    ['đôla', 'USD'],
    ['usd', 'USD'],
    ['vnđ', 'VND'],
    ['vnd', 'VND'],
    ['đồng', 'đồng'],
    ['euro', 'EUR'],
    ['eur', 'EUR'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);
/** "đồng bộ", "đồng thời"…: not the currency. */
const NOT_AFTER_DONG = new Set([
  'bộ', 'thời', 'chí', 'nghiệp', 'ý', 'bào', 'đều', 'loạt', 'tình', 'hành', 'hồ', 'khởi', 'phục', 'nhất',
  'đẳng', 'bằng', 'hương', 'lòng', 'thuận', 'minh', 'tâm', 'cỏ', 'ruộng', 'hóa', 'hoá', 'dạng', 'quản',
]);

const MEASURES = [
  'tấn', 'kg', 'km2', 'km', 'ha', 'héc-ta', 'm2', 'm3', 'mét', 'lít', 'mw', 'kw', 'kwh', 'gw', 'gwh', 'gb',
  'tb', 'mb', 'mbps', 'gbps', 'giờ', 'phút', 'giây', 'ngày', 'tuần', 'tháng', 'năm', 'tuổi', 'lần', 'điểm',
].sort((a, b) => b.length - a.length);

/** Known counted nouns (longest first): the unit is exactly the term. */
const TERMS = [
  'bộ, cơ quan ngang bộ', 'bộ, ngành, địa phương', 'bộ, ngành', 'tỉnh, thành phố trực thuộc trung ương',
  'tỉnh, thành phố', 'thôn, bản', 'thôn, xóm', 'xã, phường, thị trấn', 'xã, phường', 'quận, huyện',
  'huyện, thị xã, thành phố', 'cơ quan, đơn vị', 'cơ quan, tổ chức', 'cơ quan ngang bộ',
  'thẻ căn cước công dân', 'thẻ căn cước', 'căn cước công dân', 'tổ công nghệ số cộng đồng',
  'tổ công nghệ số', 'nền tảng số quốc gia', 'nền tảng số', 'nền tảng', 'doanh nghiệp công nghệ số',
  'doanh nghiệp nhà nước', 'doanh nghiệp', 'dịch vụ công trực tuyến', 'dịch vụ công thiết yếu',
  'dịch vụ công', 'dịch vụ', 'thủ tục hành chính', 'cuộc tấn công mạng', 'cuộc tấn công',
  'bộ dữ liệu mở', 'bộ dữ liệu', 'cơ sở dữ liệu quốc gia', 'cơ sở dữ liệu', 'cấp hành chính',
  'hồ sơ trực tuyến', 'hồ sơ', 'người dùng', 'người dân', 'hộ dân', 'hộ gia đình', 'tài khoản',
  'cửa hàng', 'thành viên', 'chỉ tiêu', 'nhiệm vụ', 'trụ cột', 'quyết định', 'địa phương', 'cơ quan',
  'đơn vị', 'hệ thống', 'ứng dụng', 'giao dịch', 'bị can', 'chữ ký số', 'trạm phát sóng', 'thuê bao',
  'lượt truy cập', 'hóa đơn điện tử', 'hóa đơn', 'học sinh', 'sinh viên', 'văn bản', 'cán bộ',
  'công chức', 'sản phẩm', 'giải pháp', 'thủ tục', 'đề án', 'dự án', 'chương trình', 'kế hoạch',
  'nghị định', 'thông tư', 'lượt', 'người', 'thôn', 'xóm', 'bản', 'xã', 'huyện', 'tỉnh', 'bộ', 'ngành',
].sort((a, b) => b.length - a.length);

/** Two-syllable words, so the noun-phrase heuristic never cuts one in half. */
const COMPOUNDS = new Set(
  (
    'doanh nghiệp,công nghệ,hồ sơ,nền tảng,cửa hàng,dịch vụ,thành viên,căn cước,xử lý,tấn công,' +
    'địa phương,cơ quan,thành phố,hành chính,quyết định,nhiệm vụ,chỉ tiêu,dữ liệu,cộng đồng,quốc gia,' +
    'trụ cột,bị can,người dùng,tài khoản,thủ tục,điện tử,trực tuyến,hóa đơn,hoá đơn,máy tính,thiết yếu,' +
    'chính thức,thử nghiệm,trưởng thành,dẫn đầu,cung cấp,liên thông,trọng tâm,ưu tiên,triển khai,' +
    'tham gia,thực hiện,ban hành,sử dụng,hoàn thành,kết nối,phát triển,đăng ký,hỗ trợ,thông tin,an toàn,' +
    'hệ thống,ứng dụng,giao dịch,chữ ký,thuê bao,truy cập,học sinh,sinh viên,văn bản,cán bộ,công chức,' +
    'viên chức,sản phẩm,giải pháp,chuyển đổi,kinh tế,xã hội,chính phủ,thị trường,điện thoại,thông minh,' +
    'băng rộng,di động,cáp quang,trực thuộc,trung ương,lõm sóng,thương mại,bán lẻ,hạ tầng,mạng lưới,' +
    'tổ chức,cá nhân,đơn vị,lao động,người dân,hộ dân,gia đình,bệnh viện,trường học,cơ sở,nhà nước,' +
    'tạo ra,đưa vào,tiếp tục,đạt được,xây dựng,hoạt động,phục vụ,chia sẻ,tích hợp,số hóa,số hoá,' +
    'khai thác,vận hành,đào tạo,bồi dưỡng,tập huấn,công bố,đánh giá,ghi nhận,cảnh báo,hướng dẫn,' +
    'thí điểm,khai trương,phản ánh,hiện trường,giám sát,điều hành,đề án,dự án,chương trình,kế hoạch,' +
    'nghị định,thông tư,phần mềm,giải quyết,tiếp nhận,trả lời,phê duyệt'
  ).split(','),
);
/** Two-syllable verbs and the like: the noun phrase stops before them. */
const VERB_COMPOUNDS = new Set(
  (
    'xử lý,tham gia,triển khai,thực hiện,ban hành,sử dụng,hoàn thành,kết nối,phát triển,đăng ký,hỗ trợ,' +
    'cung cấp,dẫn đầu,tạo ra,đưa vào,tiếp tục,đạt được,xây dựng,hoạt động,phục vụ,chia sẻ,tích hợp,' +
    'số hóa,số hoá,khai thác,vận hành,đào tạo,công bố,đánh giá,ghi nhận,cảnh báo,hướng dẫn,thí điểm,' +
    'khai trương,phản ánh,giám sát,điều hành,trưởng thành,giải quyết,tiếp nhận,trả lời,phê duyệt,' +
    'tăng trưởng,liên thông,trực thuộc'
  ).split(','),
);
/** Function words and one-syllable verbs: the noun phrase stops before them. */
const STOP = new Set(
  (
    'và,với,của,cho,có,không,chưa,được,bị,đã,đang,sẽ,là,thì,mà,nhưng,hoặc,hay,trên,dưới,trong,ngoài,' +
    'tại,từ,đến,tới,so,theo,thuộc,gồm,như,các,những,mọi,này,đó,kia,ấy,khi,để,vào,ra,lên,xuống,về,đạt,' +
    'tăng,giảm,chiếm,còn,cũng,đều,vẫn,nữa,rồi,lại,nhằm,bằng,qua,sau,trước,cùng,gây,gắn,tạo,đưa,làm,' +
    'hơn,nhất,khoảng,gần,ước,mỗi,mới,hết,cả,toàn,riêng,chỉ,đạt,tương,ứng,hằng,hàng,nay,năm,tháng,quý,' +
    'ngày,thì,thứ,lần,trở,vượt,góp,đóng,kết,nối,tham,triển,thực,xử,ban,sử,dẫn,cung,phục,hỗ,đăng,hoàn'
  ).split(','),
);

// ---------------------------------------------------------------------------------------------

interface Word {
  w: string;
  start: number;
  end: number;
  cap: boolean;
  allCaps: boolean;
}

interface Before {
  rank: boolean;
  /** "cấp độ 6/10": a level on a scale. */
  scale: boolean;
  top: boolean;
  label: boolean;
  /** A label only when no unit follows ("số 2", "Ninh Thuận 1"). */
  weakLabel: boolean;
  qualifier: Qualifier | null;
  change: FigureChange | null;
  growth: boolean;
  negative: boolean;
  /** Offset where the figure's raw text begins (normalized string). */
  rawStart: number;
  /** Anything that qualifies the numeral (qualifier, change, growth, filler) was found. */
  qualified: boolean;
}

interface Numeral {
  start: number;
  end: number;
  parsed: ParsedNumber;
  plain: boolean;
}

interface UnitRead {
  unit: string | null;
  cls: UnitClass;
  end: number;
}

const MAX_WORD = 16;

class FigureScanner {
  private readonly P: ScanText;
  private readonly s: string;
  private readonly o: string;
  private readonly mask: Uint8Array;
  private readonly periodStart = new Map<number, ScannedPeriod>();
  private readonly periodEnd = new Map<number, ScannedPeriod>();

  constructor(text: string) {
    this.P = prepareScan(text);
    this.s = this.P.s;
    this.o = this.P.o;
    this.mask = new Uint8Array(this.s.length);
    for (const p of scanPeriods(this.P)) {
      this.mask.fill(1, p.start, p.end);
      this.periodStart.set(p.start, p);
      this.periodEnd.set(p.end, p);
    }
  }

  run(): Figure[] {
    const { s, mask } = this;
    const n = s.length;
    const out: Figure[] = [];
    let i = 0;
    while (i < n) {
      work.steps++;
      if (!isDigitCode(s.charCodeAt(i))) {
        i++;
        continue;
      }
      if (mask[i]) {
        while (i < n && mask[i]) i++;
        continue;
      }
      if (isLetter(s, i - 1) || (GLUE.has(s[i - 1]) && isAlnum(s, i - 2))) {
        i = this.tokenEnd(i);
        continue;
      }
      const r = this.readAt(i);
      if (r.figure) out.push(r.figure);
      i = Math.max(r.next, i + 1);
    }
    return out;
  }

  /** End of a token to skip: up to whitespace or bracketing punctuation. */
  private tokenEnd(i: number): number {
    const s = this.s;
    while (i < s.length && !isSpace(s, i) && !TOKEN_END.has(s[i])) i++;
    return i;
  }

  /** End of a digit run with separators ("1-1-2023", "5-7", "10:30"). */
  private chainEnd(i: number): number {
    const s = this.s;
    while (i < s.length && (isDigit(s, i) || ('/-–.,:'.includes(s[i]) && isDigit(s, i + 1)))) i++;
    return isLetter(s, i) ? this.tokenEnd(i) : i;
  }

  private numeralAt(i: number): Numeral | null {
    const s = this.s;
    let j = i;
    let plain = true;
    while (isDigit(s, j)) j++;
    while ((s[j] === '.' || s[j] === ',') && isDigit(s, j + 1)) {
      plain = false;
      j++;
      while (isDigit(s, j)) j++;
    }
    const parsed = parseVietnameseNumber(s.slice(i, j));
    return parsed ? { start: i, end: j, parsed, plain } : null;
  }

  private numeralEnd(i: number): number {
    const s = this.s;
    let j = i;
    while (isDigit(s, j)) j++;
    while ((s[j] === '.' || s[j] === ',') && isDigit(s, j + 1)) {
      j++;
      while (isDigit(s, j)) j++;
    }
    return j;
  }

  private skipSpaces(i: number, max = 3): number {
    let k = 0;
    while (k < max && isSpace(this.s, i)) {
      i++;
      k++;
    }
    return i;
  }

  /** `word` at `i` (lower case), followed by a non-letter/digit. */
  private wordAt(i: number, word: string): boolean {
    return this.s.startsWith(word, i) && !isAlnum(this.s, i + word.length) && !this.mask[i];
  }

  private wordsBefore(pos: number, max: number): Word[] {
    const s = this.s;
    const out: Word[] = [];
    let i = pos;
    while (out.length < max) {
      let j = i;
      let sp = 0;
      while (sp < 4 && isSpace(s, j - 1)) {
        j--;
        sp++;
      }
      if (sp === 0) break;
      let k = j;
      while (k > 0 && isLetter(s, k - 1) && j - k < MAX_WORD) k--;
      if (k === j || isLetter(s, k - 1) || this.mask[k]) break;
      out.push(this.word(k, j));
      i = k;
    }
    return out;
  }

  /** Words after `pos`, separated by single spaces (or ", " when `commas`). */
  private wordsAfter(pos: number, max: number): Word[] {
    const s = this.s;
    const out: Word[] = [];
    let i = pos;
    while (out.length < max) {
      let k = i;
      if (out.length > 0) {
        if (!isSpace(s, k)) break;
        k++;
      }
      if (this.mask[k]) break;
      let j = k;
      while (isLetter(s, j) && j - k < MAX_WORD) j++;
      if (j === k || isLetter(s, j) || isDigit(s, j)) break;
      out.push(this.word(k, j));
      i = j;
    }
    return out;
  }

  private word(k: number, j: number): Word {
    const orig = this.o.slice(k, j);
    const cap = this.o[k] !== this.s[k];
    return { w: this.s.slice(k, j), start: k, end: j, cap, allCaps: j - k >= 2 && orig === orig.toUpperCase() && orig !== orig.toLowerCase() };
  }

  private static matchBack(words: Word[], idx: number, phrase: string[]): boolean {
    const n = phrase.length;
    if (idx + n > words.length) return false;
    for (let t = 0; t < n; t++) if (words[idx + t].w !== phrase[n - 1 - t]) return false;
    return true;
  }

  private analyzeBefore(i: number): Before {
    const words = this.wordsBefore(i, 8);
    const res: Before = {
      rank: false,
      scale: false,
      top: false,
      label: false,
      weakLabel: false,
      qualifier: null,
      change: null,
      growth: false,
      negative: false,
      rawStart: i,
      qualified: false,
    };
    if (!words.length) return res;
    // "[[Xếp hạng …]] thứ 27": an ordinal right after a reference (the document reader masks each
    // `[[…]]` with spaces, at least five, before reading figures) is the rank it names.
    if (words[0].w === 'thứ' && words[0].start >= 6 && /^ {6}$/.test(this.s.slice(words[0].start - 6, words[0].start))) {
      res.rank = true;
      res.rawStart = words[0].start;
      return res;
    }
    for (const [ph, top] of RANK_BEFORE) {
      if (FigureScanner.matchBack(words, 0, ph)) {
        res.rank = true;
        res.top = top;
        res.rawStart = words[ph.length - 1].start;
        return res;
      }
    }
    // "cấp độ 6/10", "mức độ 4/5": a level on a scale (a lone "cấp độ 3" stays a label).
    for (const ph of SCALE_BEFORE) {
      if (!FigureScanner.matchBack(words, 0, ph)) continue;
      const e = this.numeralEnd(isDigit(this.s, i) ? i : i + 1);
      if (this.s[e] === '/' && isDigit(this.s, e + 1)) {
        res.scale = true;
        res.rawStart = words[ph.length - 1].start;
        return res;
      }
    }
    for (const [ph, needCap] of LABEL_BEFORE) {
      if (FigureScanner.matchBack(words, 0, ph) && (!needCap || words[ph.length - 1].cap)) {
        // "tài khoản 70%", "danh mục 5": the label word ends a longer word here.
        const prev = words[ph.length];
        if (ph.length === 1 && prev && !words[0].cap && (COMPOUNDS.has(`${prev.w} ${ph[0]}`) || LABEL_TAILS.has(`${prev.w} ${ph[0]}`))) break;
        res.label = true;
        return res;
      }
    }
    if (words[0].w === 'số' && !(words[1] && (words[1].w === 'tổng' || words[1].w === 'con'))) res.weakLabel = true;

    const seq: Array<{ role: BackRole; start: number }> = [];
    let idx = 0;
    while (idx < words.length && seq.length < 5) {
      let hit: [string[], BackRole] | null = null;
      for (const entry of BACK_TABLE) {
        if (FigureScanner.matchBack(words, idx, entry[0])) {
          hit = entry;
          break;
        }
      }
      if (!hit) break;
      seq.push({ role: hit[1], start: words[idx + hit[0].length - 1].start });
      idx += hit[0].length;
    }
    // "Ninh Thuận 1" is a label; "Có 2 địa phương" (a capitalized verb opening the sentence) is not.
    if (!seq.length && words[0].cap && !words[0].allCaps && !OPENING_VERBS.has(words[0].w)) res.weakLabel = true;
    if (seq.length) {
      res.qualified = true;
      res.weakLabel = false;
    }
    for (const t of seq) {
      if (t.role.role === 'qual') {
        res.qualifier = t.role.q;
        break;
      }
    }
    for (const t of seq) {
      if (t.role.role === 'qual' || t.role.role === 'neg') continue;
      if (t.role.role === 'change') res.change = t.role.times ? { direction: t.role.dir, times: true } : { direction: t.role.dir };
      break;
    }
    res.growth = seq.some((t) => t.role.role === 'growth');
    res.negative = seq.length > 0 && seq[0].role.role === 'neg';
    for (const t of seq) if (t.role.role !== 'filler') res.rawStart = t.start;

    // "tăng so với cùng kỳ năm trước là 8,47%": the change word stands before the comparison.
    if (!res.change) {
      let p = seq.length ? seq[seq.length - 1].start : i;
      while (isSpace(this.s, p - 1) && i - p < 8) p--;
      const period = this.periodEnd.get(p);
      if (period && period.comparison) {
        const w = this.wordsBefore(period.start, 4);
        let at = 0;
        if (w[0]?.w === 'với') at = w[1]?.w === 'sánh' && w[2]?.w === 'so' ? 3 : w[1]?.w === 'so' ? 2 : 0;
        else if (w[0]?.w === 'so') at = 1;
        const cw = at ? w[at] : undefined;
        if (cw && (cw.w === 'tăng' || cw.w === 'giảm')) {
          res.change = this.changeFrom(cw.w === 'tăng' ? 'up' : 'down', period);
          res.rawStart = cw.start;
          res.qualified = true;
          res.weakLabel = false;
        }
      }
    }
    return res;
  }

  private changeFrom(direction: 'up' | 'down', period: ScannedPeriod | undefined): FigureChange {
    const c: FigureChange = { direction };
    if (period) {
      if (period.code.startsWith('SPLY')) c.sameTimeLastYear = true;
      else if (!period.range) c.against = period.code;
    }
    return c;
  }

  private multiplierAt(pos: number): { mult: number; word: string; end: number } | null {
    const q = this.skipSpaces(pos, 2);
    if (q === pos || this.mask[q]) return null;
    for (const [w, mult] of MULTIPLIERS) {
      if (!this.wordAt(q, w)) continue;
      const end = q + w.length;
      if (w === 'tỷ' || w === 'tỉ') {
        const next = this.wordsAfter(this.skipSpaces(end, 1), 1)[0];
        if (next && isSpace(this.s, end) && NOT_AFTER_TY.has(next.w)) return null;
      }
      return { mult, word: this.o.slice(q, end), end };
    }
    return null;
  }

  private unitAt(pos: number): UnitRead {
    const { s } = this;
    const none: UnitRead = { unit: null, cls: 'none', end: pos };
    if (s[pos] === '%') return { unit: '%', cls: 'percent', end: pos + 1 };
    const q = this.skipSpaces(pos, 2);
    if (q === pos || this.mask[q]) return none;
    if (s[q] === '%' && q === pos + 1) return { unit: '%', cls: 'percent', end: q + 1 };
    if (this.wordAt(q, 'điểm phần trăm')) return { unit: 'điểm phần trăm', cls: 'points', end: q + 14 };
    if (s.startsWith('điểm', q)) {
      const r = this.skipSpaces(q + 4, 1);
      if (s[r] === '%') return { unit: 'điểm phần trăm', cls: 'points', end: r + 1 };
    }
    if (this.wordAt(q, 'phần trăm')) return { unit: '%', cls: 'percent', end: q + 9 };
    for (const [w, code] of CURRENCIES) {
      if (!this.wordAt(q, w)) continue;
      if (w === 'đồng') {
        const next = this.wordsAfter(q, 2)[1];
        if (next && NOT_AFTER_DONG.has(next.w)) break;
      }
      return this.rate({ unit: code, cls: 'currency', end: q + w.length });
    }
    if (this.wordAt(q, 'bậc')) return { unit: 'bậc', cls: 'rank', end: q + 3 };
    // "63 điểm cầu" (video-conference sites): a counted noun, not the measure "điểm".
    if (this.wordAt(q, 'điểm cầu')) return { unit: 'điểm cầu', cls: 'count', end: q + 8 };
    for (const w of MEASURES) if (this.wordAt(q, w)) return this.rate({ unit: w, cls: 'none', end: q + w.length });
    for (const t of TERMS) if (this.wordAt(q, t)) return this.rate({ unit: t, cls: 'count', end: q + t.length });

    const words = this.wordsAfter(q, 6);
    if (!words.length) return none;
    const first = words[0];
    if (first.allCaps && first.w.length <= 8) return { unit: this.o.slice(first.start, first.end), cls: 'count', end: first.end };
    if (first.cap) return none; // "số 1 Việt Nam": a proper noun, not a counted noun
    let idx = 0;
    let syl = 0;
    while (idx < words.length) {
      const w = words[idx];
      if (STOP.has(w.w) || (idx > 0 && (w.cap || w.allCaps))) break;
      if (MULTIPLIERS.some(([m]) => m === w.w) || BACK_TABLE.some(([p]) => p.length === 1 && p[0] === w.w)) break;
      // "1,5 top 10", "5 tiến sát 7": the words belong to the next figure, not to this unit.
      if (this.prefixOfNextFigure(words, idx)) break;
      const pair = idx + 1 < words.length ? `${w.w} ${words[idx + 1].w}` : '';
      if (pair && VERB_COMPOUNDS.has(pair)) break;
      const size = pair && COMPOUNDS.has(pair) ? 2 : 1;
      if (syl + size > 3) break;
      syl += size;
      idx += size;
    }
    if (!idx) return none;
    return this.rate({ unit: s.slice(q, words[idx - 1].end), cls: 'count', end: words[idx - 1].end });
  }

  private static readonly PREFIXES: string[][] = [...RANK_BEFORE.map(([p]) => p), ...BACK_TABLE.map(([p]) => p)];

  /** True if words[idx…] are a rank or qualifier phrase that ends the list right before a numeral. */
  private prefixOfNextFigure(words: Word[], idx: number): boolean {
    for (const p of FigureScanner.PREFIXES) {
      if (idx + p.length !== words.length) continue;
      if (!p.every((w, t) => words[idx + t].w === w)) continue;
      let k = this.skipSpaces(words[words.length - 1].end, 3);
      if (this.s[k] === '-' || this.s[k] === '−' || this.s[k] === '+') k++;
      if (isDigit(this.s, k)) return true;
    }
    return false;
  }

  /** "đồng/năm", "người/km2": keeps a rate suffix on the unit. */
  private rate(u: UnitRead): UnitRead {
    const s = this.s;
    if (s[u.end] !== '/' || !isLetter(s, u.end + 1) || this.o[u.end + 1] !== s[u.end + 1]) return u;
    if (s.startsWith('mục tiêu', u.end + 1) || s.startsWith('kế hoạch', u.end + 1) || s.startsWith('tổng', u.end + 1)) return u;
    let j = u.end + 1;
    while (isAlnum(s, j) && j - u.end < MAX_WORD) j++;
    if (isAlnum(s, j)) return u;
    return { unit: `${u.unit}/${s.slice(u.end + 1, j)}`, cls: u.cls, end: j };
  }

  private readAt(i: number): { figure?: Figure; next: number } {
    const { s, o, P } = this;
    const num = this.numeralAt(i);
    const j = num ? num.end : this.numeralEnd(i);
    if (!num) return { next: j };
    if (isLetter(s, j)) return { next: this.tokenEnd(j) }; // "5G", "10h30"
    if (/^\d\.0$/.test(s.slice(i, j))) return { next: j }; // "4.0": a version, not a decimal

    // What follows the first numeral: a fraction, a document number, a chain.
    let den: Numeral | null = null;
    let k = j;
    if (s[k] === '/') {
      if (isDigit(s, k + 1)) {
        const l = this.numeralEnd(k + 1);
        if (('/-–.'.includes(s[l] ?? ' ') && isAlnum(s, l + 1)) || isLetter(s, l)) return { next: this.tokenEnd(l) };
        den = this.numeralAt(k + 1);
        if (!den) return { next: l };
        k = l;
      } else {
        const q = this.skipSpaces(k + 1, 1);
        const total = s.startsWith('tổng số', q) ? 7 : s.startsWith('tổng', q) ? 4 : 0;
        if (total && !isLetter(s, q + total)) {
          const r = this.skipSpaces(q + total, 3);
          if (r > q + total && isDigit(s, r) && !this.mask[r]) {
            den = this.numeralAt(r);
            if (!den) return { next: this.numeralEnd(r) };
            k = den.end;
          }
        } else if (isLetter(o, q) && o[q] !== s[q]) {
          return { next: this.tokenEnd(k) }; // "749/QĐ-TTg"
        }
      }
    } else if (('-–:'.includes(s[k] ?? ' ') && isDigit(s, k + 1)) || (s[k] === '-' && isLetter(s, k + 1))) {
      return { next: this.chainEnd(k) }; // "5-7", "10:30", "57-NQ/TW"
    } else {
      // "76 trong số 106 nhiệm vụ", "76 trong tổng số 106": a part of a whole.
      const q = this.skipSpaces(k, 1);
      // A rank: "vị trí thứ 5 trong 11 nước", "thứ 72 trên 193".
      const rankHere = RANK_BEFORE.some(([ph]) => FigureScanner.matchBack(this.wordsBefore(i, 3), 0, ph));
      const w = q > k ? (s.startsWith('trong tổng số', q) ? 13 : s.startsWith('trong số', q) ? 8 : rankHere && (this.wordAt(q, 'trong') || this.wordAt(q, 'trên')) ? (s[q + 1] === 'r' && s[q + 2] === 'o' ? 5 : 4) : 0) : 0;
      if (w && !isLetter(s, q + w)) {
        const r = this.skipSpaces(q + w, 2);
        if (r > q + w && isDigit(s, r) && !this.mask[r]) {
          const d = this.numeralAt(r);
          if (d && !isLetter(s, d.end) && s[d.end] !== '/') {
            den = d;
            k = d.end;
          }
        }
      }
    }
    if (den && isLetter(s, k)) return { next: this.tokenEnd(k) };

    // Sign.
    let numeralStart = i;
    let sign = 1;
    if ((s[i - 1] === '-' || s[i - 1] === '−') && (i - 1 === 0 || isSpace(s, i - 2) || s[i - 2] === '(')) {
      sign = -1;
      numeralStart = i - 1;
    } else if (s[i - 1] === '+' && (i - 1 === 0 || isSpace(s, i - 2) || s[i - 2] === '(')) {
      numeralStart = i - 1;
    }
    const before = this.analyzeBefore(numeralStart);
    if (before.label) return { next: k };
    if (before.negative) sign = -1;

    // Multiplier and unit.
    let mult = 1;
    let multWord: string | null = null;
    let end = k;
    let u: UnitRead;
    if (s[k] === '%' || (isSpace(s, k) && s[k + 1] === '%')) {
      u = this.unitAt(k);
    } else {
      const m = this.multiplierAt(k);
      if (m) {
        mult = m.mult;
        multWord = m.word;
        end = m.end;
      }
      u = this.unitAt(end);
    }
    if (u.unit !== null) end = u.end;

    // Target: "50.350 doanh nghiệp/mục tiêu 48.000 doanh nghiệp".
    let target: number | undefined;
    const notes: FigureNote[] = [...num.parsed.notes, ...(den ? den.parsed.notes : [])];
    {
      let t = this.skipSpaces(end, 1);
      if (s[t] === '/') {
        t = this.skipSpaces(t + 1, 1);
        const w = s.startsWith('mục tiêu', t) ? 8 : s.startsWith('kế hoạch', t) ? 8 : 0;
        if (w && !isLetter(s, t + w)) {
          const r = this.skipSpaces(t + w, 2);
          if (r > t + w && isDigit(s, r) && !this.mask[r]) {
            const tn = this.numeralAt(r);
            if (tn && !isLetter(s, tn.end) && s[tn.end] !== '/') {
              let tEnd = tn.end;
              let tMult = 1;
              if (!(s[tEnd] === '%' || (isSpace(s, tEnd) && s[tEnd + 1] === '%'))) {
                const tm = this.multiplierAt(tEnd);
                if (tm) {
                  tMult = tm.mult;
                  tEnd = tm.end;
                }
              }
              const tu = this.unitAt(tEnd);
              if (tu.unit !== null) tEnd = tu.end;
              target = scaled(tn.parsed, tMult);
              notes.push(...tn.parsed.notes);
              end = tEnd;
            }
          }
        }
      }
    }

    // A rate per population: "0,69 doanh nghiệp trên 1.000 dân", "… /1.000 dân".
    let per: number | undefined;
    {
      const t = this.skipSpaces(end, 1);
      const w = s.startsWith('trên', t) && isSpace(s, t + 4) ? 4 : s[t] === '/' ? 1 : 0;
      const r = w ? this.skipSpaces(t + w, 1) : -1;
      if (w && isDigit(s, r) && !this.mask[r]) {
        const pn = this.numeralAt(r);
        if (pn && !isLetter(s, pn.end) && s[pn.end] !== '/') {
          const pm = this.multiplierAt(pn.end);
          const at = this.skipSpaces(pm ? pm.end : pn.end, 1);
          const who = ['người dân', 'dân số', 'dân', 'người'].find((x) => this.wordAt(at, x));
          if (who) {
            per = scaled(pn.parsed, pm ? pm.mult : 1);
            end = at + who.length;
          }
        }
      }
    }

    // Comparison after the figure: "so với cuối năm 2022", "so cùng kỳ năm 2023".
    let change = before.change;
    if (change && !change.against && !change.sameTimeLastYear) {
      let c = this.skipSpaces(end, 2);
      const so = s.startsWith('so sánh với', c) ? 11 : s.startsWith('so với', c) ? 6 : s.startsWith('so', c) ? 2 : 0;
      if (so && isSpace(s, c + so)) {
        c = this.skipSpaces(c + so, 2);
        const p = this.periodStart.get(c);
        if (p) change = this.changeFrom(change.direction, p);
      }
    }

    // Decide what it is.
    const isFraction = den !== null;
    const noUnit = u.unit === null && mult === 1;
    const plainInt = num.plain && !isFraction;
    if (!before.rank) {
      if (before.weakLabel && noUnit && plainInt) return { next: k };
      if (!before.qualified && !before.scale && noUnit && isFraction && num.plain && den!.plain) {
        const a = num.parsed.value;
        const b = den!.parsed.value;
        if ((a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1900 && b <= 2199)) return { next: k }; // a date
      }
      if (!before.qualified && noUnit && plainInt && j - i === 4 && num.parsed.value >= 1900 && num.parsed.value <= 2199) return { next: k }; // a year
    }

    let kind: FigureKind = 'number';
    let cls: UnitClass = u.cls;
    if (before.rank) {
      kind = 'rank';
      cls = 'rank';
    } else if (before.scale) {
      kind = 'number';
    } else if (isFraction) {
      kind = 'fraction';
      if (cls === 'none' && u.unit === null) cls = 'count';
    } else if (u.cls === 'percent') kind = 'percent';

    const mantissa = sign * num.parsed.value;
    const value = sign * scaled(num.parsed, mult);
    const exp = Math.round(Math.log10(mult));
    // A whole count written in full ("3.678 cuộc", "35/35 nền tảng", a rank) is exact: no rounding.
    const exactCount = mult === 1 && num.parsed.decimals === 0 && kind !== 'percent' && (cls === 'count' || cls === 'rank' || kind !== 'number');
    const h = exactCount ? 0 : Number(`5e${exp - num.parsed.decimals - 1}`);
    const interval: [number, number] = before.top ? [1, value] : intervalOf(value, h, before.qualifier);

    const rawStart = Math.min(before.rawStart, numeralStart);
    const numeralEnd = k;
    const start = P.map[rawStart];
    const endOff = P.map[end];
    const fig: Figure = {
      raw: P.text.slice(start, endOff),
      start,
      end: endOff,
      numeralStart: P.map[numeralStart],
      numeralEnd: P.map[numeralEnd],
      numeral: P.text.slice(P.map[numeralStart], P.map[numeralEnd]),
      kind,
      value,
      mantissa,
      multiplier: mult,
      multiplierWord: multWord,
      unit: u.unit,
      unitClass: cls,
      qualifier: before.qualifier,
      decimals: num.parsed.decimals,
      interval,
      notes,
    };
    if (den) fig.denominator = scaled(den.parsed, mult);
    if (target !== undefined) fig.target = target;
    if (change) fig.change = change;
    if (before.growth) fig.growth = true;
    if (per !== undefined) fig.per = per;
    fig.role = change ? 'change' : kind === 'rank' ? 'rank' : before.scale ? 'scale' : per !== undefined ? 'rate' : kind === 'fraction' ? 'part' : 'level';
    return { figure: fig, next: end };
  }
}

/** mantissa × multiplier, exactly from the decimal string ("16,4 triệu" → 16400000). */
function scaled(p: ParsedNumber, mult: number): number {
  if (mult === 1) return p.value;
  const v = Number(`${p.normalized}e${Math.round(Math.log10(mult))}`);
  return Number.isFinite(v) ? v : p.value * mult;
}

function intervalOf(v: number, h: number, q: Qualifier | null): [number, number] {
  const a = Math.abs(v);
  switch (q) {
    case 'trên':
    case 'hơn':
    case 'tối thiểu':
      return [v, Infinity];
    case 'dưới':
    case 'tối đa':
      return [v >= 0 ? 0 : -Infinity, v];
    case 'gần':
      return [v - Math.max(0.1 * a, h), v];
    case 'tiến sát':
      return [v - Math.max(0.05 * a, h), v];
    case 'khoảng':
    case 'ước':
    case 'ước đạt':
    case 'ước tính': {
      const w = Math.max(0.05 * a, h);
      return [v - w, v + w];
    }
    default:
      return [v - h, v + h];
  }
}
