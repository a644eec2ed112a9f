/**
 * A table's name that is a subject of several entries ("| Tháng | Băng rộng cố định (Mbps) |", "|
 * Băng rộng di động | 44,92 Mbit/s |"; docs/reading.md §43): the checker reads `[[words as written]]`
 * as the one entry of the subject the figure it binds picks (series.ts byFigure), so wrap marks the
 * words as written when that figure picks the mention's entry alone, as mention.ts does in prose.
 * Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';
import { familyChoice } from '../catalog/family';
import { headerFamily } from './ministry-abbreviation';
import { pickBySubject } from './subjects';
import type { TableLead } from './table-lead';
import type { Mention } from './types';

/** The words the checker reads between a table's name and its figure, the name's line, and after the figure. */
export interface TableContext {
  between: string;
  line: string;
  after: string;
  /** The table's word on the row (table-lead.ts rowSubjectLead, as the checker reads it); none: nothing. */
  table?: TableLead | null;
}

/** `mention`, wrappable when its words are a subject whose figure `f` (as the checker binds it) picks its entry alone. */
export function wrapBySubject(catalog: Catalog, mention: Mention, indicator: Indicator, f: Figure | undefined, ctx: TableContext): Mention {
  if (mention.wrappable || !f || /[\r\n]/.test(mention.text)) return mention;
  const res = catalog.resolve(mention.text);
  // An abbreviation in a header cell ("Giá trị [[DTI]] 2024" over provinces' or ministries' rows): the
  // member of the family the rows say (ministry-abbreviation.ts headerFamily) the figure picks, as analyze.ts reads it.
  if (res.kind === 'abbreviation' && ctx.table) {
    const family = headerFamily(catalog, res.indicator, mention.text, ctx.table);
    const picked = family ? pickBySubject(family, f, f.kind === 'rank' ? 'rank' : 'level', undefined, ctx.between, ctx.line, '', ctx.after.slice(0, 24), ctx.table) : [];
    return family && familyChoice(family, picked, f) === indicator ? { ...mention, wrappable: true } : mention;
  }
  if (res.kind !== 'ambiguous' || !res.subject) return mention;
  const picked = pickBySubject(res.subject, f, f.kind === 'rank' ? 'rank' : 'level', undefined, ctx.between, ctx.line, '', ctx.after.slice(0, 64), ctx.table ?? null);
  return picked.length === 1 && picked[0] === indicator ? { ...mention, wrappable: true } : mention;
}

/** A row's cells joined as the document writes them, up to offset `end` of cell `col` (all of it: Infinity). */
export const rowText = (cells: readonly string[], col: number, end = Infinity): string => [...cells.slice(0, col), cells[col].slice(0, end)].join('|');
