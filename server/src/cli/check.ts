/**
 * `policy-report check [paths…]`: the findings of the reports under the paths, as text, JSON or
 * SARIF. Also the loading that `check` and `figures` share: the reports under the paths in a
 * language service with their workspaces' catalogs, config.yaml and history (`load`).
 * Exit codes: 0 no error-severity finding, 1 at least one, 2 usage error or unreadable input.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../core/service';
import { formatNumber, msg, pick, type Lang, type Msg } from '../core/i18n';
import { refusalMessage } from '../io/read';
import { createDiskWorkspace, displayPath, expandPaths, fromUri, readWorkspaceFile, toUri, workspaceRoot, type FileFinding } from './files';
import { toSarif } from './sarif';
import { localeLang, localeLang as environmentLang, UsageError, VERSION, type CommandSpec, type OptionSpec, type ParsedArgs } from './command';
import { CHECKING, INDEXING, terminalProgress } from '../io/progress';

export const LANG_OPTION: OptionSpec = { long: 'lang', short: 'l', value: 'vi|en', choices: ['vi', 'en'], help: 'language of the messages (default: config.yaml\'s `language`, else the locale)' };
export const CATALOG_OPTION: OptionSpec = { long: 'catalog', short: 'c', value: 'FILE', help: 'a shared catalog, under the workspace\'s own .policy-report/indicators.yaml' };
export const ALLOW_EMPTY_OPTION: OptionSpec = { long: 'allow-empty', help: 'no *.report.md under the paths is not an error (exit 0)' };
export const FOLDERS_NOTE = 'A folder is searched for *.report.md; no path means the working folder. Paths with no report at all\nare an error (exit 2) unless --allow-empty.';

export const CHECK_SPEC: CommandSpec = {
  name: 'check',
  operands: '[paths…]',
  description: 'Kiểm tra các báo cáo / Checks the reports: findings as text (file:line:column, 1-based), JSON (LSP\n0-based positions) or SARIF 2.1.0 (1-based).',
  options: [{ long: 'format', short: 'f', value: 'text|json|sarif', choices: ['text', 'json', 'sarif'], help: 'output format (default text)' }, LANG_OPTION, CATALOG_OPTION, ALLOW_EMPTY_OPTION],
  notes: `${FOLDERS_NOTE}\nExit codes: 0 no error-severity finding, 1 at least one, 2 usage error or unreadable input.`,
};

export interface Args {
  command: string;
  paths: string[];
  format?: string;
  lang?: Lang;
  /** --catalog FILE: a shared catalog under the workspace's own (the CLI's user chose it). */
  catalog?: string;
  allowEmpty: boolean;
  bom: boolean;
}

export function toArgs(spec: CommandSpec, p: ParsedArgs): Args {
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
export async function load(args: Args, localeLang: Lang) {
  const { paths, lang: explicitLang, catalog } = args;
  const inputs = paths.length ? paths : ['.'];
  const { files, missing } = expandPaths(inputs);
  // Paths that are all there but hold no report: most likely a wrong folder or a typo'd glob.
  if (!files.length && !missing.length && !args.allowEmpty) {
    // A new user's first `check` may come before `init`: the message says how to begin, in --lang's language.
    const where = inputs.join(', ');
    throw new Error(
      pick(
        msg(
          `không có tệp *.report.md nào trong ${where} (thêm --allow-empty nếu đúng là vậy); một không gian làm việc mới bắt đầu bằng npx policy-report init`,
          `no *.report.md in ${where} (add --allow-empty if that is expected); a new workspace begins with npx policy-report init`,
        ),
        // Not `localeLang`: `figures` loads in Vietnamese whatever the locale (its output is data).
        explicitLang ?? environmentLang(),
      ),
    );
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
  // On a terminal, stderr counts the files indexed (never stdout: JSON, SARIF or CSV stay clean).
  const indexing = terminalProgress(process.stderr, INDEXING);
  await service.indexWorkspace((done, total) => indexing.update(done, total));
  indexing.end();
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
  const { service, texts, refused, unreadableInput, roots } = await load(args, localeLang());
  const findings: FileFinding[] = [...refused];
  for (const [uri, errors] of service.catalogFindings()) {
    for (const e of errors) findings.push({ ...e, file: displayPath(fromUri(uri)) });
  }
  const checking = terminalProgress(process.stderr, CHECKING);
  for (const [i, { file, text }] of texts.entries()) {
    checking.update(i, texts.length);
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
  checking.end();
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

/** `check`, from its parsed command line. */
export function checkCommand(p: ParsedArgs): Promise<number> {
  return check(toArgs(CHECK_SPEC, p));
}
