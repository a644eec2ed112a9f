/**
 * The command line: `policy-report init|check|new|figures|markup|export|lsp`. The same core as the language
 * server, run over files. Each command's options and usage come from one table (CommandSpec,
 * cli/command.ts): `-h`/`--help` on every command. Exit codes of `check`: 0 no error-severity
 * finding, 1 at least one, 2 usage error or unreadable input. Files are written only through
 * io/write.ts (atomic, never through a link, never over an input).
 */
import { exportPlain } from './core/export';
import { parseReport } from './core/parse/document';
import * as path from 'node:path';
import { readTextFile, toUri } from './cli/files';
import { parseCommand, readStdinText, synopsis, usage, UsageError, VERSION, writeErrorText, type CommandSpec, type ParsedArgs } from './cli/command';
import { CHECK_SPEC, checkCommand } from './cli/check';
import { FIGURES_SPEC, figuresCommand } from './cli/figures';
import { MARKUP_SPEC, markupCommand } from './cli/markup';
import { INIT_SPEC, initCommand, NEW_SPEC, newCommand } from './cli/init';
import { writeFileAtomic } from './io/write';
import { exportDocx, IMPORT_SPEC, importCommand } from './cli/word';
import { isIndexWorker, runIndexWorker } from './lsp/index-worker';
import { catalogCommand } from './cli/catalog';
import { serve } from './serve';

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
// For out/boot.js, which loads this bundle through V8's code cache (boot.ts, lsp/code-cache.ts).
export { setCodeCacheSource } from './lsp/code-cache';
// The client's writes (export, Word import) and the refusals it explains: one WriteRefused class
// for what the client writes and what init writes, so that `instanceof` holds for both.
export { WriteRefused, writeFileAtomic } from './io/write';
// `figures --format csv`'s columns and cells (test/unit/cli-manners.test.ts).
export { csvCell, FIGURE_CSV_COLUMNS } from './cli/figures';
// figures.csv read by the shipped bundle, csv-parse's options on scripts/shims/csv-options.mjs (test/unit/package.test.ts).
export { readFiguresCsv } from './core/history/csv';

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
  if (argv[0] === 'catalog') return catalogCommand(argv.slice(1));
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
        return await checkCommand(p);
      case 'figures':
        return await figuresCommand(p);
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
        serve();
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

// `lsp`'s history index runs in a worker thread of this same bundle (lsp/index-worker.ts).
if (isIndexWorker()) void runIndexWorker();
else if (require.main === module) {
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
