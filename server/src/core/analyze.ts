/** Binds a parsed report to the catalog: every reference with how its name resolved. */
import type { Catalog } from './catalog/catalog';
import type { Indicator, NameMatch } from './catalog/types';
import type { Reference, ReportDocument } from './parse/model';
import type { HistoryIndex } from './history/history';
import type { PolicyConfig } from './config';
import { inferSeries, type SeriesChoice } from './series';

/** A reference and what the catalog says about its name. */
export interface ResolvedReference {
  ref: Reference;
  match: NameMatch;
  /** The indicator the name stands for, when it resolved to exactly one (or the series was inferred). */
  indicator: Indicator | null;
  /** A name several series share, settled on one by its sentence, period or history (series.ts). */
  series?: SeriesChoice;
}

/** A report bound to a catalog. */
export interface Analysis {
  doc: ReportDocument;
  catalog: Catalog;
  refs: ResolvedReference[];
  /** The workspace history, when the checks across sessions can run. */
  history?: HistoryIndex;
  /** The effective settings for this document (VS Code settings over .policy-report/config.yaml). */
  config?: PolicyConfig;
}

/**
 * `history`: the workspace's, for series the history decides (a name shared by several series);
 * without it only the sentence and the period decide.
 */
export function analyze(doc: ReportDocument, catalog: Catalog, history?: HistoryIndex): Analysis {
  const refs = doc.references.map((ref): ResolvedReference => {
    const match = catalog.resolve(ref.written);
    if (match.kind === 'ambiguous') {
      const series = inferSeries(doc, ref, match.candidates, history) ?? undefined;
      return { ref, match, indicator: series?.indicator ?? null, ...(series ? { series } : {}) };
    }
    const indicator = 'indicator' in match ? match.indicator : null;
    return { ref, match, indicator };
  });
  return { doc, catalog, refs };
}

/**
 * Settles again the shared names of an analysis against the history as it is now (other reports
 * may have joined it since the analysis was made); true if some reference changed series.
 */
export function reinferSeries(analysis: Analysis, history: HistoryIndex): boolean {
  let changed = false;
  for (const r of analysis.refs) {
    if (r.match.kind !== 'ambiguous' || (r.series && r.series.by !== 'history')) continue;
    const series = inferSeries(analysis.doc, r.ref, r.match.candidates, history) ?? undefined;
    if ((series?.indicator ?? null) === r.indicator) continue;
    r.indicator = series?.indicator ?? null;
    if (series) r.series = series;
    else delete r.series;
    changed = true;
  }
  return changed;
}
