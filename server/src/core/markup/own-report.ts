/**
 * Class own-report (round 22, reading.md §23.2): in a province's own report (its front matter's
 * `committee`, `issuer` or `issuer-parent` names one province: the reading of history/subject.ts
 * reportProvince, reading.md §21.2), a rate or a count written in the words of a national entry
 * ("- Gần 1.500 tổ công nghệ số cộng đồng đã được thành lập ở xã, thôn, xóm.", a table row "| Văn
 * bản, hồ sơ công việc xử lý trên môi trường mạng - cấp huyện | 92% | 95% |") is the province's
 * own figure, no value of the national series: listed, not marked, as province-section.ts lists
 * one under a heading naming the province. A sentence (or row) naming the nation ("cả nước",
 * "toàn quốc", "Việt Nam") keeps it national; a provincial series, a ministry's series, a ranking
 * or an index (an entry with a scope, a rank or a score) is untouched, and so is every report that
 * is no province's. The checker files a figure the writer marks there under the province (§21.2);
 * the detector only declines to mark it. Pure but for a one-text memo of the front matter's province.
 */
import { registerCache } from '../caches';
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { frontMatterField } from '../parse/front-matter';
import { provincesNamed } from '../provinces';
import { namesNation } from './nation-base';
import type { Figure } from '../types';

const FIELDS = ['committee', 'issuer', 'issuer-parent'] as const;

/** The last text read and its province (one entry: the detector reads one text at a time). */
let last: { text: string; province: string | null } | null = null;
registerCache(() => {
  last = null;
});

/** The one province the front matter's committee, issuer and issuer-parent name, else null. */
export function frontMatterProvince(text: string): string | null {
  if (last && last.text === text) return last.province;
  const found = new Set<string>();
  for (const field of FIELDS) {
    const v = frontMatterField(text, field);
    if (typeof v === 'string') for (const p of provincesNamed(v.slice(0, 500))) found.add(p.name);
  }
  const province = found.size === 1 ? [...found][0] : null;
  last = { text, province };
  return province;
}

/** A national entry a province also has a figure of: a rate or a count, no provincial, ministerial or ranked series. */
function provinceMayHave(ind: Indicator): boolean {
  if (ind.unitClass !== 'percent' && ind.unitClass !== 'count') return false;
  if (ind.scope || ind.measure === 'rank') return false;
  if (provinceFacts(ind).series || isMinistrySeries(ind)) return false;
  // Provinces counted or named ("Số tỉnh …", "địa phương"): a national figure; "cấp tỉnh" only says the level.
  return ![ind.name, ...(ind.aliases ?? []), ind.unit ?? '', ind.denominatorOf ?? ''].some((l) => PROVINCES.test(l.normalize('NFC').replace(CAP_TINH, '')));
}

/** "tỉnh" or "địa phương" as words (provincial.ts PROVINCE_WORD), and the level "cấp tỉnh" that names no province. */
const PROVINCES = /(?<![\p{L}\p{N}])(?:tỉnh|địa phương)(?![\p{L}\p{N}])/iu;
const CAP_TINH = /(?<![\p{L}\p{N}])cấp tỉnh(?![\p{L}\p{N}])/giu;

/**
 * The message listing `f`, bound to `ind` in `where` (its sentence, or its table row), when `text` is
 * a province's own report, `ind` a national rate or count and `where` names not the nation; else null.
 */
export function ownReportFigure(text: string, where: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  // ("cao hơn bình quân cả nước" compares with the nation, names no national figure: nation-base.ts, reading.md §81.2)
  if (!provinceMayHave(ind) || namesNation(where)) return null;
  const province = frontMatterProvince(text);
  if (!province) return null;
  return msg(
    `Báo cáo của tỉnh ${province}: "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `A report of ${province}: "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}
