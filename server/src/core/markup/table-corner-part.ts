/**
 * Measure rows over period columns under a corner cell that names the part telling sibling entries
 * apart (issue 13, round 18, held20): "| Speedtest, băng rộng cố định | Tháng 8/2023 | Tháng 9/2023 |"
 * over "| Tốc độ tải xuống (Mbps) | 93,11 | 94,45 |" and "| Thứ hạng thế giới | 46 | 46 |". The
 * header cells after the first are periods alone (table-pillar-periods.ts periodAlone); the corner
 * cell is some words naming the part ("băng rộng cố định") and, before them, at most a source
 * ("Speedtest", "Ookla", "i-Speed", "VNNIC") — a country, an operator or a province there reads
 * nothing. A row's words (a bracketed unit aside) then the part's spell one catalog name or alias
 * ("tốc độ tải xuống" + "băng rộng cố định"); a row naming a rank alone ("Thứ hạng", "Xếp hạng thế
 * giới") is the rank member of the one entry the other rows found (catalog/family.ts memberFor).
 * When the row's first figure fits, the row is marked as table-pillars.ts marks a pillar row
 * (canonical writes the name; the checker binds the first period column's figure and the next
 * columns' as further figures, each with its column's period); wrap lists it (`variant-name`). Pure.
 */
import { memberFor } from '../catalog/family';
import type { Indicator } from '../catalog/types';
import { readFigures } from '../parse/figures';
import { asRankFigure, measureCell } from '../parse/table-measures';
import { fits } from './judge';
import type { ProseUnit } from './prose';
import type { HeaderRun } from './table-columns';
import { periodAlone } from './table-pillar-shapes';
import { markPillarRow } from './table-pillars';

/** A source the corner cell may name before the part: a speed test, its publisher. */
const SOURCE = /^(?:(?:ookla\s+)?speedtest(?:\s+global\s+index)?|ookla|i-speed|vnnic|speedtest\.net)$/iu;
/** Scope words a rank row may carry after its measure ("Thứ hạng thế giới"). */
const SCOPE = /\s+(?:thế giới|toàn cầu)\s*$/iu;

/** The corner's words, split at spaces and commas; the part is a run of them ending the cell. */
const wordsOf = (cell: string): string[] => cell.replace(/[*_]/g, ' ').split(/[\s,;:()]+/u).filter(Boolean);

/** The one entry some row words then the corner's last words name, with the words before them a source or none; null else. */
function entryOfRow(run: HeaderRun, row: string, corner: string[]): Indicator | null {
  const found = new Set<Indicator>();
  for (let i = 0; i < corner.length; i++) {
    const before = corner.slice(0, i).join(' ');
    if (before && !SOURCE.test(before)) continue;
    const m = run.catalog.resolve(`${row} ${corner.slice(i).join(' ')}`);
    if (m.kind === 'canonical' || m.kind === 'alias') found.add(m.indicator);
  }
  return found.size === 1 ? [...found][0] : null;
}

/** Marks the measure rows under period columns of the table whose header row is `header` (the module comment). */
export function detectCornerPartRows(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], rowAt: readonly number[]): void {
  const cells = header.parts.map((p) => p.text);
  if (cells.length < 2 || header.parts[0].refs.length || !cells.slice(1).every(periodAlone)) return;
  const corner = wordsOf(cells[0]);
  if (corner.length < 2) return;
  const found: Array<{ r: number; indicator: Indicator | null; rank: boolean; end: number }> = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.parts.length !== cells.length || row.parts.some((p) => p.refs.length)) continue;
    const cell = row.parts[0].text;
    const end = cell.includes('(') ? cell.indexOf('(') : cell.length;
    const label = cell.slice(0, end).replace(/[*_]/g, ' ').trim();
    if (!/\p{L}/u.test(label)) continue;
    const rank = measureCell(label.replace(SCOPE, ''))?.measure === 'rank';
    found.push({ r, indicator: rank ? null : entryOfRow(run, label, corner), rank, end });
  }
  const named = new Set(found.map((f) => f.indicator).filter((i): i is Indicator => !!i));
  const ranked = named.size === 1 ? memberFor(run.catalog, [...named][0], 'rank') : undefined;
  for (const { r, indicator, rank, end } of found) {
    const entry = rank ? ranked : indicator;
    const f = readFigures(rows[r].parts[1].text)[0];
    if (!entry || !f || f.change) continue;
    if (fits(entry, rank ? asRankFigure(f) : f)) markPillarRow(run, rows[r], rowAt[r], entry, end);
  }
}
