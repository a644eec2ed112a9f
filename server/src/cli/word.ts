/**
 * Word in and out for the CLI: `export FILE --format docx` (core/word/docx.ts: the ND 30/2020 layout,
 * or the team's `.policy-report/template.docx` filled by placeholders) and `import FILE.docx|DIR`
 * (core/word/ooxml-read.ts, then import.ts: the .docx read into a dialect report, indicators marked by the markup
 * detector). Files are read by the guarded reader and written by io/write.ts only.
 */
import * as path from 'node:path';
import { stat } from 'node:fs/promises';
import { msg, pick } from '../core/i18n';
import { LanguageService } from '../core/service';
import { isPeriodCode } from '../core/parse/period-codes';
import { importReport, type Guess } from '../core/word/import';
import { readBytesFile } from '../io/read';
import { listFiles } from '../io/walk';
import { writeFileAtomic } from '../io/write';
import { DocxRefused, MAX_DOCX_BYTES, docxBlocks, reportToDocx } from '../io/word';
import { localeLang, UsageError, writeErrorText, type CommandSpec, type ParsedArgs } from './command';
import { createDiskWorkspace, displayPath, toUri, workspaceRoot } from './files';

/** `export FILE --format docx`: the target (default FILE with .docx for .report.md), written atomically. */
export async function exportDocx(text: string, file: string | undefined, out: string | undefined, force: boolean): Promise<string> {
  const target = out ?? (file ? file.replace(/(\.report)?\.md$/i, '') + '.docx' : undefined);
  if (!target || target === '-') throw new Error('export --format docx writes a file: give --out FILE.docx');
  const { bytes } = await reportToDocx(text, path.resolve(file ?? 'stdin.report.md'), workspaceRoot(path.resolve(file ?? 'stdin.report.md')));
  await writeFileAtomic(target, bytes, { force, inputs: file ? [file] : [] });
  return target;
}

export const IMPORT_SPEC: CommandSpec = {
  name: 'import',
  operands: 'FILE.docx|DIR…',
  description: `Nhập báo cáo Word / Imports Word reports (.docx) as dialect reports: text, headings and tables;
front matter from the header block, title and body (or the options); indicators marked as the
checker reads them. Each FILE.docx is written to FILE.report.md beside it (a folder: each .docx in it),
so an imported folder of old reports is the history at once.`,
  options: [
    { long: 'session', value: 'N', help: 'the session number (else guessed from the title, body or file name)' },
    { long: 'date', value: 'YYYY-MM-DD', help: "the session's date (else the header's date line, or the body)" },
    { long: 'period', value: 'CODE', help: 'the default period (2024, 2024-S1…; else the title, or the body)' },
    { long: 'out', short: 'o', value: 'FILE', help: 'one .docx only: write to FILE (- for standard output)' },
    { long: 'force', help: 'replace existing .report.md files' },
    { long: 'report', short: 'r', value: 'json', choices: ['json'], help: 'print what was marked, left ambiguous and guessed, as JSON' },
    { long: 'catalog', short: 'c', value: 'FILE', help: "a shared catalog, under the workspace's own .policy-report/indicators.yaml" },
  ],
  notes: 'Exit codes: 0 success, 2 usage error, unreadable .docx or refused write (the other files are still imported).',
};

/** `import FILE.docx|DIR…`: returns the exit code. Throws UsageError. */
export async function importCommand(p: ParsedArgs): Promise<number> {
  if (!p.positionals.length) throw new UsageError('import needs a .docx file or a folder');
  const session = p.values.get('session');
  const date = p.values.get('date');
  const period = p.values.get('period');
  if (session !== undefined && !/^[1-9]\d*$/.test(session)) throw new UsageError(`--session ${session}: a positive integer`);
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: YYYY-MM-DD`);
  if (period !== undefined && !isPeriodCode(period)) throw new UsageError(`--period ${period}: not a period code (2024, 2024-S1, 2024-Q3, 2024-09…)`);
  const files: string[] = [];
  for (const operand of p.positionals) {
    const st = await stat(operand).catch(() => undefined);
    if (st?.isDirectory()) files.push(...listFiles(operand).filter((f) => /\.docx$/i.test(f) && !path.basename(f).startsWith('~$')));
    else files.push(operand);
  }
  const out = p.values.get('out');
  if (out !== undefined && files.length !== 1) throw new UsageError('--out takes one .docx file');
  const catalogFile = p.values.get('catalog');
  const reports: Array<Record<string, unknown>> = [];
  let status = 0;
  for (const file of files) {
    const abs = path.resolve(file);
    const read = await readBytesFile(abs, { maxBytes: MAX_DOCX_BYTES });
    if (!('bytes' in read)) {
      process.stderr.write(`policy-report: cannot read ${file}: ${read.reason}\n`);
      status = 2;
      continue;
    }
    let blocks;
    try {
      blocks = await docxBlocks(read.bytes);
    } catch (e) {
      // One language, the locale's (as for a refused write: cli/command.ts).
      const lang = localeLang();
      const why = e instanceof DocxRefused ? e.why : msg(`không phải tài liệu Word .docx`, `not a Word .docx document`);
      const detail = e instanceof DocxRefused ? '' : ` (${e instanceof Error ? e.message : String(e)})`;
      process.stderr.write(`policy-report: ${pick(msg(`không đọc được ${file}: ${why.vi}`, `cannot read ${file}: ${why.en}`), lang)}${detail}\n`);
      status = 2;
      continue;
    }
    // A catalog named on the command line is read wherever it is (as for check).
    const workspace = createDiskWorkspace(undefined, { allowFiles: catalogFile !== undefined ? [path.resolve(catalogFile)] : [] });
    const service = new LanguageService({ workspace, folders: [toUri(workspaceRoot(abs))] });
    if (catalogFile !== undefined) service.catalogs.setExtra(toUri(path.resolve(catalogFile)));
    await service.reloadCatalog();
    const result = importReport(blocks.blocks, service.catalogs.catalog, {
      session: session !== undefined ? Number(session) : undefined,
      date,
      period,
      fileName: path.basename(file),
      stored: blocks.stored,
    });
    const target = out ?? abs.replace(/\.docx$/i, '') + '.report.md';
    if (target === '-') process.stdout.write(result.text);
    else {
      try {
        await writeFileAtomic(target, result.text, { force: p.flags.has('force'), inputs: [abs] });
      } catch (e) {
        process.stderr.write(`policy-report: ${writeErrorText(displayPath(target), e)}\n`);
        status = 2;
        continue;
      }
    }
    const guess = (name: string, g: Guess<unknown>) => (g.value === null ? `${name} not found` : `${name} ${String(g.value)} (${g.source}${g.evidence ? `: "${g.evidence}"` : ''})`);
    if (p.values.get('report') !== 'json') {
      process.stderr.write(
        `policy-report: ${displayPath(abs)} -> ${target === '-' ? 'standard output' : displayPath(target)}: ${result.marked.length} marked, ${result.ambiguous.length} left ambiguous; ` +
          `${guess('session', result.session)}, ${guess('date', result.date)}, ${guess('period', result.period)}` +
          `${result.unsure.length ? `; check ${result.unsure.join(', ')} in the front matter` : ''}${blocks.warnings.length ? `; ${blocks.warnings.length} Word feature(s) not read` : ''}\n`,
      );
    }
    const { text: _text, ...rest } = result;
    reports.push({ file: displayPath(abs), out: target === '-' ? '-' : displayPath(target), ...rest, warnings: blocks.warnings });
  }
  if (p.values.get('report') === 'json') process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  return status;
}
