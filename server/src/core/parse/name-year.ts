/**
 * An index's edition written as a bare year right after its name (docs/reading.md §6.11): "xuống thứ
 * 39 trong [[DTI]] 2022", "Việt Nam xếp thứ 46 trong [[GII]] 2023": the year dates the figure the name
 * binds, unless a period phrase is attached to that figure (written right after it, or right before
 * it with only white space or ":" between: dialect.md §6.3 steps 2–3), and never a target's. Without
 * it the figure took an earlier clause's or sentence's period ("Ở nhóm giữa bảng năm 2017, … Đồng Tháp
 * từ hạng 20 … xuống thứ 39 trong DTI 2022": 2017). Pure; offsets local to the sentence's masked
 * text (binding.ts calls it while the chunk's model is being made).
 */
import type { Figure, PeriodPhrase } from '../types';
import type { PlacedFigure, ReportDocument } from './model';

/** A bare year right after the name (the reference masked as spaces): not a part of a range, a date or a number. */
const YEAR_AFTER = /^[ \t]+((?:19|20)\d\d)(?![\p{L}\p{N}]|[/–-]|[.,]\d)/u;

/** The bare year written right after the reference ending at `end` of `text`: its [start, end) and code, else null. */
export function yearAfterName(text: string, end: number): { start: number; end: number; code: string } | null {
  const m = YEAR_AFTER.exec(text.slice(end, end + 12));
  if (!m) return null;
  const start = end + m[0].length - m[1].length;
  return { start, end: start + 4, code: m[1] };
}

/** True if a period phrase of `phrases` (no comparison base) is attached to `f`: right after it, or right before it with only white space or ":" between. */
function attachedPhrase(text: string, f: Figure, phrases: PeriodPhrase[]): boolean {
  for (const p of phrases) {
    if (p.comparison) continue;
    if (p.start >= f.end && /^\s*$/.test(text.slice(f.end, p.start))) return true;
    if (p.end <= f.start && /^[\s:]*$/.test(text.slice(p.end, f.start))) return true;
  }
  return false;
}

/**
 * The edition year that dates `f` (the figure bound to the reference ending at `end` of the
 * sentence's masked `text`, read with `role` and the sentence's `phrases`): the bare year right
 * after the name, when `f` is no target and no phrase is attached to it; else null. The checker
 * (datedByEdition) and the detector (markup/bind.ts) ask the same.
 */
export function editionOf(text: string, end: number, f: Figure, phrases: PeriodPhrase[], role: string | undefined): { start: number; end: number; code: string } | null {
  if (role === 'target') return null;
  const y = yearAfterName(text, end);
  return y && !attachedPhrase(text, f, phrases) ? y : null;
}

/**
 * `g` (a placed figure of the chunk's model being made, `f` its reading in the sentence's masked
 * `text` at `base`) dated by its edition year (editionOf) when it has one (binding.ts).
 */
export function datedByEdition(g: PlacedFigure, text: string, end: number, f: Figure, phrases: PeriodPhrase[], base: number, doc: ReportDocument): void {
  const y = editionOf(text, end, f, phrases, g.role);
  if (!y || g.period === y.code) return;
  g.period = y.code;
  g.periodSource = 'phrase';
  g.periodRange = doc.lines.range(base + y.start, base + y.end);
}
