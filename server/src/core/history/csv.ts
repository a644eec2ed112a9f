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
import { msg, type Msg } from '../i18n';
import type { Indicator } from '../catalog/types';
import type { HistoryEntry } from './types';
import { work } from '../work';

export const FIGURES_FILE = '.policy-report/figures.csv';

export interface CsvProblem {
  range: Range;
  /** In both languages: the edge picks one. */
  message: Msg;
}

const COLUMNS = ['indicator', 'period', 'value', 'unit', 'compiler', 'status', 'source'];

/**
 * csv-parse's options: the only set the shipped bundles know how to normalize (scripts/shims/csv-options.mjs
 * holds its normalized form; test/unit/package-shims.test.ts compares the two).
 */
export const CSV_OPTIONS = { relax_column_count: true, skip_empty_lines: true, info: true, trim: true };

/**
 * The largest figures.csv read (UTF-16 units): some 40 000 rows. A larger file gives one problem
 * and no figures.
 */
export const MAX_CSV_CHARS = 2 * 1024 * 1024;

/** A row of figures.csv as read, before its indicator is looked up in a catalog. */
interface CsvRow {
  range: Range;
  name: string;
  period: string;
  valueText: string;
  unit: string;
  figure: ReturnType<typeof readFigures>[number] | undefined;
  compiler?: string;
  status?: string;
  source?: string;
}

/**
 * figures.csv read once: its rows (figures read) and the problems that do not depend on the
 * catalog. A catalog change binds the same rows again (bindFiguresCsv) without reading the text.
 */
export interface ReadCsv {
  rows: CsvRow[];
  /** A problem of the whole file (too large, binary, malformed, a missing column): no rows. */
  fileProblems: CsvProblem[];
}

/** Reads figures.csv into rows; never throws. */
export function readFiguresCsv(text: string): ReadCsv {
  if (text.length > MAX_CSV_CHARS || text.includes('\u0000')) {
    const zero = { line: 0, character: 0 };
    const why = text.length > MAX_CSV_CHARS ? `too large (${text.length} characters; the limit is ${MAX_CSV_CHARS}): it is not read` : 'a binary file, not CSV text: it is not read';
    const vi = text.length > MAX_CSV_CHARS ? `quá lớn (${text.length} ký tự; giới hạn ${MAX_CSV_CHARS}): không được đọc` : 'là tệp nhị phân, không phải văn bản CSV: không được đọc';
    return { rows: [], fileProblems: [{ range: { start: zero, end: zero }, message: msg(`figures.csv ${vi}.`, `figures.csv is ${why}.`) }] };
  }
  const lines = new LineIndex(text);
  const lineRange = (line: number): Range => {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    return lines.range(start, Math.max(start, end - (text[end - 1] === '\n' ? 1 : 0) - (text[end - 2] === '\r' ? 1 : 0)));
  };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/^\uFEFF/, ''), CSV_OPTIONS) as unknown as typeof records;
  } catch (e) {
    const line = Math.max(0, ((e as { lines?: number }).lines ?? 1) - 1);
    return { rows: [], fileProblems: [{ range: lineRange(line), message: msg('figures.csv sai cú pháp CSV ở dòng này; sửa rồi lưu lại.', `Malformed figures.csv: ${(e as Error).message}`) }] };
  }
  const fileProblems: CsvProblem[] = [];
  const rows: CsvRow[] = [];
  if (!records.length) return { rows, fileProblems };
  const header = records[0].record.map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const required of ['indicator', 'period', 'value']) {
    if (col(required) < 0) {
      fileProblems.push({ range: lineRange(0), message: msg(`figures.csv thiếu cột "${required}"; các cột là ${COLUMNS.join(', ')}.`, `figures.csv lacks the column "${required}"; the columns are ${COLUMNS.join(', ')}.`) });
    }
  }
  if (fileProblems.length) return { rows, fileProblems };
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    work.steps++;
    const get = (name: string) => (col(name) >= 0 ? (record[col(name)] ?? '').trim() : '');
    const valueText = get('value');
    const unit = get('unit');
    const period = get('period');
    rows.push({
      range: lineRange(info.lines - 1),
      name: get('indicator'),
      period,
      valueText,
      unit,
      // Read only where it is used (a row with a valid period): as before, nothing else is read.
      figure: isPeriodCode(period) ? readFigures(`${valueText} ${unit}`.trim())[0] : undefined,
      compiler: get('compiler') || undefined,
      status: get('status') || undefined,
      source: get('source') || undefined,
    });
  }
  return { rows, fileProblems };
}

/**
 * The history entries of rows read by readFiguresCsv, each row's indicator looked up in `catalog`
 * (each distinct name once); every bad row is a problem with its line.
 */
export function bindFiguresCsv(read: ReadCsv, uri: string, catalog: Catalog): { entries: HistoryEntry[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [...read.fileProblems];
  const entries: HistoryEntry[] = [];
  const indicators = new Map<string, Indicator | undefined>();
  for (const row of read.rows) {
    work.steps++;
    const { name, period, valueText, unit, figure } = row;
    let indicator = indicators.get(name);
    if (indicator === undefined && !indicators.has(name)) {
      indicator = catalog.byId(name) ?? (() => {
        const m = catalog.resolve(name);
        return 'indicator' in m ? m.indicator : undefined;
      })();
      indicators.set(name, indicator);
    }
    if (!indicator) {
      problems.push({ range: row.range, message: msg(`figures.csv: chỉ tiêu "${name}" không có trong danh mục.`, `figures.csv: the indicator "${name}" is not in the catalog.`) });
      continue;
    }
    if (!isPeriodCode(period)) {
      problems.push({ range: row.range, message: msg(`figures.csv: kỳ "${period}" không phải mã kỳ hợp lệ.`, `figures.csv: "${period}" is not a valid period code.`) });
      continue;
    }
    if (!figure) {
      problems.push({ range: row.range, message: msg(`figures.csv: không đọc được giá trị "${valueText}".`, `figures.csv: cannot read the value "${valueText}".`) });
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
      origin: { kind: 'csv', uri, range: row.range, compiler: row.compiler, status: row.status, source: row.source },
    });
  }
  return { entries, problems };
}

/** Reads figures.csv into history entries; never throws, every bad row is a problem with its line. */
export function parseFiguresCsv(text: string, uri: string, catalog: Catalog): { entries: HistoryEntry[]; problems: CsvProblem[] } {
  return bindFiguresCsv(readFiguresCsv(text), uri, catalog);
}
