/**
 * The command line: `policy-report check|figures|lsp`. The same core as the language server, run
 * over files. Exit codes of `check`: 0 no error-severity finding, 1 at least one, 2 usage error or
 * unreadable input.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { exportPlain } from './core/export';
import { parseReport } from './core/parse/document';
import * as path from 'node:path';
import { LanguageService } from './core/service';
import { langFromLocale, pick, type Lang, type Msg } from './core/i18n';
import { refusalMessage } from './io/read';
import { createDiskWorkspace, displayPath, expandPaths, fromUri, readTextFile, readWorkspaceFile, toUri, workspaceRoot, type FileFinding } from './cli/files';
import { toSarif } from './cli/sarif';

const VERSION = '0.1.0';

const HELP = `policy-report ${VERSION}: kiểm tra báo cáo phiên họp / checks policy session reports

Usage:
  policy-report check [paths…] [--format text|json|sarif] [--lang vi|en] [--catalog FILE]
  policy-report figures [paths…] [--format json|csv]
  policy-report markup FILE [--write] [--report json] [--mode wrap|canonical]
  policy-report export FILE [--out FILE]
  policy-report catalog list|show NAME|lint [--format text|json] [--workspace DIR]
  policy-report lsp --stdio

A folder is searched for *.report.md. The catalog is the embedded default, then --catalog FILE
(a shared catalog), then the nearest .policy-report/indicators.yaml above each path.
Exit codes (check): 0 no error, 1 at least one error-severity finding, 2 usage error or unreadable input.`;

class UsageError extends Error {}

interface Args {
  command: string;
  paths: string[];
  format?: string;
  lang?: Lang;
  /** --catalog FILE: a shared catalog under the workspace's own (the CLI's user chose it). */
  catalog?: string;
}

function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const args: Args = { command, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) args.format = value();
    else if (a === '--catalog' || a.startsWith('--catalog=')) args.catalog = value();
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const l = value();
      if (l !== 'vi' && l !== 'en') throw new UsageError(`--lang must be vi or en, not ${l}`);
      args.lang = l;
    } else if (a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--clientProcessId')) continue;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.paths.push(a);
  }
  return args;
}

/**
 * Loads the reports under `paths` into a language service with their workspaces' catalogs,
 * config.yaml and history. `explicitLang` (--lang) wins over config.yaml; else config.yaml's
 * `language`, else `localeLang` (the environment's locale).
 */
async function load(paths: string[], localeLang: Lang, explicitLang?: Lang, catalog?: string) {
  const inputs = paths.length ? paths : ['.'];
  const { files, missing } = expandPaths(inputs);
  const roots = [...new Set(inputs.filter((p) => !missing.includes(p)).map((p) => workspaceRoot(path.resolve(p))))];
  // Workspace files the disk workspace could not use while loading (catalog, config, history), with why.
  const refusedFiles = new Map<string, { reason: string; why: Msg }>();
  // A catalog named on the command line is read wherever it is; other files stay inside their workspace.
  const allowFiles = catalog !== undefined ? [path.resolve(catalog)] : [];
  const workspace = createDiskWorkspace((file, reason, why) => refusedFiles.set(file, { reason, why }), { allowFiles });
  const service = new LanguageService({ workspace, folders: roots.map(toUri), lang: localeLang });
  if (explicitLang) service.setEditorSettings('', { language: explicitLang });
  // --catalog: named by the user on the command line, so honoured wherever it is.
  if (catalog !== undefined) {
    if (!existsSync(catalog)) throw new UsageError(`--catalog ${catalog}: no such file`);
    service.catalogs.setExtra(toUri(path.resolve(catalog)));
  }
  await service.reloadConfig();
  await service.reloadCatalog();
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
  const refuse = (file: string, reason: string, why: Msg, code: 'unreadable-file' | 'catalog-error'): void => {
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
    if (!listed.has(file)) refuse(file, reason, why, file.endsWith('.report.md') ? 'unreadable-file' : 'catalog-error');
  }
  return { service, texts, refused, unreadableInput };
}

async function check(args: Args): Promise<number> {
  const format = args.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not ${format}`);
  const { service, texts, refused, unreadableInput } = await load(args.paths, langFromLocale(process.env.LC_ALL || process.env.LANG), args.lang, args.catalog);
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
    process.stdout.write(
      `\n${texts.length} file(s) checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('information')} information, ${count('hint')} hint(s)\n`,
    );
  }
  if (unreadableInput) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** One record per reference: what the parser understood. */
async function figures(args: Args): Promise<number> {
  const format = args.format ?? 'json';
  if (!['json', 'csv'].includes(format)) throw new UsageError(`--format must be json or csv, not ${format}`);
  const { service, texts, unreadableInput } = await load(args.paths, 'vi', args.lang, args.catalog);
  const records: Array<Record<string, unknown>> = [];
  for (const { file, text } of texts) {
    const analysis = service.analysis(toUri(file), text);
    const fm = analysis.doc.frontMatter;
    for (const { ref, indicator } of analysis.refs) {
      const f = ref.figure;
      records.push({
        file: displayPath(file),
        range: ref.range,
        indicator: indicator?.id ?? null,
        name: ref.written,
        raw: f?.raw ?? null,
        value: f?.value ?? null,
        unit: f?.unit ?? null,
        qualifier: f?.qualifier ?? null,
        period: ref.period,
        session: fm?.session ?? null,
        date: fm?.date ?? null,
        kind: f?.kind ?? null,
        denominator: f?.denominator ?? null,
        multiplier: f?.multiplier ?? null,
        decimals: f?.decimals ?? null,
        change: f?.change ? (f.change.direction === 'up' ? 'up' : 'down') : null,
        figureRange: f?.range ?? null,
      });
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(records, null, 2) + '\n');
  else {
    const cols = ['file', 'line', 'character', 'indicator', 'name', 'raw', 'value', 'unit', 'qualifier', 'period', 'session', 'date', 'kind', 'denominator', 'change'];
    const cell = (v: unknown): string => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    process.stdout.write(cols.join(',') + '\n');
    for (const r of records) {
      const range = r.range as { start: { line: number; character: number } };
      const row = { ...r, line: range.start.line, character: range.start.character };
      process.stdout.write(cols.map((c) => cell((row as Record<string, unknown>)[c])).join(',') + '\n');
    }
  }
  return unreadableInput ? 2 : 0;
}

/** `export FILE [--out FILE]`: the report without the dialect's marks (stdout, or a file). */
async function exportCommand(argv: string[]): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '-o') out = argv[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a.startsWith('-')) {
      process.stderr.write(`policy-report export: unknown option ${a}\n`);
      return 2;
    } else if (!file) file = a;
    else {
      process.stderr.write(`policy-report export: one file at a time\n`);
      return 2;
    }
  }
  if (!file || (out !== undefined && !out)) {
    process.stderr.write('Usage: policy-report export FILE [--out FILE]\n');
    return 2;
  }
  const read = await readTextFile(file);
  if (!('text' in read)) {
    process.stderr.write(`policy-report: cannot read ${file}: ${read.reason}\n`);
    return 2;
  }
  const text = read.text;
  const plain = exportPlain(parseReport(text, toUri(path.resolve(file))));
  if (out) await writeFile(out, plain, 'utf8');
  else process.stdout.write(plain);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  if (!argv.length || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(HELP + '\n');
    return argv.length ? 0 : 2;
  }
  // `markup` has options of its own (--write, --report, --mode): see cli/markup.ts.
  if (argv[0] === 'markup') return (await import('./cli/markup')).markupCommand(argv.slice(1));
  if (argv[0] === 'catalog') return (await import('./cli/catalog')).catalogCommand(argv.slice(1));
  if (argv[0] === 'export') return exportCommand(argv.slice(1));
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'check':
        return await check(args);
      case 'figures':
        return await figures(args);
      case 'lsp': {
        if (!argv.slice(1).some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket')))
          throw new UsageError('lsp needs a transport: --stdio');
        // The server reads the transport from process.argv; it keeps the process alive.
        require('./server');
        return -1;
      }
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`policy-report: ${e.message}\n\n${HELP}\n`);
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
