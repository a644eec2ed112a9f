/**
 * How many units a denominator counts on a given date: 63 provinces until the 2025 merger, 34 after;
 * 22 ministries and ministry-level agencies in 2022... Keys are the catalog's `denominatorOf`.
 */
export interface UnitCount {
  /** First day (ISO) this count holds; undefined = since always. */
  from?: string;
  value: number;
  source: string;
  /**
   * Keys of this table counting a named part of the whole: "30 bộ, ngành" are "22 bộ, cơ quan
   * ngang bộ và 8 cơ quan thuộc Chính phủ", so "21/22 bộ, ngành" counts the ministries alone.
   */
  parts?: string[];
}

export const UNIT_COUNTS: Record<string, UnitCount[]> = {
  'tỉnh, thành phố trực thuộc Trung ương': [
    { value: 63, source: 'Luật Tổ chức chính quyền địa phương; 63 tỉnh, thành phố đến giữa năm 2025' },
    { from: '2025-07-01', value: 34, source: 'Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh (34 tỉnh, thành phố từ 1/7/2025)' },
  ],
  'bộ, cơ quan ngang bộ': [
    { value: 22, source: '18 bộ và 4 cơ quan ngang bộ (Chính phủ nhiệm kỳ 2021–2026)' },
    { from: '2025-03-01', value: 17, source: '14 bộ và 3 cơ quan ngang bộ sau sắp xếp bộ máy năm 2025' },
  ],
  'bộ, ngành': [{ value: 30, source: '22 bộ, cơ quan ngang bộ và 8 cơ quan thuộc Chính phủ (2023)', parts: ['bộ, cơ quan ngang bộ'] }],
  // (by admission: 191 members from Timor-Leste's on 27/9/2002, 192 from Montenegro's, 193 from South Sudan's)
  'quốc gia thành viên Liên Hợp Quốc': [
    { from: '2002-09-27', value: 191, source: 'Liên Hợp Quốc (191 thành viên từ 27/9/2002)' },
    { from: '2006-06-28', value: 192, source: 'Liên Hợp Quốc (Montenegro, thành viên thứ 192, 28/6/2006)' },
    { from: '2011-07-14', value: 193, source: 'Liên Hợp Quốc (Nam Sudan, thành viên thứ 193, 14/7/2011)' },
  ],
};

/** The number of units `denominatorOf` counts on `date` (ISO), if known. */
export function unitCountOn(denominatorOf: string | undefined, date: string): UnitCount | undefined {
  if (!denominatorOf) return undefined;
  const counts = UNIT_COUNTS[denominatorOf];
  if (!counts) return undefined;
  let found: UnitCount | undefined;
  for (const c of counts) if (!c.from || c.from <= date) found = c;
  return found;
}

/**
 * True if `denominator` is the count on `date` of `count` or of one of its named parts (UnitCount
 * parts): a fraction over a part says which set it counts.
 */
export function countsWholeOrPart(count: UnitCount, denominator: number, date: string): boolean {
  if (count.value === denominator) return true;
  return (count.parts ?? []).some((p) => unitCountOn(p, date)?.value === denominator);
}
