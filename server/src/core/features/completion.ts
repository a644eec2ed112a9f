/** Completion of indicator names after `[[`. */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { fold } from '../text';
import type { Position, Range } from '../types';
import type { ReportDocument } from '../parse/model';
import { describeIndicator } from './describe';
import type { Lang } from '../i18n';

export interface NameCompletion {
  label: string;
  /** "alias of …", unit and measure. */
  detail: string;
  documentation: string;
  /** What replaces `range`: the canonical name, plus `]]` when the reference is not closed yet. */
  newText: string;
  range: Range;
  filterText: string;
  sortText: string;
  indicatorId: string;
  kind: 'canonical' | 'alias' | 'abbreviation';
}

/** Where the cursor is inside an open `[[`: the range from just after `[[` to the cursor or `]]`. */
export function referenceContext(doc: ReportDocument, pos: Position): { prefix: string; range: Range; closed: boolean } | null {
  const lineStart = doc.lines.lineStart(pos.line);
  const offset = doc.lines.offsetAt(pos);
  const before = doc.text.slice(lineStart, offset);
  const open = before.lastIndexOf('[[');
  if (open < 0 || before.indexOf(']]', open) >= 0) return null;
  const prefix = before.slice(open + 2);
  if (prefix.length > 200) return null;
  const nextLineStart = pos.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(pos.line + 1) : doc.text.length;
  const after = doc.text.slice(offset, nextLineStart);
  const close = after.indexOf(']]');
  const nextOpen = after.indexOf('[[');
  const closed = close >= 0 && (nextOpen < 0 || close < nextOpen);
  const endOffset = closed ? offset + close : offset;
  return { prefix, range: doc.lines.range(lineStart + open + 2, endOffset), closed };
}

/** Catalog names matching what is typed after `[[`, accent-insensitively. */
export function completeNames(doc: ReportDocument, pos: Position, catalog: Catalog, lang: Lang): NameCompletion[] | null {
  const ctx = referenceContext(doc, pos);
  if (!ctx) return null;
  const typed = fold(ctx.prefix);
  const accented = ctx.prefix !== fold(ctx.prefix) && /[^\x00-\x7f]/.test(ctx.prefix);
  const items: NameCompletion[] = [];
  for (const { label, indicator, kind } of catalog.completionNames()) {
    const folded = fold(label);
    if (typed && !folded.includes(typed) && !folded.split(' ').some((w) => w.startsWith(typed))) continue;
    const target = insertName(indicator, kind, label);
    items.push({
      label,
      detail: detail(indicator, kind, lang),
      documentation: describeIndicator(indicator, lang),
      newText: ctx.closed ? target : `${target}]]`,
      range: ctx.range,
      // VS Code filters by filterText against the typed text: keep accents if the writer types them.
      filterText: accented ? label : folded,
      sortText: `${folded.startsWith(typed) ? 0 : 1}${kind === 'canonical' ? 0 : 1}${folded}`,
      indicatorId: indicator.id,
      kind,
    });
  }
  return items;
}

/** An alias or abbreviation completes to the canonical name (that is what the hint would ask for). */
function insertName(indicator: Indicator, kind: NameCompletion['kind'], label: string): string {
  return kind === 'canonical' ? label : indicator.name;
}

function detail(i: Indicator, kind: NameCompletion['kind'], lang: Lang): string {
  const unit = `${i.unit}${i.compiler ? ` · ${i.compiler}` : ''}`;
  if (kind === 'canonical') return `${i.measure} · ${unit}`;
  return lang === 'en' ? `${kind} of ${i.name} · ${unit}` : `${kind === 'alias' ? 'tên khác' : 'viết tắt'} của ${i.name} · ${unit}`;
}
