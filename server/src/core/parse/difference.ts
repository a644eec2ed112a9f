/**
 * Class difference-figure (issue 13 round 35, helper neg35, seen set press-unmarked-neg30;
 * docs/reading.md §86): a figure written right after a comparative ("ít hơn", "nhiều hơn", "cao hơn",
 * "thấp hơn") with a comparison base after it in its clause ("… 3.159 cuộc tấn công mạng, ít hơn 2.684
 * cuộc (45,9%) so với cùng kỳ") is the gap between two values, no value of the indicator: it becomes a
 * `change`. A comparative with no base after it is a threshold or an estimate ("cao hơn 50 Mbps",
 * "nhiều hơn 200 doanh nghiệp") and stays as read; so does "hơn N" alone ("hơn 200 triệu": more than).
 * Pure; one pass over the figures; each look is a bounded window (24 characters before the figure,
 * 48 after it).
 */
import type { Figure, FigureRole } from '../types';
import { isLevelRole } from './roles';

/** The comparative right before the figure (an approximation word may sit between: "ít hơn khoảng 2.684"). */
const COMPARATIVE = /(?:^|[^\p{L}])(?:ít hơn|nhiều hơn|cao hơn|thấp hơn)(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ))?\s*$/iu;
/** The comparative read as the figure's own qualifier ("ít hơn 2.684 cuộc": the figure's text starts with it). */
const COMPARATIVE_OWN = /^(?:ít hơn|nhiều hơn|cao hơn|thấp hơn)\s/iu;
/** The comparison base after the figure, within its clause: "so với …", "cùng kỳ" (its unit and a bracket may sit between). */
const BASE_AFTER = /^[^.;!?]{0,48}?(?<![\p{L}])(?:so với|cùng kỳ)(?![\p{L}])/iu;

/** The level figures of sentence `lower` (lowercased) told as a gap against a base become changes. */
export function differenceFigures(lower: string, figures: Figure[], readings: Array<{ role: FigureRole }>): void {
  figures.forEach((f, i) => {
    if (!isLevelRole(readings[i].role) || f.change) return;
    if (!COMPARATIVE_OWN.test(lower.slice(f.start, f.start + 10)) && !COMPARATIVE.test(lower.slice(Math.max(0, f.start - 24), f.start))) return;
    if (BASE_AFTER.test(lower.slice(f.end, f.end + 64))) readings[i].role = 'change';
  });
}
