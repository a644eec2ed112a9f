/**
 * Class firm-after-count (round 23, neg23; docs/reading.md §32): a count whose name is followed by
 * its owner, a firm ("mạng 15 [[trung tâm dữ liệu]] của Viettel", "3 triệu [[thuê bao 5G]] thuộc
 * VNPT"), counts that firm's, not the country's (firms.ts firmSubject reads the words before the
 * figure only). The figure right before the name, "của"/"thuộc" and a firm (firms.ts FIRM) right
 * after it; owners that are no firm's name ("của các doanh nghiệp viễn thông trong nước", "của Việt
 * Nam") keep the figure, as does an entry whose own names say the firm. Pure.
 */
import type { Figure } from '../types';
import { FIRM, firmName } from './firms';

/** "của"/"thuộc" and a firm, right after the name. */
const OWNER = new RegExp(`^\\s*(?:của|thuộc)\\s+(?:${FIRM.source})`, 'u');

/**
 * The firm owning the count `f` when its name (`name`, in `plain`) is written right after it and
 * the firm right after the name, else null (`own`: whether the entry's names say a folded word).
 */
export function firmAfterName(plain: string, name: { start: number; end: number } | null, f: Figure, own: (w: string) => boolean): string | null {
  if (!name || name.start < f.end || plain.slice(f.end, name.start).trim()) return null;
  const m = OWNER.exec(plain.slice(name.end, name.end + 80));
  const firm = m ? firmName(m) : null;
  return firm && !own(firm.toLowerCase()) ? firm : null;
}
