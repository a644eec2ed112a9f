/**
 * `policy-report markup FILE|- [--write] [--report json] [--mode wrap|canonical]`: marks the
 * indicators named in unmarked prose (core/markup). Prints the marked text, or writes it in place
 * (`--write`: the original is first copied to a fresh backup, `FILE.bak` or, when that name is
 * taken, `FILE.bak.1`, …; then FILE is replaced atomically, never through a link); `--report json`
 * prints what was marked and what was left ambiguous instead of the text. `-` reads standard input
 * and writes standard output. The input is read by the guarded reader: a FIFO, a binary or non-UTF-8
 * file or one over the size limit is refused, so what is written back is the text read, exactly,
 * plus the marks. The catalog is loaded as for `check`: the embedded default plus the nearest
 * `.policy-report/indicators.yaml` above the file (above the working folder for `-`).
 * Exit codes: 0 success, 2 usage error, unreadable file or refused write.
 */
import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import { LanguageService } from '../core/service';
import { detectMentions, markText, type MarkMode } from '../core/markup';
import { backupFile, checkWritable, writeFileAtomic } from '../io/write';
import { readStdinText, UsageError, writeErrorText, type CommandSpec, type ParsedArgs } from './command';
import { diskWorkspace, displayPath, fromUri, readTextFile, toUri, workspaceRoot } from './files';

export const MARKUP_SPEC: CommandSpec = {
  name: 'markup',
  operands: 'FILE|-',
  description: `Đánh dấu chỉ tiêu trong văn xuôi / Marks the catalog indicators named in unmarked prose: [[name]] where
the mark binds to the intended figure; the uncertain cases are left unmarked and listed with
--report json. FILE - reads standard input and writes standard output.`,
  options: [
    { long: 'write', short: 'w', help: 'write the marked text into FILE, atomically (the original is kept as FILE.bak, or FILE.bak.1, … when that exists)' },
    { long: 'report', short: 'r', value: 'json', choices: ['json'], help: 'print a JSON report (marked, ambiguous; LSP 0-based ranges) instead of the marked text' },
    { long: 'mode', short: 'm', value: 'wrap|canonical', choices: ['wrap', 'canonical'], help: 'wrap: keep the words, [[words as written]] (default); canonical: [[Canonical name]]' },
  ],
  notes: 'Exit codes: 0 success, 2 usage error, unreadable file or refused write.',
};

/** Runs `markup` with its parsed arguments; returns the exit code. Throws UsageError. */
export async function markupCommand(p: ParsedArgs): Promise<number> {
  if (p.positionals.length !== 1) throw new UsageError(p.positionals.length ? 'markup takes one file' : 'markup needs a file (or - for standard input)');
  const name = p.positionals[0];
  const stdin = name === '-';
  const write = p.flags.has('write');
  const mode = (p.values.get('mode') ?? 'wrap') as MarkMode;
  if (stdin && write) throw new UsageError('markup -: --write needs a file (standard input is marked to standard output)');
  const file = stdin ? path.join(process.cwd(), 'stdin.report.md') : path.resolve(name);
  // What the file was when read: --write replaces it only if it is still that (no edit lost).
  const seen = write ? await lstat(file).catch(() => undefined) : undefined;
  const read = stdin ? await readStdinText() : await readTextFile(file);
  if (!('text' in read)) {
    process.stderr.write(`policy-report: cannot read ${stdin ? 'standard input' : name}: ${read.reason}\n`);
    return 2;
  }
  const text = read.text;
  if (write) {
    // Refuse a link or a non-regular file before anything, so no backup is made in vain.
    try {
      await checkWritable(file, { force: true, unchangedSince: seen });
    } catch (e) {
      process.stderr.write(`policy-report: ${writeErrorText(name, e)}\n`);
      return 2;
    }
  }
  const service = new LanguageService({ workspace: diskWorkspace, folders: [toUri(workspaceRoot(file))] });
  await service.reloadCatalog();
  for (const [uri, errors] of service.catalogFindings()) {
    for (const e of errors) process.stderr.write(`${displayPath(fromUri(uri))}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);
  }
  const catalog = service.catalogs.catalog;
  const result = detectMentions(text, catalog, { mode });
  const marked = markText(text, result.mentions, mode);

  let backup: string | undefined;
  if (write && marked !== text) {
    try {
      backup = await backupFile(file);
      // markup --write's contract is to rewrite its own input: the one replace without --force.
      await writeFileAtomic(file, marked, { force: true, unchangedSince: seen });
    } catch (e) {
      process.stderr.write(`policy-report: ${writeErrorText(name, e)}${backup ? ` (${name} unchanged; backup ${displayPath(backup)})` : ''}\n`);
      return 2;
    }
  }
  if (p.values.get('report') === 'json') {
    const report = {
      file: stdin ? '-' : displayPath(file),
      mode,
      marked: result.mentions.map((m) => ({
        name: m.text,
        indicator: m.indicator.id,
        kind: m.kind,
        score: Math.round(m.score * 1000) / 1000,
        ...(m.compiler ? { compiler: m.compiler } : {}),
        ...(m.seriesBy ? { seriesBy: m.seriesBy.en, seriesByVi: m.seriesBy.vi } : {}),
        figure: m.figure?.raw ?? null,
        figureRange: m.figure?.range ?? null,
        period: m.period?.code ?? null,
        range: m.range,
        newText: m.edits(mode).map((e) => e.newText).join(' … '),
      })),
      ambiguous: result.ambiguous.map((a) => ({
        text: a.text,
        reason: a.reason,
        message: a.message.en,
        messageVi: a.message.vi,
        candidates: a.candidates.map((c) => c.id),
        figures: a.figures,
        range: a.range,
      })),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else if (!write) process.stdout.write(marked);
  else process.stderr.write(`policy-report: ${name}: ${result.mentions.length} marked, ${result.ambiguous.length} left ambiguous${backup ? ` (backup ${displayPath(backup)})` : ''}\n`);
  return 0;
}
