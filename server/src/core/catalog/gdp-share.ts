/**
 * A share of GDP written as a percentage of it: "kinh tế số … đạt khoảng 18,3% GDP", "chiếm 12,33%
 * GDP". The entries named "Tỷ trọng X trong GDP" are the "% GDP" measure of the subject X (catalog/
 * subjects.ts: their subject, measure `gdp`); a subject's bound percentage written with "GDP" after
 * it picks them (markup/subjects.ts pickBySubject), and no other percentage does. "GRDP" (a
 * province's product) is not GDP. Pure.
 *
 * Round 33 (share33; docs/reading.md §72): every other whole too. "Tỷ trọng X trong W" gives the
 * subject X a `whole` measure of W ("thương mại điện tử mới chiếm 8,5% tổng mức bán lẻ …" is the
 * share of retail of "thương mại điện tử": catalog/subjects.ts, markup/subjects.ts pickBySubject),
 * the whole written right after the percent deciding it (opensWithWhole).
 */
import { foldKey, tokenize } from './name-keys';

/** The folded label of a "Tỷ trọng X trong GDP" entry: X (folded, one space between words), else null. */
export function gdpShareSubject(folded: string): string | null {
  const m = /^t[iy] trong (.+) trong gdp$/.exec(folded);
  return m && m[1].split(' ').length >= 2 ? m[1] : null;
}

/** "GDP" right after a percentage ("18,3% GDP", "12,33% tổng GDP", "10% trong GDP", "(18,3% GDP)"); not "GRDP". */
const OF_GDP = /^\s*(?:(?:của|trong|tổng)\s+)?(?:tổng\s+)?(?:sản phẩm quốc nội|GDP)(?![\p{L}\p{N}])/iu;

/** Whether the words right after a percentage (`after`) say it is of GDP. */
export function ofGdp(after: string): boolean {
  return OF_GDP.test(after.normalize('NFC'));
}

/** The folded subject X and whole W of a label "Tỷ trọng X trong W" (folded, one space between words) but GDP's (ofGdp above), else null. */
export function wholeShareSubject(folded: string): { subject: string; whole: string } | null {
  const m = /^t[iy] trong (.+?) trong (.+)$/.exec(folded);
  if (!m || m[2] === 'gdp' || m[1].split(' ').length < 2 || m[2].split(' ').length < 2) return null;
  return { subject: m[1], whole: m[2] };
}

/** Whether the words right after a percentage (`after`) open with the folded whole `whole` ("tổng mức bán lẻ hàng hóa …" for "tong muc ban le"). */
export function opensWithWhole(after: string, whole: string): boolean {
  const pieces = after.split(/[.;:,()\n[]/u);
  const words = tokenize(foldKey(pieces[0]));
  const want = whole.split(' ');
  if (want.length > words.length || !want.every((w, k) => words[k] === w)) return false;
  // (the whole narrowed by the noun after it, "tổng mức bán lẻ hàng hóa." or "… hàng hóa cả nước" without
  // "và … dịch vụ": the goods only, another whole; `after` may be cut short right after "hàng hóa")
  const rest = words.slice(want.length);
  return !(rest[0] === 'hang' && rest[1] === 'hoa' && (rest.length > 2 ? rest[2] !== 'va' : pieces.length > 1));
}
