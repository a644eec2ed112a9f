/**
 * The compilers a text names, for a name several series share (series.ts): every name and code of
 * each candidate's compilers, matched on word boundaries in folded text; the one named in a
 * sentence, and the one the report named last before a sentence naming none. Pure.
 */
import type { Indicator } from './catalog/types';
import { foldKey } from './catalog/catalog';
import { foldSameLength } from './text';
import { work } from './work';

/**
 * The folded names and codes of every body that compiled an indicator's series, whatever its dates
 * (the Ministry of Science and Technology compiles the ministry's series since 1/3/2025, the
 * Statistics Office the statistics office's: a report names the body of its day).
 */
function compilerNames(ind: Indicator): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (!s) return;
    const key = foldKey(s);
    // Two-letter codes ("UN") are too easily a word: only names and longer codes count.
    if (key.replace(/[^a-z0-9]/g, '').length >= 3) out.push(key);
  };
  for (const c of ind.compilers ?? []) {
    add(c.name);
    for (const code of c.codes ?? []) add(code);
  }
  add(ind.compiler);
  for (const code of ind.compilerCodes ?? []) add(code);
  return out;
}

/**
 * The compilers named in `folded` (a folded text), as offsets per candidate: a name matches on word
 * boundaries; "Tổng cục Thống kê" does not also count as "Cục Thống kê" (the longer name wins).
 */
export function namedCompilers(folded: string, candidates: Indicator[]): Array<{ indicator: Indicator; at: number; end: number }> {
  const hits: Array<{ indicator: Indicator; at: number; end: number }> = [];
  for (const ind of candidates) {
    for (const key of compilerNames(ind)) {
      work.steps += folded.length;
      for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
        const end = at + key.length;
        if (/[a-z0-9]/.test(folded[at - 1] ?? '') || /[a-z0-9]/.test(folded[end] ?? '')) continue;
        hits.push({ indicator: ind, at, end });
      }
    }
  }
  // A hit inside a longer hit of another series is no naming of its own.
  return hits.filter((h) => !hits.some((o) => o !== h && o.indicator !== h.indicator && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at));
}

/** The one candidate named, else the one named last (nearest before `before`), else null. */
export function pickNamed<H extends { indicator: Indicator; at: number }>(hits: H[], before: number): H | null {
  if (!hits.length) return null;
  const distinct = new Set(hits.map((h) => h.indicator));
  if (distinct.size === 1) return hits[0];
  const prior = hits.filter((h) => h.at < before).sort((a, b) => b.at - a.at);
  if (!prior.length) return null;
  const nearest = prior.filter((h) => h.at === prior[0].at);
  return new Set(nearest.map((h) => h.indicator)).size === 1 ? nearest[0] : null;
}

/**
 * The one series of a shared name whose compiler `text` names (the one named last before `before`
 * when several are): the markup detector's reading of "Bộ Thông tin và Truyền thông ước tính …".
 */
export function seriesNamedIn(text: string, candidates: Indicator[], before: number): Indicator | null {
  if (candidates.length < 2) return null;
  return pickNamed(namedCompilers(foldSameLength(text), candidates), before)?.indicator ?? null;
}

/** How far before its sentence a shared name looks for the compiler the report named last (its title, a heading, an earlier paragraph). */
export const DOCUMENT_LOOKBACK = 3000;

/** Whether `text` names the compiler of any of the candidates (a sentence naming one it cannot settle on is not settled by the text before it). */
export function namesCompiler(text: string, candidates: Indicator[]): boolean {
  return candidates.length > 1 && namedCompilers(foldSameLength(text), candidates).length > 0;
}

/**
 * The one series of a shared name whose compiler `text` (the report before a sentence naming none,
 * at most {@link DOCUMENT_LOOKBACK} characters) names last: "Bảng Speedtest Global Index mà Ookla
 * vừa cập nhật …" and then "Trên mạng di động, tốc độ tải xuống trung bình lên 86,96 Mbps" is
 * Ookla's series; null when none is named or two are named at one place.
 */
export function seriesNamedBefore(text: string, candidates: Indicator[]): Indicator | null {
  if (candidates.length < 2) return null;
  const hits = namedCompilers(foldSameLength(text.slice(-DOCUMENT_LOOKBACK)), candidates);
  if (!hits.length) return null;
  const last = Math.max(...hits.map((h) => h.at));
  const nearest = hits.filter((h) => h.at === last);
  return new Set(nearest.map((h) => h.indicator)).size === 1 ? nearest[0].indicator : null;
}

/** The markup detector's {@link seriesNamedBefore}: for a sentence (unit) of `text` naming no compiler of the candidates, the one the report named last before it. */
export function seriesNamedBeforeUnit(text: string, unit: { start: number; end: number }, candidates: Indicator[]): Indicator | null {
  if (candidates.length < 2 || namesCompiler(text.slice(unit.start, unit.end), candidates)) return null;
  return seriesNamedBefore(text.slice(Math.max(0, unit.start - DOCUMENT_LOOKBACK), unit.start), candidates);
}
