/**
 * The detector on a header whose cells name only the part that tells sibling entries apart
 * ("| Tháng | Băng rộng cố định (Mbps) | Băng rộng di động (Mbps) |") under a caption that names the
 * measure they share ("Bảng 1. Tốc độ tải xuống trung bình cả nước theo tháng"; issue #13, round 15:
 * speed reports by month, press-unmarked-held21). A header cell with no name of its own, its words
 * (a bracketed unit aside) written after some words of the caption, spells a catalog name or alias
 * exactly ("tốc độ tải xuống trung bình" + "băng rộng cố định"): that entry is the cell's. When the
 * column's figures fit it (table-header.ts columnFit), canonical mode writes its name over the cell's
 * words; wrap lists the case (`variant-name`: "Băng rộng cố định" alone names nothing). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { captionAbove } from '../parse/table-caption';
import type { Figure } from '../types';
import { tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { subjectCandidate } from './subject-names';
import { cellKind, columnFit, settleHeaderName, type HeaderRun } from './table-columns';

/** The caption's words, as written (emphasis and the "Bảng 1." lead aside). */
const captionWords = (line: string): string[] =>
  line
    .replace(/[*_]/g, ' ')
    .replace(/^\s*Bảng\s*[\dIVX]*\s*[.:]?/u, ' ')
    .split(/[\s,;:()]+/u)
    .filter(Boolean);

/** The one entry whose name or alias is some caption words then the cell's words, or null. */
function entryOfCell(catalog: Catalog, caption: string[], cell: string): Indicator | null {
  const found = new Set<Indicator>();
  for (let i = 0; i < caption.length; i++)
    for (let j = i + 1; j <= caption.length && j - i <= 8; j++) {
      const m = catalog.resolve(`${caption.slice(i, j).join(' ')} ${cell}`);
      if (m.kind === 'canonical' || m.kind === 'alias') found.add(m.indicator);
    }
  return found.size === 1 ? [...found][0] : null;
}

/** The value cells of `header` with no name of their own (`named`) whose words, after the caption's, name one entry (the module comment). */
export function detectCaptionParts(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], named: readonly Named[], plainFigs: Figure[][]): void {
  const cells = header.parts.map((p) => p.text);
  const free = cells.map((c, i) => i > 0 && !named.some((n) => n.part === i) && !header.parts[i].refs.length && cellKind(c, i) === 'value');
  if (!free.some(Boolean)) return;
  let lineStart = header.start;
  while (lineStart > 0 && run.text[lineStart - 1] !== '\n' && run.text[lineStart - 1] !== '\r') lineStart--;
  const caption = captionAbove(run.text, lineStart);
  if (!caption) return;
  const words = captionWords(caption.line);
  free.forEach((ok, part) => {
    if (!ok) return;
    // The cell's words before a bracketed unit ("Băng rộng cố định (Mbps)").
    const cell = cells[part];
    const end = cell.includes('(') ? cell.indexOf('(') : cell.length;
    const text = cell.slice(0, end).replace(/[*_]/g, ' ').trim();
    if (!/\p{L}/u.test(text)) return;
    const indicator = entryOfCell(run.catalog, words, text);
    if (!indicator) return;
    const tokens = tokensOf(header.parts[part]).map((t, i) => ({ ...t, i })).filter((t) => t.end <= end);
    if (!tokens.length) return;
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const cand = subjectCandidate(run, indicator, { first: first.i, last: last.i, start: first.start, end: last.end });
    settleHeaderName(run, header, { cand, part, indicator, candidates: [indicator] }, plainFigs, columnFit(indicator, cells, rows, part, part));
  });
}
