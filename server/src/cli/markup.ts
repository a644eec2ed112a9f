/**
 * `policy-report markup FILE [--write] [--report json] [--mode wrap|canonical]`: marks the
 * indicators named in unmarked prose (core/markup). Prints the marked text, or writes it in place
 * (`--write`, keeping `FILE.bak`); `--report json` prints what was marked and what was left
 * ambiguous instead of the text. The catalog is loaded as for `check`: the embedded default plus
 * the nearest `.policy-report/indicators.yaml` above the file.
 * Exit codes: 0 success, 2 usage error or unreadable file.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LanguageService } from '../core/service';
import { detectMentions, markText, type MarkMode } from '../core/markup';
import { diskWorkspace, displayPath, fromUri, toUri, workspaceRoot } from './files';

export const MARKUP_USAGE = `policy-report markup FILE [--write] [--report json] [--mode wrap|canonical]

Marks the catalog indicators named in unmarked prose: [[name]] where the mark binds to the
intended figure; the uncertain cases are left unmarked and listed with --report json.
  --write           write the marked text into FILE (the original is kept as FILE.bak)
  --report json     print a JSON report (marked, ambiguous) instead of the marked text
  --mode wrap       keep the words: [[words as written]] (default)
  --mode canonical  write [[Canonical name]]`;

interface MarkupArgs {
  file: string;
  write: boolean;
  report: 'json' | null;
  mode: MarkMode;
}

class MarkupUsageError extends Error {}

function parse(argv: string[]): MarkupArgs {
  const files: string[] = [];
  let write = false;
  let report: 'json' | null = null;
  let mode: MarkMode = 'wrap';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new MarkupUsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--write') write = true;
    else if (a === '--report' || a.startsWith('--report=')) {
      const v = value();
      if (v !== 'json') throw new MarkupUsageError(`--report must be json, not ${v}`);
      report = 'json';
    } else if (a === '--mode' || a.startsWith('--mode=')) {
      const v = value();
      if (v !== 'wrap' && v !== 'canonical') throw new MarkupUsageError(`--mode must be wrap or canonical, not ${v}`);
      mode = v;
    } else if (a.startsWith('--')) throw new MarkupUsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new MarkupUsageError(files.length ? 'markup takes one file' : 'markup needs a file');
  return { file: files[0], write, report, mode };
}

/** Runs `markup` with the arguments after the command name; returns the exit code. */
export async function markupCommand(argv: string[]): Promise<number> {
  let args: MarkupArgs;
  try {
    args = parse(argv);
  } catch (e) {
    process.stderr.write(`policy-report: ${(e as Error).message}\n\n${MARKUP_USAGE}\n`);
    return 2;
  }
  const file = path.resolve(args.file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    process.stderr.write(`policy-report: cannot read ${args.file}\n`);
    return 2;
  }
  const service = new LanguageService({ workspace: diskWorkspace, folders: [toUri(workspaceRoot(file))] });
  await service.reloadCatalog();
  for (const [uri, errors] of service.catalogFindings()) {
    for (const e of errors) process.stderr.write(`${displayPath(fromUri(uri))}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.message}\n`);
  }
  const catalog = service.catalogs.catalog;
  const result = detectMentions(text, catalog, { mode: args.mode });
  const marked = markText(text, result.mentions, args.mode);

  if (args.write && marked !== text) {
    try {
      await copyFile(file, file + '.bak');
      await writeFile(file, marked, 'utf8');
    } catch (e) {
      process.stderr.write(`policy-report: cannot write ${args.file}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (args.report === 'json') {
    const report = {
      file: displayPath(file),
      mode: args.mode,
      marked: result.mentions.map((m) => ({
        name: m.text,
        indicator: m.indicator.id,
        kind: m.kind,
        score: Math.round(m.score * 1000) / 1000,
        ...(m.compiler ? { compiler: m.compiler } : {}),
        figure: m.figure?.raw ?? null,
        figureRange: m.figure?.range ?? null,
        period: m.period?.code ?? null,
        range: m.range,
        newText: m.edits(args.mode).map((e) => e.newText).join(' … '),
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
  } else if (!args.write) process.stdout.write(marked);
  else process.stderr.write(`policy-report: ${args.file}: ${result.mentions.length} marked, ${result.ambiguous.length} left ambiguous${marked !== text ? ` (backup ${args.file}.bak)` : ''}\n`);
  return 0;
}
