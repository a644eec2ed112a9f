/**
 * Every miss and false mark of the markup detector on the named press sets, with the detector's
 * word on each sentence: `node out/test/prose/markup-misses.js press-unmarked-held4 [--show]`.
 * A working tool for tuning on the sets that may be tuned on (never run it on a set being held out:
 * the sets in HELD_OUT are refused, and so is a report file inside one, unless `--unblind` is given).
 * With `--show` it also prints each marked line, each ambiguous case and each reference the checker
 * reads in the marked text.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { MarkMode } from '../../server/src/core/markup/types';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { fixturesDir } from '../helpers';
import { evaluateMarkup, markupReport } from './markup-eval';

function show(file: string, mode: MarkMode, catalog: Catalog): void {
  const text = readFileSync(file, 'utf8');
  const r = detectMentions(text, catalog, { mode });
  const marked = markText(text, r.mentions, mode);
  for (const l of marked.split('\n')) if (l.includes('[[')) process.stdout.write(`M| ${l}\n`);
  for (const a of r.ambiguous) process.stdout.write(`A| ${a.reason} "${text.slice(a.start, a.end)}" ${JSON.stringify(a.figures)}\n`);
  const doc = parseReport(marked, `file:///${path.basename(file)}`);
  for (const { ref, indicator } of analyze(doc, catalog).refs)
    process.stdout.write(`R| ${indicator ? indicator.name : ref.name} = ${ref.figure?.raw} (${ref.period})${(ref.also ?? []).map((a) => ` + ${a.figure.raw} (${a.period})`).join('')}\n`);
}

/** Sets still held out: their misses are not to be read while they measure the detector. */
const HELD_OUT: string[] = ['press-unmarked-held40', 'press-unmarked-held41', 'press-unmarked-held42', 'press-unmarked-held43', 'press-unmarked-held44'];

const args = process.argv.slice(2);
const heldOut = (target: string): string | undefined =>
  HELD_OUT.find((set) => target === set || target.replace(/\\/g, '/').split('/').includes(set));
const wantShow = args.includes('--show');
const modes: MarkMode[] = args.includes('--canonical') ? ['canonical'] : args.includes('--wrap') ? ['wrap'] : ['wrap', 'canonical'];
const catalog = new Catalog(loadDefaultCatalog());
for (const target of args.filter((a) => !a.startsWith('--'))) {
  const held = heldOut(target);
  if (held && !args.includes('--unblind')) {
    process.stderr.write(`${target}: ${held} is held out; its misses are not printed (pass --unblind once it is no longer held out)\n`);
    process.exitCode = 2;
    continue;
  }
  if (target.endsWith('.md')) {
    for (const mode of modes) {
      process.stdout.write(`\n=== ${target} ${mode}\n`);
      show(target, mode, catalog);
    }
    continue;
  }
  for (const mode of modes) {
    const ev = evaluateMarkup(target, mode);
    process.stdout.write(`\n=== ${target} ${mode}\n${markupReport(ev)}\n`);
    if (wantShow) for (const f of ev.files) show(path.join(fixturesDir, target, f.file), mode, catalog);
  }
}
