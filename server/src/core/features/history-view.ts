/** What reviewers see of an indicator's history: a table, a trend picture, the previous value. */
import type { Analysis } from '../analyze';
import type { Indicator } from '../catalog/types';
import { periodEnd } from '../history/history';
import { onePeriod } from '../history/period-key';
import type { HistoryEntry } from '../history/types';
import type { Lang } from '../i18n';
import { describePeriod } from '../parse/periods';
import type { Position } from '../types';
import { describeOrigin, historySeries, latest, plainRaw, selfKey } from '../rules/history-context';

/** One value per period: the latest statement of it. */
export function seriesOf(entries: HistoryEntry[]): HistoryEntry[] {
  const byPeriod = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    if (e.kind === 'rank' && e.denominator === undefined) continue;
    let list = byPeriod.get(e.period);
    if (!list) byPeriod.set(e.period, (list = []));
    list.push(e);
  }
  return [...byPeriod.values()].map((l) => latest(l)!).sort((a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period)));
}

/** A Markdown table of every statement of an indicator: period, value, where it was said. */
export function historyTable(entries: HistoryEntry[], lang: Lang): string {
  if (!entries.length) return '';
  const en = lang === 'en';
  // One row per statement: a report that gives a figure in its text and again in its table counts once.
  const seen = new Set<string>();
  const rows = [...entries]
    .sort((a, b) => periodEnd(a.period).localeCompare(periodEnd(b.period)) || (a.origin.date ?? '').localeCompare(b.origin.date ?? ''))
    .filter((e) => {
      const key = `${e.origin.uri}|${e.period}|${e.value}`;
      return !seen.has(key) && !!seen.add(key);
    })
    .slice(-12)
    .map((e) => `| ${describePeriod(e.period, lang)} | ${plainRaw(e.raw).replace(/\|/g, '\\|')} | ${en ? describeOrigin(e).en : describeOrigin(e).vi} |`);
  return [en ? '| Period | Value | Reported at |' : '| Kỳ | Giá trị | Nguồn |', '|---|---|---|', ...rows].join('\n');
}

/** A small line chart of the series (one point per period), as an SVG data URI for a hover. */
export function trendSvg(series: HistoryEntry[], current?: { value: number; period: string }): string | null {
  const points = series.map((e) => ({ x: periodEnd(e.period), y: e.value, current: false }));
  if (current && periodEnd(current.period)) points.push({ x: periodEnd(current.period), y: current.value, current: true });
  points.sort((a, b) => a.x.localeCompare(b.x));
  if (points.length < 2) return null;
  const W = 240;
  const H = 64;
  const pad = 6;
  const ys = points.map((p) => p.y);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const sx = (i: number) => pad + (i * (W - 2 * pad)) / (points.length - 1);
  const sy = (v: number) => (hi === lo ? H / 2 : H - pad - ((v - lo) * (H - 2 * pad)) / (hi - lo));
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(i).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const dots = points
    .map((p, i) => `<circle cx="${sx(i).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="${p.current ? 3.5 : 2.5}" fill="${p.current ? '#d97706' : '#2563eb'}"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="none"/><path d="${path}" fill="none" stroke="#2563eb" stroke-width="1.5"/>${dots}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * The history section of a hover on a reference: of `indicator`, or of `series` (a province's own
 * entries of a provincial series: rules/history-context.ts historySeries).
 */
export function historyHover(analysis: Analysis, indicator: Indicator, current: { value: number; period: string } | undefined, lang: Lang, series: Indicator = indicator): string {
  const history = analysis.history;
  if (!history) return '';
  const entries = history.entries(series.id).filter((e) => e.origin.uri !== analysis.doc.uri);
  if (!entries.length) return '';
  const parts = [`**${lang === 'en' ? 'Across sessions' : 'Qua các phiên'}**`, historyTable(entries, lang)];
  const svg = trendSvg(seriesOf(entries), current);
  if (svg) parts.push(`![${lang === 'en' ? 'trend' : 'xu hướng'}](${svg})`);
  return parts.join('\n\n');
}

/**
 * Inlay hints: after each bound figure, the value the previous session reported for its indicator
 * (for a province's figure, that province's; none when the earlier value may be another unit's).
 */
export function previousValueHints(analysis: Analysis, lang: Lang): Array<{ position: Position; label: string; tooltip: string }> {
  const history = analysis.history;
  if (!history) return [];
  const self = selfKey(analysis);
  const out: Array<{ position: Position; label: string; tooltip: string }> = [];
  for (const { ref, indicator } of analysis.refs) {
    const f = ref.figure;
    if (!indicator || !f || f.change) continue;
    const series = historySeries(analysis, indicator, f, ref.sentence);
    if (!series) continue;
    const earlier = history.earlier(series.id, self).filter((e) => e.origin.kind === 'report' && e.kind === f.kind);
    if (!earlier.length) continue;
    const samePeriod = earlier.filter((e) => !!ref.period && onePeriod(e.period, ref.period, series));
    const prev = latest(samePeriod.length ? samePeriod : earlier)!;
    const where = describeOrigin(prev);
    const session = prev.origin.session !== undefined ? (lang === 'en' ? `session ${prev.origin.session}` : `phiên ${prev.origin.session}`) : lang === 'en' ? where.en : where.vi;
    out.push({
      position: f.range.end,
      label: ` ◂ ${session}: ${plainRaw(prev.raw)}${prev.period !== ref.period ? ` (${describePeriod(prev.period, lang)})` : ''}`,
      tooltip: lang === 'en' ? where.en : where.vi,
    });
  }
  return out;
}
