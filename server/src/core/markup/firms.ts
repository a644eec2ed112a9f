/**
 * A firm as the subject of a figure (issue 13, round 12; markup/classes.ts firmFigure): "Viettel …
 * có 3 triệu thuê bao 5G", "vùng phủ ngoài trời của nhà mạng đạt 90%", "số người dùng 5G của VNPT
 * là 4 triệu" tell one operator's figure, not the country's, as a province's figure is no national
 * value (core/provinces.ts). A firm is a name the market knows (the telecom operators, the postal
 * and payment firms, the platforms: FIRMS) or a capitalized name after the kind of a firm ("nhà
 * mạng Viettel", "công ty Tiki"; a name, not a category: "doanh nghiệp FDI", "doanh nghiệp Nhà nước"
 * are none). Not the subject: a firm named as the source ("theo
 * Viettel", "Viettel cho biết …"), or a firm the clause turns away from before the figure ("…; cả
 * nước có …", "trong đó toàn thị trường …"). Pure.
 */
import { work } from '../work';

/** Firms the press names without their kind: operators, postal, payment and trade platforms. */
const FIRMS = [
  'Viettel', 'VNPT', 'VinaPhone', 'Vinaphone', 'MobiFone', 'Mobifone', 'Vietnamobile', 'Gmobile', 'Itel', 'Wintel', 'Reddi',
  'FPT', 'CMC', 'Viettel Post', 'VNPost', 'Vietnam Post', 'MoMo', 'ZaloPay', 'VNPay', 'ShopeePay', 'Shopee', 'Lazada', 'Tiki',
  'TikTok Shop', 'Grab', 'Vingroup', 'VNG', 'Masan', 'Apple', 'Samsung', 'Google', 'Meta', 'Facebook', 'Microsoft', 'Amazon', 'Nvidia',
];
/** The kinds of a firm written before its name, lower- or upper-case first ("Nhà mạng Viettel"). */
const KINDS = ['nhà mạng', 'tập đoàn', 'tổng công ty', 'công ty', 'hãng', 'doanh nghiệp'].map((k) => `[${k[0]}${k[0].toUpperCase()}]${k.slice(1)}`).join('|');
/** A firm by name, or a capitalized name after the kind of a firm (its own words, not a place's). */
export const FIRM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${FIRMS.map((f) => f.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])|(?:${KINDS})\\s+(?!(?:Việt|Nhà|Trung|Chính|Bộ|Sở|Nước|Cổ|Trách)(?![\\p{L}]))(\\p{Lu}\\p{Ll}[\\p{L}\\p{N}]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}]*)*)|(?<!(?:các|những)\\s+)((?:Tập đoàn|Tổng công ty)(?!\\s+\\p{Lu})|[Nn]hà mạng\\s+(?:đầu tiên|lớn nhất|này|đó))(?![\\p{L}\\p{N}]))`,
  'gu',
);
/** The firm a FIRM match names (by name, after its kind, or by its kind alone), spaces made single. */
export const firmName = (m: RegExpMatchArray): string => (m[1] ?? m[2] ?? m[3]).replace(/\s+/g, ' ');
/** The firm named as a source: "theo Viettel", "số liệu của Viettel cho thấy", "Viettel cho biết". */
const SOURCE_BEFORE = /(?:^|[^\p{L}])(?:theo|nguồn|dẫn)\s*$/iu;
const SAYS_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:cho biết|cho hay|thông tin|công bố|ước tính|dự báo|nhận định|khẳng định|báo cáo|thống kê)(?![\p{L}])/iu;
/** Words that turn a clause back to the whole country or market after a firm was named. */
const WHOLE = /(?<![\p{L}])(?:cả nước|toàn quốc|toàn thị trường|toàn ngành|các nhà mạng|các doanh nghiệp|thị trường việt nam|việt nam)(?![\p{L}])|[;:]|\.(?!\d)/iu;

/**
 * The firm that is the subject of a figure written at the end of `before` (the figure's sentence up
 * to the figure, names not blanked), or null. `own`: the folded words of the entry's names (an entry
 * about that firm keeps its figures).
 */
export function firmSubject(before: string, own: (folded: string) => boolean): string | null {
  work.steps += before.length;
  let last: { name: string; end: number } | null = null;
  for (const m of before.matchAll(FIRM)) {
    const name = firmName(m);
    const end = m.index + m[0].length;
    if (SOURCE_BEFORE.test(before.slice(Math.max(0, m.index - 12), m.index)) || SAYS_AFTER.test(before.slice(end, end + 40))) continue;
    last = { name, end };
  }
  if (!last || WHOLE.test(before.slice(last.end)) || own(last.name.toLowerCase())) return null;
  return last.name;
}
