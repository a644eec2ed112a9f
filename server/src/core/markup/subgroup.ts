/**
 * Class subgroup-value (round 20, audit25; docs/reading.md §18; one hook in other-measure.ts
 * otherMeasure, each refusal listed `figure-role` with its reason): a figure told of a part of the
 * population or of the places the entry measures as a whole — rural or urban areas, remote areas,
 * women or men, the young, an age group, the ASEAN countries on average — is that part's value,
 * never the entry's national one:
 * - the part written right after the name: "Tỷ lệ người sử dụng Internet ở khu vực nông thôn đạt
 *   65%", "… của nữ giới đạt 76%", "Tốc độ … của các nước ASEAN đạt bình quân 90 Mbps";
 * - or opening the sentence before the name: "Trong nhóm thanh niên, tỷ lệ … lên tới 95%";
 * - round 22 (neg22): the holders a count sorts by, individuals or bodies ("12,44 triệu chứng thư
 *   chữ ký số cá nhân", "… của tổ chức"), the part right after a name written after its figure too.
 * - round 26 (open26, §40.2): households among the holders ("riêng thuê bao băng rộng cố định của hộ
 *   gia đình là 17,48 triệu"), not an entry whose names say households.
 * - round 33 (share33, §72): "tổ chức tín dụng" (a credit institution, where an account is held: "66%
 *   người trưởng thành đã có tài khoản thanh toán tại tổ chức tín dụng") is no body among the holders.
 * Not an entry whose own names say the part ("… nông thôn" in its name or aliases), nor a rank (a
 * ranking's scope is classes.ts otherScope's; a region's, regionRank below).
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import type { ClassInput } from './fronted';

type Message = ReturnType<typeof msg>;

const PART =
  '(nông thôn|thành thị|đô thị|miền núi|vùng sâu,? vùng xa|hải đảo|biên giới|nữ giới|nam giới|phụ nữ|thanh niên|người cao tuổi|trẻ em|học sinh|sinh viên|cá nhân|tổ chức(?!\\s+(?:tín dụng|cung ứng|được phép))|hộ gia đình|(?:nhóm |độ )tuổi(?:\\s+(?:từ\\s+)?\\d+(?:\\s*(?:-|–|đến)\\s*\\d+)?)?|(?:các nước|các quốc gia|khu vực) asean)';
/** Right after the name: "ở/tại/của/trong/thuộc", "khu vực/vùng/nhóm", the part. */
const PART_AFTER = new RegExp(`^\\s*(?:(?:ở|tại|của|trong|thuộc|đối với)\\s+)?(?:(?:khu vực|vùng|nhóm|các)\\s+)?${PART}(?![\\p{L}])`, 'iu');
/** Opening the sentence: "Trong nhóm thanh niên,", "Riêng khu vực nông thôn,", "Ở vùng sâu, vùng xa:". */
const PART_FRONTED = new RegExp(`^\\s*(?:riêng\\s+)?(?:(?:trong|tại|ở|với|đối với|riêng)\\s+)?(?:(?:khu vực|vùng|nhóm|các)\\s+)?${PART}\\s*[,:]`, 'iu');

/** Class subgroup-value: the part right after the name, or opening the sentence before it (`sentence`: the sentence up to the name). */
export function subgroupValue(x: ClassInput, f: Figure, sentence: string): Message | null {
  const ind = x.indicator;
  if (ind.measure === 'rank' || ind.unitClass === 'rank' || f.kind === 'rank' || f.role === 'rank') return null;
  // The name after its figure (round 22, neg22: "12,44 triệu [[chứng thư chữ ký số]] cá nhân"): the part right after the name.
  const after = x.name && x.name.end <= f.start ? PART_AFTER.exec(x.plain.slice(x.name.end, f.start)) : x.name && x.name.start >= f.end && !x.plain.slice(f.end, x.name.start).trim() ? PART_AFTER.exec(x.plain.slice(x.name.end, x.name.end + 40)) : null;
  const m = after ?? PART_FRONTED.exec(sentence);
  if (!m) return null;
  const part = m[1];
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => foldKey(l).includes(foldKey(part).replace(/,/g, '')))) return null;
  return msg(
    `"${f.raw}" là số liệu của một phần ("${m[0].replace(/[,:]\s*$/, '').trim()}"), không phải của cả nước theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is a part's figure ("${m[0].replace(/[,:]\s*$/, '').trim()}"), not the country's "${ind.name}": left unmarked.`,
  );
}

/** A region of the country's provinces: "các tỉnh miền núi phía Bắc", "khu vực Tây Nguyên", "vùng Đồng bằng sông Cửu Long". */
const REGION =
  /(?<![\p{L}])(?:(?:trong|giữa)\s+(?:số\s+)?(?:các|\d+)\s+tỉnh(?:,\s*thành(?:\s+phố)?)?\s+(?:thuộc\s+)?(?:khu vực|vùng|miền|trung du|đồng bằng|duyên hải|tây|đông|bắc trung bộ|nam trung bộ)|(?:khu vực|vùng)\s+(?:tây nguyên|tây bắc|đông bắc|miền núi|trung du|đồng bằng|duyên hải|bắc trung bộ|nam trung bộ|đông nam bộ|tây nam bộ))(?![\p{L}])/iu;
/**
 * Class region-rank (round 20, audit25; docs/reading.md §18): a province's rank among a region's
 * provinces ("Lào Cai đứng thứ 2 về [[DTI]] trong số các tỉnh miền núi phía Bắc", "… xếp thứ 3 khu
 * vực Tây Nguyên") is no place in the national ranking the entry keeps: listed. The region written in
 * the figure's clause after it; a region opening the sentence only frames it ("Ở khu vực Bắc Trung Bộ,
 * Thanh Hóa đứng thứ 11 về chỉ số DTI": the national place, marked); "thứ 21/63 tỉnh, thành phố
 * trong cả nước" names no region, "xếp thứ 21 về [[DTI]], đứng đầu khu vực Nam Trung Bộ" names it
 * in a later clause: both stay marked.
 */
export function regionRank(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (!(ind.measure === 'rank' || ind.unitClass === 'rank') && f.kind !== 'rank') return null;
  const after = /^(?:[^;.,]|,(?=\s*thành))*/.exec(x.plain.slice(f.end, f.end + 120).replace(/\.(?!\d)[^]*$/, ''))![0];
  const m = REGION.exec(after);
  if (!m || [ind.name, ...(ind.aliases ?? [])].some((l) => foldKey(l).includes(foldKey(m[0].trim())))) return null;
  return msg(
    `"${f.raw}" là thứ hạng trong một vùng ("${m[0].replace(/[,:]\s*$/, '').trim()}"), không phải thứ hạng cả nước của "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is a rank within a region ("${m[0].replace(/[,:]\s*$/, '').trim()}"), not a national place of "${ind.name}": left unmarked.`,
  );
}
