/**
 * A header cell that names an index by its measure noun then its abbreviation or subject, over rows
 * of provinces (or ministries): "| Địa phương | Giá trị DTI 2024 |", "| Tỉnh | Điểm DTI |", "| Tỉnh
 * | Chỉ số DTI năm 2023 |" (issue #13, round 20; docs/reading.md §7.1). The head noun says the
 * measure — "giá trị", "điểm", "điểm số", "chỉ số" a score; "xếp hạng", "thứ hạng", "hạng", "vị
 * trí" a rank — and the words after it (a period phrase aside) name the index as a caption does
 * (table-caption.ts captionEntries: a subject of the catalog, else an abbreviation's family). The
 * one member of that measure whose series the rows are (provinces', ministries') is the cell's entry;
 * when its column's figures fit it (table-columns.ts columnFit), canonical writes its name over the
 * head noun and the index's words, the period left as written (the checker binds the column as for
 * any header name); wrap marks the abbreviation alone when the index's words are one ("Giá trị [[DTI]]
 * 2024": the checker reads the measure noun and the rows, table-lead.ts headerSubjectLead; reading.md
 * §71), else lists the case (`variant-name`: "Giá trị DTI" names no one series). A cell
 * the name reading already marked is left alone, and a cell none of whose rows is a province's or a
 * ministry's reads nothing (a national entry's column stays the name reading's). Pure.
 */
import { readPeriods } from '../parse/periods';
import { rankFirstLabel } from '../parse/table-cells';
import { isRowSubject, rowUnder } from '../parse/table-subjects';
import type { Figure } from '../types';
import { tokensOf } from './names';
import type { ProseUnit } from './prose';
import type { AmbiguousCase } from './types';
import { pickNamed } from './table-caption';
import { cellKind, columnFit, settleHeaderName, type HeaderRun } from './table-columns';
import { subjectCandidate } from './subject-names';

/** The head noun, then the index's words (at least one letter). */
const HEAD = /^(\s*)(giá trị|điểm số|điểm|chỉ số|xếp hạng|thứ hạng|hạng|vị trí)\s+(?=\p{L})/iu;

/** The measure a cell's head noun says, and the offsets of the head and the index's words (a period phrase after them aside); null if none. */
export function namedMeasure(cell: string): { measure: 'score' | 'rank'; start: number; end: number; index: string; indexStart: number } | null {
  const m = HEAD.exec(cell);
  if (!m) return null;
  const start = m[1].length;
  // (a bare year ends the index's words as a period phrase does: "Giá trị DTI 2024")
  let end = cell.length;
  const year = /\s(?:19|20)\d\d\b/u.exec(cell.slice(m[0].length));
  if (year) end = m[0].length + year.index;
  try {
    const p = readPeriods(cell).find((x) => x.start >= m[0].length);
    if (p) end = Math.min(end, p.start);
  } catch {
    return null;
  }
  const rest = cell.slice(m[0].length, end).replace(/(?<![\p{L}])(?:năm|kỳ)\s*$/iu, '').replace(/[\s,(–-]+$/u, '');
  if (!/\p{L}/u.test(rest)) return null;
  const measure = /^(?:giá trị|điểm|chỉ số)/iu.test(m[2]) ? 'score' : 'rank';
  return { measure, start, end: m[0].length + rest.length, index: rest, indexStart: m[0].length };
}

/**
 * Where the marked words of a header cell naming a measure start: in wrap, at the index's words when
 * they are an abbreviation alone ("Giá trị [[DTI]] 2024": the checker reads the measure noun before
 * the mark and the rows under it, table-lead.ts headerSubjectLead; docs/reading.md §71); else at the
 * measure noun (canonical writes the entry's name over both).
 */
export function wrapFrom(run: HeaderRun, m: { start: number; index: string; indexStart: number }): number {
  return run.mode === 'wrap' && run.catalog.resolve(m.index.trim()).kind === 'abbreviation' ? m.indexStart : m.start;
}

/** Marks the header cells of `header` that name an index by its measure over rows of provinces or ministries (the module comment); `taken`: the cells already marked. */
export function detectNamedMeasures(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], taken: ReadonlySet<number>, listed: ReadonlyMap<number, readonly AmbiguousCase[]>, plainFigs: Figure[][]): void {
  const cells = header.parts.map((p) => p.text);
  // (the cells first: rows are read only under a cell that names a measure, every keystroke's table has none)
  const measures = cells.map((cell, part) => (part === 0 || taken.has(part) || header.parts[part].refs.length || cellKind(cell, part) !== 'value' ? null : namedMeasure(cell.replace(/[*_]/g, ' '))));
  if (!measures.some(Boolean)) return;
  // (a rank-first table's rows are named by a later column: "| Thứ hạng | Bộ, ngành | Giá trị DTI |", §30)
  const k = rankFirstLabel(rows.filter((r) => r.parts.length === cells.length).map((r) => r.parts.map((p) => p.text)), (l, i) => rowUnder(cells[i], l));
  const labels = rows.map((r) => r.parts[k]?.text.replace(/[*_]/g, '').trim() ?? '');
  if (!labels.some(isRowSubject)) return;
  cells.forEach((_, part) => {
    const m = measures[part];
    if (!m) return;
    const indicator = pickNamed(run, m.index, m.measure, rows, k);
    if (!indicator) return;
    const from = wrapFrom(run, m);
    const tokens = tokensOf(header.parts[part]).map((t, i) => ({ ...t, i })).filter((t) => t.start >= from && t.end <= m.end);
    if (!tokens.length) return;
    const cand = subjectCandidate(run, indicator, { first: tokens[0].i, last: tokens[tokens.length - 1].i, start: tokens[0].start, end: tokens[tokens.length - 1].end });
    if (!settleHeaderName(run, header, { cand, part, indicator, candidates: [indicator] }, plainFigs, columnFit(indicator, cells, rows, part, part, k))) return;
    // (the name reading's case on these words, another entry's misfit, gives way to this reading)
    const gone = listed.get(part) ?? [];
    for (const a of gone) if (run.ambiguous.includes(a)) run.ambiguous.splice(run.ambiguous.indexOf(a), 1);
  });
}
