/**
 * A share of GDP written as a percentage of it: "kinh tế số … đạt khoảng 18,3% GDP", "chiếm 12,33%
 * GDP". The entries named "Tỷ trọng X trong GDP" are the "% GDP" measure of the subject X (catalog/
 * subjects.ts: their subject, measure `gdp`); a subject's bound percentage written with "GDP" after
 * it picks them (markup/subjects.ts pickBySubject), and no other percentage does. "GRDP" (a
 * province's product) is not GDP. Pure.
 */

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
