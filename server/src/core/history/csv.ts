/**
 * `.policy-report/figures.csv`: official figures given by hand. Columns: indicator (id or any
 * catalog name), period, value (as written, Vietnamese format), unit, compiler, status, source.
 */
import { parse } from 'csv-parse/sync';
import type { Catalog } from '../catalog/catalog';
import { readFigures } from '../parse/figures';
import { isPeriodCode } from '../parse/period-codes';
import { LineIndex } from '../text';
import type { Range } from '../types';
import type { HistoryEntry } from './types';

export const FIGURES_FILE = '.policy-report/figures.csv';

export interface CsvProblem {
  range: Range;
  message: string;
}

const COLUMNS = ['indicator', 'period', 'value', 'unit', 'compiler', 'status', 'source'];

/**
 * The largest figures.csv read (UTF-16 units): each row's indicator is resolved in the catalog,
 * about a millisecond for a name it does not know, so 2 M characters (some 40 000 rows) stay
 * within seconds. A larger file gives one problem and no figures.
 */
export const MAX_CSV_CHARS = 2 * 1024 * 1024;

/** Reads figures.csv into history entries; never throws, every bad row is a problem with its line. */
export function parseFiguresCsv(text: string, uri: string, catalog: Catalog): { entries: HistoryEntry[]; problems: CsvProblem[] } {
  if (text.length > MAX_CSV_CHARS || text.includes('\u0000')) {
    const zero = { line: 0, character: 0 };
    const why = text.length > MAX_CSV_CHARS ? `too large (${text.length} characters; the limit is ${MAX_CSV_CHARS}): it is not read` : 'a binary file, not CSV text: it is not read';
    const vi = text.length > MAX_CSV_CHARS ? `quá lớn (${text.length} ký tự; giới hạn ${MAX_CSV_CHARS}): không được đọc` : 'là tệp nhị phân, không phải văn bản CSV: không được đọc';
    return { entries: [], problems: [{ range: { start: zero, end: zero }, message: `figures.csv: ${why} / figures.csv ${vi}` }] };
  }
  const lines = new LineIndex(text);
  const lineRange = (line: number): Range => {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    return lines.range(start, Math.max(start, end - (text[end - 1] === '\n' ? 1 : 0) - (text[end - 2] === '\r' ? 1 : 0)));
  };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const line = Math.max(0, ((e as { lines?: number }).lines ?? 1) - 1);
    return { entries: [], problems: [{ range: lineRange(line), message: `figures.csv: ${(e as Error).message}` }] };
  }
  const problems: CsvProblem[] = [];
  const entries: HistoryEntry[] = [];
  if (!records.length) return { entries, problems };
  const header = records[0].record.map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const required of ['indicator', 'period', 'value']) {
    if (col(required) < 0) {
      problems.push({ range: lineRange(0), message: `figures.csv: thiếu cột "${required}" / missing column "${required}" (expected: ${COLUMNS.join(', ')})` });
    }
  }
  if (problems.length) return { entries, problems };
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - 1;
    const get = (name: string) => (col(name) >= 0 ? (record[col(name)] ?? '').trim() : '');
    const name = get('indicator');
    const period = get('period');
    const valueText = get('value');
    const unit = get('unit');
    const indicator = catalog.byId(name) ?? (() => {
      const m = catalog.resolve(name);
      return 'indicator' in m ? m.indicator : undefined;
    })();
    if (!indicator) {
      problems.push({ range: lineRange(line), message: `figures.csv: chỉ tiêu "${name}" không có trong danh mục / indicator "${name}" is not in the catalog` });
      continue;
    }
    if (!isPeriodCode(period)) {
      problems.push({ range: lineRange(line), message: `figures.csv: kỳ "${period}" không hợp lệ / invalid period "${period}"` });
      continue;
    }
    const [figure] = readFigures(`${valueText} ${unit}`.trim());
    if (!figure) {
      problems.push({ range: lineRange(line), message: `figures.csv: không đọc được giá trị "${valueText}" / cannot read the value "${valueText}"` });
      continue;
    }
    entries.push({
      indicatorId: indicator.id,
      period,
      raw: valueText + (unit ? ` ${unit}` : ''),
      value: figure.value,
      interval: figure.interval,
      unit: figure.unit ?? (unit || null),
      kind: figure.kind,
      decimals: figure.decimals,
      qualifier: figure.qualifier,
      denominator: figure.denominator,
      origin: { kind: 'csv', uri, range: lineRange(line), compiler: get('compiler') || undefined, status: get('status') || undefined, source: get('source') || undefined },
    });
  }
  return { entries, problems };
}
