/** Binds a parsed report to the catalog: every reference with how its name resolved. */
import type { Catalog } from './catalog/catalog';
import type { Indicator, NameMatch } from './catalog/types';
import type { Reference, ReportDocument } from './parse/model';
import type { HistoryIndex } from './history/history';
import type { PolicyConfig } from './config';

/** A reference and what the catalog says about its name. */
export interface ResolvedReference {
  ref: Reference;
  match: NameMatch;
  /** The indicator the name stands for, when it resolved to exactly one. */
  indicator: Indicator | null;
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

export function analyze(doc: ReportDocument, catalog: Catalog): Analysis {
  const refs = doc.references.map((ref) => {
    const match = catalog.resolve(ref.written);
    const indicator = 'indicator' in match ? match.indicator : null;
    return { ref, match, indicator };
  });
  return { doc, catalog, refs };
}
