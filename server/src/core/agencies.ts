/**
 * Names of the bodies that issue and sign reports, as of today and before the 2025 reorganisation:
 * the ministries and ministry-level agencies from 1 March 2025 (Nghị quyết 176/2025/QH15, Nghị định
 * 25/2025/NĐ-CP and the decrees on each ministry), and the 34 provinces and centrally-run cities from
 * 1 July 2025 (Nghị quyết 202/2025/QH15). The earlier names stay valid for reports dated before the
 * change: the front matter takes any name (old reports are not rewritten); the snippets offer
 * today's names, and `successorOf` says which body carries on a former one.
 */

/** The 14 ministries and 3 ministry-level agencies of the Government from 1 March 2025. */
export const MINISTRIES_2025: readonly string[] = [
  'Bộ Quốc phòng',
  'Bộ Công an',
  'Bộ Ngoại giao',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Tài chính',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Xây dựng',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Khoa học và Công nghệ',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Y tế',
  'Bộ Dân tộc và Tôn giáo',
  'Ngân hàng Nhà nước Việt Nam',
  'Thanh tra Chính phủ',
  'Văn phòng Chính phủ',
];

/** Bodies that ceased on 1 March 2025, and the body that took over their work. */
export const FORMER_MINISTRIES: Readonly<Record<string, { successor: string; until: string }>> = {
  'Bộ Thông tin và Truyền thông': { successor: 'Bộ Khoa học và Công nghệ', until: '2025-02-28' },
  'Bộ Kế hoạch và Đầu tư': { successor: 'Bộ Tài chính', until: '2025-02-28' },
  'Bộ Giao thông vận tải': { successor: 'Bộ Xây dựng', until: '2025-02-28' },
  'Bộ Tài nguyên và Môi trường': { successor: 'Bộ Nông nghiệp và Môi trường', until: '2025-02-28' },
  'Bộ Nông nghiệp và Phát triển nông thôn': { successor: 'Bộ Nông nghiệp và Môi trường', until: '2025-02-28' },
  'Bộ Lao động - Thương binh và Xã hội': { successor: 'Bộ Nội vụ', until: '2025-02-28' },
  'Ủy ban Dân tộc': { successor: 'Bộ Dân tộc và Tôn giáo', until: '2025-02-28' },
  'Tổng cục Thống kê': { successor: 'Cục Thống kê (Bộ Tài chính)', until: '2025-02-28' },
};

/** The 34 provincial units from 1 July 2025: 6 centrally-run cities, then 28 provinces. */
export const PROVINCES_2025: readonly string[] = [
  'Hà Nội',
  'Hải Phòng',
  'Huế',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Cần Thơ',
  'Tuyên Quang',
  'Cao Bằng',
  'Lai Châu',
  'Lào Cai',
  'Thái Nguyên',
  'Điện Biên',
  'Lạng Sơn',
  'Sơn La',
  'Phú Thọ',
  'Bắc Ninh',
  'Quảng Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'An Giang',
  'Cà Mau',
];

/** The 29 provinces merged on 1 July 2025 (the other 34 of the 63 kept their names), and the unit each joined. */
export const FORMER_PROVINCES: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang',
  'Yên Bái': 'Lào Cai',
  'Bắc Kạn': 'Thái Nguyên',
  'Vĩnh Phúc': 'Phú Thọ',
  'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh',
  'Thái Bình': 'Hưng Yên',
  'Hải Dương': 'Hải Phòng',
  'Hà Nam': 'Ninh Bình',
  'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị',
  'Quảng Nam': 'Đà Nẵng',
  'Kon Tum': 'Quảng Ngãi',
  'Bình Định': 'Gia Lai',
  'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng',
  'Bình Thuận': 'Lâm Đồng',
  'Phú Yên': 'Đắk Lắk',
  'Bình Dương': 'Thành phố Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Thành phố Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai',
  'Long An': 'Tây Ninh',
  'Sóc Trăng': 'Cần Thơ',
  'Hậu Giang': 'Cần Thơ',
  'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long',
  'Tiền Giang': 'Đồng Tháp',
  'Kiên Giang': 'An Giang',
  'Bạc Liêu': 'Cà Mau',
};

const key = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * The body that carries on `name` at `date` (ISO): itself when it is a name of today, or when the
 * date is before the change (an old report names the body as it was); its successor when a report
 * dated after the change uses a former name; null for a name not in these lists.
 */
export function successorOf(name: string, date?: string): string | null {
  const k = key(name);
  const today = [...MINISTRIES_2025, ...PROVINCES_2025].find((n) => key(n) === k);
  if (today) return today;
  const ministry = Object.entries(FORMER_MINISTRIES).find(([n]) => key(n) === k);
  if (ministry) return date && date <= ministry[1].until ? ministry[0] : ministry[1].successor;
  const province = Object.entries(FORMER_PROVINCES).find(([n]) => key(n) === k);
  if (province) return date && date < '2025-07-01' ? province[0] : province[1];
  return null;
}

/** A snippet choice list (`${n|a,b|}`) of names: commas, pipes and backslashes escaped. */
export function snippetChoices(tabStop: number, names: readonly string[]): string {
  return `\${${tabStop}|${names.map((n) => n.replace(/[\\,|]/g, (c) => `\\${c}`)).join(',')}|}`;
}
