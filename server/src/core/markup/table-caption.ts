/**
 * The detector on a header that names only a measure ("| Tỉnh | Điểm | Xếp hạng |") under a caption
 * that names the index ("Bảng 2. Chỉ số DTI cấp tỉnh năm 2022 của các tỉnh vùng Tây Bắc"; issue #13,
 * round 14). The caption (parse/table-caption.ts) names an index by a subject of the catalog (the
 * name without its measure word: "chỉ số chuyển đổi số cấp bộ", catalog/subjects.ts) or by an
 * abbreviation of a family ("DTI cấp tỉnh", catalog/family.ts); a header cell that is only a
 * measure word ("Điểm", "Điểm số", "Xếp hạng", "Thứ hạng", "Vị trí", a period after it allowed)
 * picks the member of that measure — of the provinces' series over rows of provinces, of the
 * ministries' over rows of ministries. When exactly one entry is so picked and the column's figures
 * fit it (table-header.ts columnFit), canonical mode writes its name over the measure word in the
 * header cell (the checker binds the column as for any header name, its period the column's or the
 * caption's); wrap lists the case (`variant-name`: "Điểm" alone names nothing). Pure.
 */
import { abbreviationFamily, memberFor } from '../catalog/family';
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import { subjectKey } from '../catalog/subjects';
import type { Indicator, SubjectEntry } from '../catalog/types';
import { isProvinceName } from '../parse/subject-list';
import { captionAbove } from '../parse/table-caption';
import { measureCell } from '../parse/table-measures';
import { isMinistryLabel } from '../parse/table-subjects';
import type { Figure } from '../types';
import { tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { subjectCandidate } from './subject-names';
import { cellKind, columnFit, settleHeaderName, type HeaderRun } from './table-columns';
import { entriesNamedInText } from './unnamed';

/** The entries the caption names: the longest subject of the catalog in its words, else the families of its abbreviations. */
export function captionEntries(run: HeaderRun, caption: string): SubjectEntry[] {
  const words = subjectKey(caption).split(' ');
  const { entries, maxWords } = run.catalog.subjects();
  for (let n = Math.min(maxWords, words.length); n >= 2; n--) {
    const found: SubjectEntry[] = [];
    for (let i = 0; i + n <= words.length; i++) for (const e of entries.get(words.slice(i, i + n).join(' ')) ?? []) if (!found.includes(e)) found.push(e);
    if (found.length) return found;
  }
  return entriesNamedInText(run.catalog, caption).flatMap((ind) => abbreviationFamily(run.catalog, ind) ?? []);
}

/** The one entry of `measure` among `entries` whose series the rows are (provinces', ministries'), or null. */
export function pickMember(entries: SubjectEntry[], measure: 'score' | 'rank', rows: readonly ProseUnit[], labelCell = 0): Indicator | null {
  const labels = rows.map((r) => r.parts[labelCell]?.text.replace(/[*_]/g, '').trim() ?? '');
  const provinces = labels.some(isProvinceName);
  const ministries = labels.some(isMinistryLabel);
  const kept = [...new Set(entries.filter((e) => e.measure === measure).map((e) => e.indicator))].filter((ind) => (!provinces || provinceFacts(ind).series) && (!ministries || isMinistrySeries(ind)));
  return kept.length === 1 ? kept[0] : null;
}

/**
 * pickMember over the entries `words` name (captionEntries); over rows of ministries, when they name
 * none of the ministries' series, the same words with "cấp bộ": the rows say the level ("| Thứ hạng
 * | Bộ, ngành | Giá trị DTI |": the ministerial DTI's score, docs/reading.md §30).
 */
export function pickNamed(run: HeaderRun, words: string, measure: 'score' | 'rank', rows: readonly ProseUnit[], labelCell = 0): Indicator | null {
  const found = pickMember(captionEntries(run, words), measure, rows, labelCell);
  if (found || /cấp bộ/iu.test(words) || !rows.some((r) => isMinistryLabel(r.parts[labelCell]?.text.replace(/[*_]/g, '').trim() ?? ''))) return found;
  // (the main member of that measure in the family of each entry so named: memberFor)
  const kept = new Set(captionEntries(run, `${words} cấp bộ`).map((e) => memberFor(run.catalog, e.indicator, measure)).filter((m) => !!m && isMinistrySeries(m)));
  return kept.size === 1 ? [...kept][0]! : null;
}

/** The measure cells of `header` with no name of their own (`named`), named by the caption above the table (the module comment). */
export function detectCaptionMeasures(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], named: readonly Named[], plainFigs: Figure[][]): void {
  const cells = header.parts.map((p) => p.text);
  const measures = cells.map((c, i) => (i > 0 && !named.some((n) => n.part === i) && !header.parts[i].refs.length && cellKind(c, i) === 'value' ? measureCell(c) : null));
  if (!measures.some(Boolean)) return;
  let lineStart = header.start;
  while (lineStart > 0 && run.text[lineStart - 1] !== '\n' && run.text[lineStart - 1] !== '\r') lineStart--;
  const caption = captionAbove(run.text, lineStart);
  if (!caption) return;
  const entries = captionEntries(run, caption.line);
  if (!entries.length) return;
  measures.forEach((m, part) => {
    if (!m) return;
    const indicator = pickMember(entries, m.measure, rows);
    if (!indicator) return;
    const tokens = tokensOf(header.parts[part]).map((t, i) => ({ ...t, i })).filter((t) => t.start >= m.start && t.end <= m.end);
    if (!tokens.length) return;
    const cand = subjectCandidate(run, indicator, { first: tokens[0].i, last: tokens[tokens.length - 1].i, start: m.start, end: m.end });
    settleHeaderName(run, header, { cand, part, indicator, candidates: [indicator] }, plainFigs, columnFit(indicator, cells, rows, part, part));
  });
}
