/**
 * `policy-report figures [paths…]`: one record per indicator reference, what the figure reader
 * understood, as JSON or CSV (a UTF-8 byte order mark by default; formula-like cells neutralised).
 * The reports are loaded as `check` loads them (cli/check.ts). Exit codes: 0 success, 2 usage error
 * or unreadable input.
 */
import { displayPath, toUri } from './files';
import { type CommandSpec, type ParsedArgs } from './command';
import { ALLOW_EMPTY_OPTION, CATALOG_OPTION, FOLDERS_NOTE, LANG_OPTION, load, toArgs, type Args } from './check';
import { kindByEntry, roleByEntry } from '../core/catalog/rank-entry';

export const FIGURES_SPEC: CommandSpec = {
  name: 'figures',
  operands: '[paths…]',
  description: 'Các số liệu gắn với chỉ tiêu / One record per indicator reference: what the figure reader understood.',
  options: [
    { long: 'format', short: 'f', value: 'json|csv', choices: ['json', 'csv'], help: 'output format (default json; JSON ranges are LSP 0-based, CSV line and character 1-based)' },
    { long: 'no-bom', help: 'csv: no UTF-8 byte order mark (by default there is one, for spreadsheets)' },
    // Accepted as before, not listed: the records have no message to translate.
    { ...LANG_OPTION, hidden: true },
    CATALOG_OPTION,
    ALLOW_EMPTY_OPTION,
  ],
  notes: `${FOLDERS_NOTE}\nCSV text cells that begin with = + - @, a tab or a carriage return get a leading ' (OWASP, CSV injection).\nExit codes: 0 success, 2 usage error or unreadable input.`,
};

/** The columns of `figures --format csv`: the JSON record's fields, the range as 1-based line and character. */
export const FIGURE_CSV_COLUMNS = ['file', 'line', 'character', 'indicator', 'name', 'raw', 'value', 'unit', 'qualifier', 'period', 'session', 'date', 'role', 'kind', 'denominator', 'multiplier', 'decimals', 'change'] as const;

/**
 * One CSV cell (RFC 4180 quoting). A number we computed is written as it is, so a spreadsheet reads
 * it as a number (a finite JS number cannot be a formula). A text cell that a spreadsheet would run
 * as a formula (first character =, +, -, @, a tab, a carriage return, NUL, or their full-width
 * forms) gets a leading ' and quotes, as OWASP recommends for CSV injection; so a text "-2,5" (the
 * `raw` figure as written) becomes "'-2,5": that cell is text, the `value` column has the number.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  const s = String(v);
  if (/^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record per reference: what the parser understood. */
async function figures(args: Args): Promise<number> {
  const format = args.format ?? 'json';
  const { service, texts, unreadableInput } = await load(args, 'vi');
  const records: Array<Record<string, unknown>> = [];
  for (const { file, text } of texts) {
    const analysis = service.analysis(toUri(file), text);
    const fm = analysis.doc.frontMatter;
    for (const { ref, indicator: own, also, series } of analysis.refs) {
      // The bound figure, then the reference's further figures ("từ A năm X lên B năm Y": A; the rank
      // beside a score, with the rank's series), each with the series it states.
      for (const [f, period, indicator] of [[ref.figure, ref.period, own] as const, ...(also ?? []).flatMap((a) => (a.indicator || !own ? [[a.figure, a.period, a.indicator] as const] : []))]) {
        records.push({
          file: displayPath(file),
          range: ref.range,
          indicator: indicator?.id ?? null,
          name: ref.written,
          raw: f?.raw ?? null,
          value: f?.value ?? null,
          unit: f?.unit ?? null,
          qualifier: f?.qualifier ?? null,
          period,
          session: fm?.session ?? null,
          date: fm?.date ?? null,
          role: (f && roleByEntry(f, indicator)) ?? null,
          kind: (f && kindByEntry(f, indicator)) ?? null,
          denominator: f?.denominator ?? null,
          multiplier: f?.multiplier ?? null,
          decimals: f?.decimals ?? null,
          change: f?.change ? (f.change.direction === 'up' ? 'up' : 'down') : null,
          figureRange: f?.range ?? null,
          // (a name several series share, settled without "@ CODE": the rule that chose, and why; JSON only)
          ...(series && f === ref.figure && own ? { series: series.by, seriesReason: series.reason.en } : {}),
        });
      }
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(records, null, 2) + '\n');
  else {
    // With the BOM, Excel opens the Vietnamese text as UTF-8 (without it, as the ANSI code page).
    const lines = [FIGURE_CSV_COLUMNS.join(',')];
    for (const r of records) {
      const range = r.range as { start: { line: number; character: number } };
      const row: Record<string, unknown> = { ...r, line: range.start.line + 1, character: range.start.character + 1 };
      lines.push(FIGURE_CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
    process.stdout.write((args.bom ? '\uFEFF' : '') + lines.join('\n') + '\n');
  }
  return unreadableInput ? 2 : 0;
}

/** `figures`, from its parsed command line. */
export function figuresCommand(p: ParsedArgs): Promise<number> {
  return figures(toArgs(FIGURES_SPEC, p));
}
