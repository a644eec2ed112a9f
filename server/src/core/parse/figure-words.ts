/**
 * The figure reader's word tables (lower case, NFC): what may stand before a numeral (qualifiers,
 * change words, rank, scale and label words), multipliers, currencies, measures, counted nouns and
 * the word lists the counted-noun heuristic stops at. Used by figure-context.ts and figures.ts.
 */
import type { Qualifier } from '../types';

export type BackRole =
  | { role: 'qual'; q: Qualifier }
  | { role: 'change'; dir: 'up' | 'down'; times?: boolean }
  | { role: 'growth' }
  | { role: 'filler' }
  | { role: 'neg' };

export const BACK_TABLE: Array<[string[], BackRole]> = (
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
    // A rank's move written with its own verb ("lùi 1 bậc xuống hạng 49", "tụt 6 bậc", "thăng 8 bậc"):
    // speed rankings of the press (issue 13, round 15: press-unmarked-held21; test/unit/speed-round15.test.ts).
    ['lùi', { role: 'change', dir: 'down' }],
    ['tụt', { role: 'change', dir: 'down' }],
    ['thăng', { role: 'change', dir: 'up' }],
    // An addition ("thêm 3.422 doanh nghiệp so với tháng 12/2021", "lắp thêm 3.500 trạm"): what the
    // period added, a change, never the stock (round 19, neg19); "lùi thêm 1 bậc" keeps its way down.
    ['thêm', { role: 'change', dir: 'up' }],
    ['lùi thêm', { role: 'change', dir: 'down' }],
    ['tụt thêm', { role: 'change', dir: 'down' }],
    ['giảm thêm', { role: 'change', dir: 'down' }],
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
export const RANK_BEFORE: Array<[string[], boolean]> = (
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
    // "tốp 10": the Vietnamese spelling of "top".
    ['tốp', true],
  ] as Array<[string, boolean]>
).map(([p, t]): [string[], boolean] => [p.split(' '), t]);

/** Capitalized words opening a sentence after which a plain integer is still a figure ("Có 2 …"). */
export const OPENING_VERBS = new Set(['có', 'gồm', 'với', 'còn', 'thêm']);

/** Words before "x/y" that make it a level on a scale. */
export const SCALE_BEFORE: string[][] = ['cấp độ', 'mức độ', 'mức trưởng thành'].map((p) => p.split(' '));

/** Words that end in a label word but are not labels ("tài khoản 70%"). */
export const LABEL_TAILS = new Set([
  'tài khoản', 'danh mục', 'hạng mục', 'cổ phần', 'thành phần', 'đa phần', 'văn phòng', 'dự phòng', 'gấp lần',
  'nhiều lần', 'số lần', 'các bước', 'từng bước', 'mỗi lần', 'một phần', 'nhiều điều', 'mọi điều',
]);

/** Words before a numeral that make it a label or ordinal. `cap`: only when capitalized. */
export const LABEL_BEFORE: Array<[string[], boolean]> = (
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

export const MULTIPLIERS: Array<[string, number]> = (
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
export const NOT_AFTER_TY = new Set(['lệ', 'trọng', 'giá', 'số', 'suất']);

export const CURRENCIES: Array<[string, string]> = (
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
export const NOT_AFTER_DONG = new Set([
  'bộ', 'thời', 'chí', 'nghiệp', 'ý', 'bào', 'đều', 'loạt', 'tình', 'hành', 'hồ', 'khởi', 'phục', 'nhất',
  'đẳng', 'bằng', 'hương', 'lòng', 'thuận', 'minh', 'tâm', 'cỏ', 'ruộng', 'hóa', 'hoá', 'dạng', 'quản',
]);

export const MEASURES = [
  'tấn', 'kg', 'km2', 'km', 'ha', 'héc-ta', 'm2', 'm3', 'mét', 'lít', 'mw', 'kw', 'kwh', 'gw', 'gwh', 'gb',
  'tb', 'mb', 'mbps', 'gbps', 'mbit/s', 'gbit/s', 'giờ', 'phút', 'giây', 'ngày', 'tuần', 'tháng', 'năm', 'tuổi', 'lần', 'điểm',
].sort((a, b) => b.length - a.length);

/**
 * Measures a numeral may be glued to ("46,72Mbps", "20ha", "100MW"): the Latin ones of two letters
 * or more, longest first ("5G", "10h30" stay no figures).
 */
export const GLUED_MEASURES = MEASURES.filter((w) => /^[a-z][a-z0-9]+$/.test(w));

/** The measure glued to a numeral at `pos` of lower-cased `s` (no letter or digit after it), or null. */
export function gluedMeasure(s: string, pos: number): string | null {
  const c = s.charCodeAt(pos);
  if (!(c >= 0x61 && c <= 0x7a)) return null; // (each starts with a-z)
  for (const w of GLUED_MEASURES) if (s.startsWith(w, pos) && !/[\p{L}\p{N}]/u.test(s[pos + w.length] ?? '')) return w;
  return null;
}

/** Known counted nouns (longest first): the unit is exactly the term. */
export const TERMS = [
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
export const COMPOUNDS = new Set(
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
export const VERB_COMPOUNDS = new Set(
  (
    'xử lý,tham gia,triển khai,thực hiện,ban hành,sử dụng,hoàn thành,kết nối,phát triển,đăng ký,hỗ trợ,' +
    'cung cấp,dẫn đầu,tạo ra,đưa vào,tiếp tục,đạt được,xây dựng,hoạt động,phục vụ,chia sẻ,tích hợp,' +
    'số hóa,số hoá,khai thác,vận hành,đào tạo,công bố,đánh giá,ghi nhận,cảnh báo,hướng dẫn,thí điểm,' +
    'khai trương,phản ánh,giám sát,điều hành,trưởng thành,giải quyết,tiếp nhận,trả lời,phê duyệt,' +
    'tăng trưởng,liên thông,trực thuộc'
  ).split(','),
);
/** Function words and one-syllable verbs: the noun phrase stops before them. */
export const STOP = new Set(
  (
    'và,với,của,cho,có,không,chưa,được,bị,đã,đang,sẽ,là,thì,mà,nhưng,hoặc,hay,trên,dưới,trong,ngoài,' +
    'tại,từ,đến,tới,so,theo,thuộc,gồm,như,các,những,mọi,này,đó,kia,ấy,khi,để,vào,ra,lên,xuống,về,đạt,' +
    'tăng,giảm,chiếm,còn,cũng,đều,vẫn,nữa,rồi,lại,nhằm,bằng,qua,sau,trước,cùng,gây,gắn,tạo,đưa,làm,' +
    'hơn,nhất,khoảng,gần,ước,mỗi,mới,hết,cả,toàn,riêng,chỉ,đạt,tương,ứng,hằng,hàng,nay,năm,tháng,quý,' +
    'ngày,thì,thứ,lần,trở,vượt,góp,đóng,kết,nối,tham,triển,thực,xử,ban,sử,dẫn,cung,phục,hỗ,đăng,hoàn'
  ).split(','),
);

/**
 * Before a bare year: an index's abbreviation ("GII 2024 do WIPO công bố", "DTI 2022 xếp …") or a
 * name masked or blanked as spaces ("[[GII]] 2024 xếp …": three spaces or more, the markup detector's
 * blanked names too): the year is the index's edition (docs/reading.md §6.11, §31), never a count of
 * the word after it. `o`: the text as written, up to the numeral.
 */
const EDITION_BEFORE = /(?:(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\d]{1,7} | {3})$/u;
export function editionBefore(o: string, i: number): boolean {
  return EDITION_BEFORE.test(o.slice(Math.max(0, i - 10), i));
}

/**
 * A phrase table's entries by their phrase's last word, each list in the table's order. An entry
 * matches the words before a numeral (`ScanCursor.matchBack`) only if its last word is the word read
 * there, so a loop over that word's list finds the same first match as one over the whole table
 * (test/unit/figure-tables.test.ts), with a call per entry that may match instead of per entry.
 */
export function byLastWord<T extends [string[], unknown]>(table: readonly T[]): ReadonlyMap<string, readonly T[]> {
  const out = new Map<string, T[]>();
  for (const e of table) {
    const w = e[0][e[0].length - 1];
    const list = out.get(w);
    if (list) list.push(e);
    else out.set(w, [e]);
  }
  return out;
}

/** Words by their first UTF-16 unit, each list in the given order (a word starts at `i` only if that unit is there). */
export function byFirstUnit(words: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const out = new Map<number, string[]>();
  for (const w of words) {
    const list = out.get(w.charCodeAt(0));
    if (list) list.push(w);
    else out.set(w.charCodeAt(0), [w]);
  }
  return out;
}
