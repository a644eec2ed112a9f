/**
 * A scope phrase fronted in its sentence (issue #13, round 21; docs/reading.md §22.1): "Trong khu
 * vực ASEAN, Việt Nam đứng thứ 4/11", "Trong ASEAN, …", "Ở khu vực Đông Nam Á, …", "Trong khu vực
 * châu Á - Thái Bình Dương, …", after an optional list marker, period phrase or "riêng/còn". It
 * governs the ranks of its sentence that no scope word of their own clause places (period-series.ts
 * rankScopes): such a rank is regional, never a value of a world ranking (analyze.ts gives it the
 * regional member of its family, or no fact; core/scope-member.ts). Looks at the sentence's
 * opening only: linear.
 */
import type { RankScopeWritten } from '../types';

const FRONTED =
  /^\s*(?:[-*+]\s+)?(?:(?:năm|tháng|quý|kỳ|giai đoạn)\s+[^,;:.]{1,24},\s*)?(?:(?:riêng|còn|đặc biệt,?|cũng)\s+)?(?:trong|tại|ở)\s+(?:(?:khu vực|khối|phạm vi|(?:số\s+)?các nước|nhóm các nước)\s+)?(asean|đông nam á|châu á(?:\s*[-–]\s*thái bình dương)?)\s*,/u;

/**
 * The written scope a fronted phrase of the (lower-cased) sentence gives its ranks, if any. "Trong
 * khu vực," alone names no scope: it may pick the provinces of a region out of a national ranking
 * ("Trong khu vực, Long An dẫn đầu với vị trí thứ 11").
 */
export function frontedScope(lower: string): RankScopeWritten | undefined {
  const m = FRONTED.exec(lower.slice(0, 120));
  return m ? (m[1].startsWith('châu á') ? 'asia' : 'asean') : undefined;
}
