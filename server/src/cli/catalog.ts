/**
 * `policy-report catalog list|show NAME|lint [--format text|json] [--workspace DIR]`: prints and
 * checks the merged catalog, loaded as `check` and `markup` load it: the embedded default plus the
 * nearest `.policy-report/indicators.yaml` above DIR (default: the working folder).
 *
 * - `list`  every indicator: id, name, measure, unit.
 * - `show`  one indicator, by id or by any name a reference may use (resolved as a reference is).
 * - `lint`  the merged catalog's problems: the catalog file's own errors, an alias or abbreviation
 *           two entries share, an alias equal to another entry's name or a prefix of it (it would
 *           swallow the longer name), a target without a year (errors); an entry without a source
 *           address (warning).
 * - `add`   a new entry in the workspace's .policy-report/indicators.yaml (created if need be),
 *           drafted as the editor's quick fix drafts it (core/catalog/add-entry.ts); refuses a name
 *           that already resolves. The file is written atomically, only inserted into.
 * Exit codes: 0 success (lint: no error), 1 lint error, a name that does not resolve to one
 * indicator (show) or that already does (add), a catalog file that cannot take the entry, 2 usage
 * error.
 */
import { mkdirSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { foldKey, spellingKey, type Indicator, type MeasureType } from '../core/catalog';
import { catalogAddition, draftEntry, entryLines } from '../core/catalog/add-entry';
import { LineIndex } from '../core/text';
import { msg, pick } from '../core/i18n';
import { localeLang } from './command';
import { CATALOG_FILE } from '../core/workspace';
import { schemaReference } from '../io/schema';
import { writeFileAtomic, WriteRefused } from '../io/write';
import { DEFAULT_CATALOG_URI } from '../core/catalog/load';
import { LanguageService } from '../core/service';
import { diskWorkspace, displayPath, fromUri, readWorkspaceFile, toUri, workspaceRoot } from './files';

/** A message of the catalog command in one language, the locale's (as the CLI's write errors). */
function say(vi: string, en: string): string {
  return pick(msg(vi, en), localeLang());
}

export const CATALOG_USAGE = `policy-report catalog list|show NAME|lint [--format text|json] [--workspace DIR]
       policy-report catalog add NAME [--unit U] [--measure M] [--compiler C] [--workspace DIR]

Prints and checks the merged catalog: the embedded default plus the nearest
.policy-report/indicators.yaml above DIR (default: the working folder).
  list         every indicator: id, name, measure, unit
  show NAME    one indicator, by id or by any name, alias or abbreviation
  lint         shared aliases, an alias that begins another entry's name, targets without a year
               (errors, exit 1) and entries without a source address (warnings)
  add NAME     a new entry in DIR's .policy-report/indicators.yaml (created if need be): an id
               from the name, the unit and measure given or inferred from the name ("Tỷ lệ …" %,
               "Xếp hạng …" rank), the compiler; refused if the name already resolves
  --format     text (default) or json`;

type Format = 'text' | 'json';

interface CatalogArgs {
  sub: 'list' | 'show' | 'lint' | 'add';
  name?: string;
  unit?: string;
  measure?: string;
  compiler?: string;
  format: Format;
  workspace: string;
}

class CatalogUsageError extends Error {}

function parse(argv: string[]): CatalogArgs {
  const rest: string[] = [];
  let format: Format = 'text';
  let workspace = process.cwd();
  const given: { unit?: string; measure?: string; compiler?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new CatalogUsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new CatalogUsageError(`--format must be text or json, not ${v}`);
      format = v;
    } else if (a === '--workspace' || a.startsWith('--workspace=')) workspace = path.resolve(value());
    else if (a === '--unit' || a.startsWith('--unit=')) given.unit = value();
    else if (a === '--measure' || a.startsWith('--measure=')) given.measure = value();
    else if (a === '--compiler' || a.startsWith('--compiler=')) given.compiler = value();
    else if (a.startsWith('--')) throw new CatalogUsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  const [sub, ...names] = rest;
  if (sub !== 'list' && sub !== 'show' && sub !== 'lint' && sub !== 'add') throw new CatalogUsageError(sub ? `unknown catalog command "${sub}"` : 'catalog needs a command: list, show, lint or add');
  if (sub !== 'add' && (given.unit || given.measure || given.compiler)) throw new CatalogUsageError('--unit, --measure and --compiler go with catalog add');
  if (sub === 'add') {
    if (names.length === 0) throw new CatalogUsageError('catalog add needs a name');
    return { sub, name: names.join(' '), format, workspace, ...given };
  }
  if (sub === 'show') {
    if (names.length === 0) throw new CatalogUsageError('catalog show needs a name or id');
    return { sub, name: names.join(' '), format, workspace };
  }
  if (names.length) throw new CatalogUsageError(`catalog ${sub} takes no name`);
  return { sub, format, workspace };
}

/** One problem `lint` finds in a merged catalog. */
export interface CatalogLintProblem {
  severity: 'error' | 'warning';
  code: 'shared-alias' | 'alias-is-name' | 'alias-prefix' | 'target-without-year' | 'no-source';
  /** The entry the problem is reported on. */
  indicator: string;
  /** The other entry involved, if any. */
  other?: string;
  message: string;
}

/** Entries related by a declared family may share names: one series per compiler, parts of a whole. */
function related(a: Indicator, b: Indicator): boolean {
  const fa = a.family ?? a.id;
  const fb = b.family ?? b.id;
  return fa === fb || a.family === b.id || b.family === a.id;
}

/** The checks of `catalog lint`, on the merged list of indicators. Pure. */
export function lintCatalog(indicators: Indicator[]): CatalogLintProblem[] {
  const out: CatalogLintProblem[] = [];
  const owners = new Map<string, Array<{ ind: Indicator; text: string }>>();
  const byName = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    const k = foldKey(ind.name);
    byName.set(k, [...(byName.get(k) ?? []), ind]);
    for (const text of [...ind.aliases, ...ind.abbreviations]) {
      const key = spellingKey(text);
      const list = owners.get(key) ?? [];
      if (!list.some((o) => o.ind === ind)) list.push({ ind, text });
      owners.set(key, list);
    }
  }
  for (const list of owners.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (related(a.ind, b.ind)) continue;
        out.push({
          severity: 'error',
          code: 'shared-alias',
          indicator: b.ind.id,
          other: a.ind.id,
          message: say(`"${b.text}" là tên của cả ${a.ind.id} và ${b.ind.id}`, `"${b.text}" names both ${a.ind.id} and ${b.ind.id}: a reference using it is ambiguous`),
        });
      }
    }
  }
  const names = indicators.map((ind) => ({ ind, key: foldKey(ind.name) + ' ' }));
  for (const ind of indicators) {
    for (const text of [...ind.aliases, ...ind.abbreviations]) {
      const key = foldKey(text);
      for (const other of byName.get(key) ?? []) {
        if (other === ind || related(ind, other)) continue;
        out.push({
          severity: 'error',
          code: 'alias-is-name',
          indicator: ind.id,
          other: other.id,
          message: say(`"${text}" của ${ind.id} trùng tên ${other.id}`, `"${text}" of ${ind.id} is the name of ${other.id} (accents aside)`),
        });
      }
      if (!ind.aliases.includes(text)) continue;
      for (const n of names) {
        if (n.ind === ind || related(ind, n.ind) || n.key === key + ' ' || !n.key.startsWith(key + ' ')) continue;
        out.push({
          severity: 'error',
          code: 'alias-prefix',
          indicator: ind.id,
          other: n.ind.id,
          message: say(`tên gọi khác "${text}" của ${ind.id} là phần đầu của tên "${n.ind.name}" (${n.ind.id})`, `alias "${text}" of ${ind.id} begins the name "${n.ind.name}" of ${n.ind.id}: in prose it would take the shorter name`),
        });
      }
    }
    for (const t of ind.targets ?? []) {
      if (/^(?:19|20)\d{2}(?:$|-)/.test(t.period)) continue;
      out.push({
        severity: 'error',
        code: 'target-without-year',
        indicator: ind.id,
        message: say(`mục tiêu ${t.value} có kỳ "${t.period}" không có năm`, `target ${t.value} (${t.source}) has period "${t.period}" without a year`),
      });
    }
    if (!ind.sources?.length) {
      out.push({ severity: 'warning', code: 'no-source', indicator: ind.id, message: say(`${ind.id} chưa có địa chỉ nguồn (sources)`, `${ind.id} has no source address (sources)`) });
    }
  }
  return out;
}

function where(ind: Indicator): string {
  const uri = ind.origin?.uri;
  if (!uri || uri === DEFAULT_CATALOG_URI) return 'default';
  const line = ind.origin?.range ? `:${ind.origin.range.start.line + 1}` : '';
  return uri.startsWith('file:') ? `${displayPath(fromUri(uri))}${line}` : `${uri}${line}`;
}

/** The entry as JSON, its origin as a path. */
function plain(ind: Indicator): Record<string, unknown> {
  const { origin: _origin, ...rest } = ind;
  return { ...rest, defined: where(ind) };
}

function showText(ind: Indicator): string {
  const lines = [`${ind.id}: ${ind.name}`];
  const add = (label: string, v: unknown) => {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return;
    lines.push(`  ${label}: ${Array.isArray(v) ? v.join('; ') : String(v)}`);
  };
  add('nameEn', ind.nameEn);
  add('aliases', ind.aliases);
  add('abbreviations', ind.abbreviations);
  add('measure', ind.measure);
  add('unit', `${ind.unit} (${ind.unitClass})`);
  add('range', ind.range ? `${ind.range[0]} – ${ind.range[1]}` : undefined);
  add('scope', ind.scope);
  add('denominatorOf', ind.denominatorOf);
  add('denominators', ind.denominators?.map((d) => `${d.period}: ${d.value}`));
  add('family', ind.family);
  add('compiler', ind.compiler ? `${ind.compiler}${ind.compilerCodes?.length ? ` (@ ${ind.compilerCodes.join(', @ ')})` : ''}` : undefined);
  add('compilers', ind.compilers?.map((c) => `${c.name}${c.from ? ` from ${c.from}` : ''}${c.until ? ` until ${c.until}` : ''}`));
  add('decisions', ind.decisions);
  add('targets', ind.targets?.map((t) => `${t.comparator === 'lte' ? '≤' : t.comparator === 'eq' ? '=' : '≥'} ${t.value} in ${t.period} (${t.source})`));
  add('cumulative', ind.cumulative);
  add('revised', ind.revised);
  add('description', ind.description);
  add('descriptionEn', ind.descriptionEn);
  add('sources', ind.sources);
  add('defined', where(ind));
  return lines.join('\n');
}

/** Runs `catalog` with the arguments after the command name; returns the exit code. */
export async function catalogCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(CATALOG_USAGE + '\n');
    return 0;
  }
  let args: CatalogArgs;
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`policy-report: ${(e as Error).message}\n\n${CATALOG_USAGE}\n`);
    return 2;
  }
  const service = new LanguageService({ workspace: diskWorkspace, folders: [toUri(workspaceRoot(args.workspace))] });
  await service.reloadCatalog();
  const fileErrors: Array<{ file: string; line: number; character: number; message: string }> = [];
  for (const [uri, errors] of service.catalogFindings()) {
    for (const e of errors) fileErrors.push({ file: uri.startsWith('file:') ? displayPath(fromUri(uri)) : uri, line: e.range.start.line, character: e.range.start.character, message: e.message });
  }
  // A broken workspace catalog is named on stderr for list and show; lint reports it as an error.
  if (args.sub !== 'lint') for (const e of fileErrors) process.stderr.write(`${e.file}:${e.line + 1}:${e.character + 1}: ${e.message}\n`);
  const catalog = service.catalogs.catalog;
  const json = args.format === 'json';

  if (args.sub === 'add') return addEntry(args, service, fileErrors, json);

  if (args.sub === 'list') {
    const all = catalog.all();
    if (json) process.stdout.write(JSON.stringify(all.map((i) => ({ id: i.id, name: i.name, measure: i.measure, unit: i.unit, defined: where(i) })), null, 2) + '\n');
    else process.stdout.write(all.map((i) => [i.id, i.name, i.measure, i.unit].join('\t')).join('\n') + '\n');
    return 0;
  }

  if (args.sub === 'show') {
    const name = args.name!;
    const byId = catalog.byId(name);
    const match = byId ? ({ kind: 'canonical', indicator: byId } as const) : catalog.resolve(name);
    if ('indicator' in match) {
      if (json) process.stdout.write(JSON.stringify({ match: match.kind, indicator: plain(match.indicator) }, null, 2) + '\n');
      else process.stdout.write(`${match.kind === 'canonical' ? '' : `(${match.kind})\n`}${showText(match.indicator)}\n`);
      return 0;
    }
    const others = match.kind === 'ambiguous' ? match.candidates : match.suggestions;
    if (json) process.stdout.write(JSON.stringify({ match: match.kind, candidates: others.map(plain) }, null, 2) + '\n');
    else {
      const head =
        match.kind === 'ambiguous'
          ? say(`"${name}" là tên của nhiều chuỗi số; thêm "@ mã":`, `"${name}" names several series; add "@ code":`)
          : say(`"${name}" không có trong danh mục; gần nhất:`, `"${name}" is not in the catalog; closest:`);
      process.stdout.write(`${head}\n${others.map((i) => `  ${i.id}: ${i.name}${i.compilerCodes?.length && match.kind === 'ambiguous' ? ` @ ${i.compilerCodes[0]}` : ''}`).join('\n')}\n`);
    }
    return 1;
  }

  const problems = lintCatalog(catalog.all());
  const errors = fileErrors.length + problems.filter((p) => p.severity === 'error').length;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        [
          ...fileErrors.map((e) => ({ severity: 'error', code: 'catalog-error', file: e.file, line: e.line, character: e.character, message: e.message })),
          ...problems.map((p) => {
            const ind = catalog.byId(p.indicator);
            return { ...p, defined: ind ? where(ind) : undefined };
          }),
        ],
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const e of fileErrors) process.stdout.write(`error ${e.file}:${e.line + 1}:${e.character + 1}: ${e.message}\n`);
    for (const p of problems) {
      const ind = catalog.byId(p.indicator);
      process.stdout.write(`${p.severity} ${p.code} ${ind ? where(ind) : p.indicator} ${p.indicator}: ${p.message}\n`);
    }
    const warnings = problems.length - (errors - fileErrors.length);
    process.stdout.write(`${catalog.size} indicators: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** `catalog add`: drafts the entry, inserts it into the workspace catalog, prints what it added. */
async function addEntry(
  args: CatalogArgs,
  service: LanguageService,
  fileErrors: Array<{ file: string; line: number; character: number; message: string }>,
  json: boolean,
): Promise<number> {
  const fail = (message: string): number => {
    process.stderr.write(`policy-report: ${message}\n`);
    return 1;
  };
  const catalog = service.catalogs.catalog;
  const name = args.name!;
  const match = catalog.resolve(name);
  if (match.kind !== 'unknown') {
    const what = 'indicator' in match ? `${match.indicator.id} (${match.kind})` : match.candidates.map((c) => c.id).join(', ');
    return fail(say(`"${name}" đã có trong danh mục: ${what}; không thêm`, `"${name}" already resolves to ${what}: nothing added`));
  }
  const root = workspaceRoot(args.workspace);
  const file = path.join(root, CATALOG_FILE);
  const shown = displayPath(file);
  if (fileErrors.some((e) => e.file === shown)) return fail(say(`${shown} có lỗi: hãy sửa trước`, `${shown} has errors: fix them first`));
  const draft = draftEntry({ name, unit: args.unit, measure: args.measure as MeasureType | undefined, compiler: args.compiler }, catalog);
  if ('error' in draft) return fail(say(draft.error.vi, draft.error.en));
  // The file as it is now (the guarded reader), and its identity, so a concurrent save is not lost.
  const before = await lstat(file).catch(() => undefined);
  let current: string | undefined;
  if (before) {
    const read = await readWorkspaceFile(file);
    if (!('text' in read)) return fail(`${shown}: ${say(read.why.vi, read.why.en)}`);
    current = read.text;
  }
  const add = catalogAddition(current, draft, current === undefined ? schemaReference(file) : undefined);
  if (!add) return fail(say(`${shown} không đọc được như một danh mục có danh sách indicators:`, `${shown} cannot be read as a catalog with an indicators: list to append to`));
  const base = current ?? '';
  const text = base.slice(0, add.offset) + add.text + base.slice(add.offset);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, text, current === undefined ? { createOnly: true } : { force: true, unchangedSince: before });
  } catch (e) {
    return fail(e instanceof WriteRefused ? `${shown}: ${say(e.reason.vi, e.reason.en)}` : `${shown}: ${(e as Error).message}`);
  }
  const line = new LineIndex(text).positionAt(add.entryOffset).line + 1;
  if (json) process.stdout.write(JSON.stringify({ added: draft, file: shown, line, created: add.create }, null, 2) + '\n');
  else
    process.stdout.write(
      `${say(`${add.create ? 'Đã tạo' : 'Đã cập nhật'} ${shown}:${line}: đã thêm ${draft.id}`, `${add.create ? 'Created' : 'Updated'} ${shown}:${line}: added ${draft.id}`)}\n${entryLines(draft).map((l) => `  ${l}`).join('\n')}\n`,
    );
  return 0;
}
