/**
 * The command line: `policy-report init|check|new|figures|markup|export|lsp`. The same core as the language
 * server, run over files. Each command's options and usage come from one table (CommandSpec,
 * cli/command.ts): `-h`/`--help` on every command. Exit codes of `check`: 0 no error-severity
 * finding, 1 at least one, 2 usage error or unreadable input. Files are written only through
 * io/write.ts (atomic, never through a link, never over an input).
 */
import { existsSync } from 'node:fs';
import { exportPlain } from './core/export';
import { parseReport } from './core/parse/document';
import * as path from 'node:path';
import { LanguageService } from './core/service';
import { formatNumber, langFromLocale, msg, pick, type Lang, type Msg } from './core/i18n';
import { refusalMessage } from './io/read';
import { createDiskWorkspace, displayPath, expandPaths, fromUri, readTextFile, readWorkspaceFile, toUri, workspaceRoot, type FileFinding } from './cli/files';
import { toSarif } from './cli/sarif';
import { parseCommand, readStdinText, synopsis, usage, UsageError, writeErrorText, type CommandSpec, type OptionSpec, type ParsedArgs } from './cli/command';
import { MARKUP_SPEC, markupCommand } from './cli/markup';
import { INIT_SPEC, initCommand, NEW_SPEC, newCommand } from './cli/init';
import { writeFileAtomic } from './io/write';
import { exportDocx, IMPORT_SPEC, importCommand } from './cli/word';

const VERSION = '0.1.0';

// For the VS Code client, which loads this bundle when a command needs these (client/src/extension.ts).
export { initWorkspace, today } from './cli/init';
export { isIsoDate, lastSession, nextDraft, nextPeriod, sessionOf } from './core/new-draft';
export { isPeriodCode } from './core/parse/period-codes';
// For the VS Code client's Word commands (client/src/word.ts loads them from this bundle).
export { LanguageService } from './core/service';
export { importReport } from './core/word/import';
export { readBytesFile } from './io/read';
export { MAX_DOCX_BYTES, docxBlocks, reportToDocx } from './io/word';
export { createDiskWorkspace } from './cli/files';

const LANG_OPTION: OptionSpec = { long: 'lang', short: 'l', value: 'vi|en', choices: ['vi', 'en'], help: 'language of the messages (default: config.yaml\'s `language`, else the locale)' };
const CATALOG_OPTION: OptionSpec = { long: 'catalog', short: 'c', value: 'FILE', help: 'a shared catalog, under the workspace\'s own .policy-report/indicators.yaml' };
const ALLOW_EMPTY_OPTION: OptionSpec = { long: 'allow-empty', help: 'no *.report.md under the paths is not an error (exit 0)' };
const FOLDERS_NOTE = 'A folder is searched for *.report.md; no path means the working folder. Paths with no report at all\nare an error (exit 2) unless --allow-empty.';

const CHECK_SPEC: CommandSpec = {
  name: 'check',
  operands: '[paths…]',
  description: 'Kiểm tra các báo cáo / Checks the reports: findings as text (file:line:column, 1-based), JSON (LSP\n0-based positions) or SARIF 2.1.0 (1-based).',
  options: [{ long: 'format', short: 'f', value: 'text|json|sarif', choices: ['text', 'json', 'sarif'], help: 'output format (default text)' }, LANG_OPTION, CATALOG_OPTION, ALLOW_EMPTY_OPTION],
  notes: `${FOLDERS_NOTE}\nExit codes: 0 no error-severity finding, 1 at least one, 2 usage error or unreadable input.`,
};

const FIGURES_SPEC: CommandSpec = {
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

const EXPORT_SPEC: CommandSpec = {
  name: 'export',
  operands: 'FILE|-',
  description: 'Báo cáo dạng Markdown thường / The report as plain Markdown without the dialect\'s marks (standard\noutput, or a file). `-` reads standard input.',
  options: [
    { long: 'out', short: 'o', value: 'FILE', help: 'write to FILE (atomically; never through a link, never over the input)' },
    { long: 'force', help: 'replace an existing --out file' },
    { long: 'format', short: 'f', value: 'md|docx', choices: ['md', 'docx'], help: 'md (default) or docx: the official document (Nghị định 30/2020/NĐ-CP), to --out or FILE.docx' },
  ],
  notes: 'docx: the header fields come from the front matter (docs/dialect.md); a team template is .policy-report/template.docx.\nExit codes: 0 success, 2 usage error, unreadable input or refused output.',
};

const LSP_SPEC: CommandSpec = {
  name: 'lsp',
  operands: '',
  description: 'Máy chủ ngôn ngữ / The language server the VS Code client starts, for other editors.',
  options: [
    { long: 'stdio', help: 'speak JSON-RPC over standard input and output' },
    { long: 'node-ipc', help: 'node IPC (when started by a Node client)', hidden: true },
    { long: 'socket', value: 'PORT', help: 'a socket', hidden: true },
    { long: 'pipe', value: 'NAME', help: 'a named pipe', hidden: true },
    { long: 'clientProcessId', value: 'PID', help: 'the client process', hidden: true },
  ],
};

const SPECS: CommandSpec[] = [INIT_SPEC, CHECK_SPEC, NEW_SPEC, FIGURES_SPEC, MARKUP_SPEC, EXPORT_SPEC, IMPORT_SPEC, LSP_SPEC];

const HELP = `policy-report ${VERSION}: kiểm tra báo cáo phiên họp / checks policy session reports

Usage:
${SPECS.map((s) => `  ${synopsis(s)}`).join('\n')}
  policy-report catalog list|show NAME|lint [--format text|json] [--workspace DIR]
  policy-report catalog add NAME [--unit U] [--measure M] [--compiler C] [--workspace DIR]
  policy-report COMMAND --help

A folder is searched for *.report.md. The catalog is the embedded default, then --catalog FILE
(a shared catalog), then the nearest .policy-report/indicators.yaml above each path.
Exit codes (check): 0 no error, 1 at least one error-severity finding, 2 usage error or unreadable input.`;

interface Args {
  command: string;
  paths: string[];
  format?: string;
  lang?: Lang;
  /** --catalog FILE: a shared catalog under the workspace's own (the CLI's user chose it). */
  catalog?: string;
  allowEmpty: boolean;
  bom: boolean;
}

function toArgs(spec: CommandSpec, p: ParsedArgs): Args {
  return {
    command: spec.name,
    paths: p.positionals,
    format: p.values.get('format'),
    lang: p.values.get('lang') as Lang | undefined,
    catalog: p.values.get('catalog'),
    allowEmpty: p.flags.has('allow-empty'),
    bom: !p.flags.has('no-bom'),
  };
}

/**
 * Loads the reports under `paths` into a language service with their workspaces' catalogs,
 * config.yaml and history. `explicitLang` (--lang) wins over config.yaml; else config.yaml's
 * `language`, else `localeLang` (the environment's locale).
 */
async function load(args: Args, localeLang: Lang) {
  const { paths, lang: explicitLang, catalog } = args;
  const inputs = paths.length ? paths : ['.'];
  const { files, missing } = expandPaths(inputs);
  // Paths that are all there but hold no report: most likely a wrong folder or a typo'd glob.
  if (!files.length && !missing.length && !args.allowEmpty) {
    throw new Error(`no *.report.md in ${inputs.join(', ')} (add --allow-empty if that is expected)`);
  }
  const roots = [...new Set(inputs.filter((p) => !missing.includes(p)).map((p) => workspaceRoot(path.resolve(p))))];
  // Workspace files the disk workspace could not use while loading (catalog, config, history), with why.
  const refusedFiles = new Map<string, { reason: string; why: Msg }>();
  // A catalog named on the command line is read wherever it is; other files stay inside their workspace.
  const allowFiles = catalog !== undefined ? [path.resolve(catalog)] : [];
  const workspace = createDiskWorkspace((file, reason, why) => refusedFiles.set(file, { reason, why }), { allowFiles });
  // The reports checked are also the history: indexing them keeps their chunk models, so the check parses nothing twice.
  const service = new LanguageService({ workspace, folders: roots.map(toUri), lang: localeLang, rememberIndexed: true });
  if (explicitLang) service.setEditorSettings('', { language: explicitLang });
  // --catalog: named by the user on the command line, so honoured wherever it is.
  if (catalog !== undefined) {
    if (!existsSync(catalog)) throw new UsageError(`--catalog ${catalog}: no such file`);
    service.catalogs.setExtra(toUri(path.resolve(catalog)));
  }
  await service.reloadConfig();
  await service.reloadCatalog();
  // Team snippets are not used by the CLI, but a broken snippet file is reported as in the editor.
  await service.reloadSnippets();
  // The history: every report of the workspace folders (and their figures.csv), not only those checked.
  await service.indexWorkspace();
  const texts: Array<{ file: string; text: string }> = [];
  // Each file that cannot be used is a finding on that file, and a line on stderr; the other files
  // are still checked. A path named on the command line that is not there, or a file named there
  // that cannot be read, is "unreadable input" (exit 2); a file found in a folder is a finding.
  const refused: FileFinding[] = [];
  const explicit = new Set(paths.map((p) => path.resolve(p)));
  let unreadableInput = missing.length > 0;
  for (const m of missing) process.stderr.write(`policy-report: cannot read ${m}: no such file or folder\n`);
  const refuse = (file: string, reason: string, why: Msg, code: 'unreadable-file' | 'catalog-error' | 'config-error'): void => {
    process.stderr.write(`policy-report: cannot read ${displayPath(file)}: ${reason}\n`);
    const severity = service.configFor(toUri(file)).rules?.[code] ?? 'error';
    if (severity === 'off') return;
    const message = refusalMessage(code === 'unreadable-file' ? 'report' : 'data', why);
    const zero = { line: 0, character: 0 };
    refused.push({ file: displayPath(file), code, severity, range: { start: zero, end: zero }, message: pick(message, service.langFor(toUri(file))) });
  };
  for (const file of files) {
    const r = await readWorkspaceFile(file, allowFiles);
    if ('text' in r) texts.push({ file, text: r.text });
    else {
      refuse(file, r.reason, r.why, 'unreadable-file');
      if (explicit.has(file)) unreadableInput = true;
    }
  }
  // Workspace files the disk workspace refused while loading: an earlier session (the history is
  // without it) or a data file (catalog, figures.csv, config.yaml: not used).
  const listed = new Set(files);
  for (const [file, { reason, why }] of refusedFiles) {
    if (!listed.has(file)) refuse(file, reason, why, file.endsWith('.report.md') ? 'unreadable-file' : path.basename(file) === 'config.yaml' ? 'config-error' : 'catalog-error');
  }
  return { service, texts, refused, unreadableInput, roots };
}

async function check(args: Args): Promise<number> {
  const format = args.format ?? 'text';
  const { service, texts, refused, unreadableInput, roots } = await load(args, langFromLocale(process.env.LC_ALL || process.env.LANG));
  const findings: FileFinding[] = [...refused];
  for (const [uri, errors] of service.catalogFindings()) {
    for (const e of errors) findings.push({ ...e, file: displayPath(fromUri(uri)) });
  }
  for (const { file, text } of texts) {
    for (const f of service.check(toUri(file), text)) {
      findings.push({
        file: displayPath(file),
        code: f.code,
        severity: f.severity,
        range: f.range,
        message: f.message,
        related: f.related?.map((r) => ({ ...r, uri: displayPath(fromUri(r.uri)) })),
        fixes: f.fixes,
      });
    }
  }
  if (format === 'json') {
    const out = findings.map(({ file, range, severity, code, message, related }) => ({ file, range, severity, code, message, ...(related?.length ? { related } : {}) }));
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else if (format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(findings, VERSION), null, 2) + '\n');
  } else {
    for (const f of findings) {
      process.stdout.write(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}\n`);
    }
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    // The language of the first report checked (--lang, else its folder's config.yaml, else the locale).
    const lang = service.langFor(texts.length ? toUri(texts[0].file) : toUri(path.join(roots[0] ?? process.cwd(), 'x.report.md')));
    const n = (k: number, one: string, many: string) => `${formatNumber(k, 'en')} ${k === 1 ? one : many}`;
    const vn = (k: number) => formatNumber(k, 'vi');
    const summary = findings.length || !texts.length
      ? msg(
          `Đã kiểm tra ${vn(texts.length)} tệp: ${vn(count('error'))} lỗi, ${vn(count('warning'))} cảnh báo, ${vn(count('information'))} thông tin, ${vn(count('hint'))} gợi ý.`,
          `Checked ${n(texts.length, 'file', 'files')}: ${n(count('error'), 'error', 'errors')}, ${n(count('warning'), 'warning', 'warnings')}, ${count('information')} information, ${n(count('hint'), 'hint', 'hints')}.`,
        )
      : msg(
          `Không có phát hiện nào trong ${vn(texts.length)} tệp đã kiểm tra: mọi tên chỉ tiêu có trong danh mục, cách viết số đúng, số liệu không mâu thuẫn với nhau và với các phiên trước.`,
          `No findings in the ${n(texts.length, 'file', 'files')} checked: every indicator name is in the catalog, every figure is well written, and none contradicts another or an earlier session.`,
        );
    process.stdout.write(`\n${pick(summary, lang)}\n`);
  }
  if (unreadableInput) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

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
    for (const { ref, indicator } of analysis.refs) {
      // The bound figure, then the reference's further figures with periods of their own ("từ A năm X lên B năm Y": A).
      for (const [f, period] of [[ref.figure, ref.period] as const, ...(ref.also ?? []).map((a) => [a.figure, a.period] as const)]) {
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
          role: f?.role ?? null,
          kind: f?.kind ?? null,
          denominator: f?.denominator ?? null,
          multiplier: f?.multiplier ?? null,
          decimals: f?.decimals ?? null,
          change: f?.change ? (f.change.direction === 'up' ? 'up' : 'down') : null,
          figureRange: f?.range ?? null,
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

/** `export FILE|- [--out FILE] [--force]`: the report without the dialect's marks (stdout, or a file). */
async function exportCommand(p: ParsedArgs): Promise<number> {
  const [file, ...extra] = p.positionals;
  if (!file || extra.length) throw new UsageError(file ? 'export: one file at a time' : 'export needs a file (or - for standard input)');
  const out = p.values.get('out');
  const read = file === '-' ? await readStdinText() : await readTextFile(file);
  if (!('text' in read)) {
    process.stderr.write(`policy-report: cannot read ${file === '-' ? 'standard input' : file}: ${read.reason}\n`);
    return 2;
  }
  if (p.values.get('format') === 'docx') {
    try {
      await exportDocx(read.text, file === '-' ? undefined : file, out, p.flags.has('force'));
    } catch (e) {
      process.stderr.write(`policy-report: ${out ? writeErrorText(out, e) : e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    return 0;
  }
  const plain = exportPlain(parseReport(read.text, toUri(path.resolve(file === '-' ? 'stdin.report.md' : file))));
  if (out === undefined || out === '-') {
    process.stdout.write(plain);
    return 0;
  }
  try {
    await writeFileAtomic(out, plain, { force: p.flags.has('force'), inputs: file === '-' ? [] : [file] });
  } catch (e) {
    process.stderr.write(`policy-report: ${writeErrorText(out, e)}\n`);
    return 2;
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(HELP + '\n');
    return argv.length ? 0 : 2;
  }
  // `catalog` has subcommands of its own: see cli/catalog.ts.
  if (argv[0] === 'catalog') return (await import('./cli/catalog')).catalogCommand(argv.slice(1));
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const spec = SPECS.find((s) => s.name === argv[0]);
  try {
    if (!spec) throw new UsageError(`unknown command "${argv[0]}"`);
    const p = parseCommand(spec, argv.slice(1));
    if (p.help) {
      process.stdout.write(usage(spec) + '\n');
      return 0;
    }
    switch (spec.name) {
      case 'check':
        return await check(toArgs(spec, p));
      case 'figures':
        return await figures(toArgs(spec, p));
      case 'markup':
        return await markupCommand(p);
      case 'export':
        return await exportCommand(p);
      case 'import':
        return await importCommand(p);
      case 'init':
        return await initCommand(p);
      case 'new':
        return await newCommand(p);
      default: {
        if (!p.flags.has('stdio') && !p.flags.has('node-ipc') && !p.values.has('socket') && !p.values.has('pipe')) throw new UsageError('lsp needs a transport: --stdio');
        // The server reads the transport from process.argv; it keeps the process alive.
        require('./server');
        return -1;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-report: ${e.message}\n\n${spec ? usage(spec) : HELP}\n`);
      return 2;
    }
    process.stderr.write(`policy-report: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`policy-report: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
