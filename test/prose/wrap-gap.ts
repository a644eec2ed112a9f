/**
 * Why wrap mode leaves a name canonical mode marks (issue 13, round 18): for every mention the
 * canonical detector marks but cannot wrap (`wrappable: false`), the text is marked canonically
 * except that one mention, which gets `[[words as written]]`, and the checker's reading of it is
 * printed: the entry (and figure) it resolves to, `unknown`, or an ambiguity. A working tool for the
 * seen sets: `node out/test/prose/wrap-gap.js press-unmarked-held16 …` (held-out sets are refused).
 * With `--facts` it prints instead each fact of the sets' facts.yaml that canonical mode finds and wrap
 * mode misses, with wrap's reason (the detector's listed case, or what it read instead).
 *   class a: the writer's words would not resolve to the entry in the checker;
 *   class b: the checker resolves them to the entry and binds the same figure (the detector refused);
 *   class c: the checker resolves them to the entry but binds another figure, or none.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markEdits } from '../../server/src/core/markup';
import { applyWithMaps } from '../../server/src/core/markup/apply';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { fixturesDir } from '../helpers';
import { evaluateMarkup } from './markup-eval';

const HELD_OUT = ['press-unmarked-held40', 'press-unmarked-held41', 'press-unmarked-held42', 'press-unmarked-held43', 'press-unmarked-held44'];
const catalog = new Catalog(loadDefaultCatalog());
const wantFacts = process.argv.includes('--facts');
for (const set of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  if (HELD_OUT.some((h) => set.includes(h))) {
    process.stderr.write(`${set}: held out, refused\n`);
    continue;
  }
  if (wantFacts) {
    const [wrap, canonical] = [evaluateMarkup(set, 'wrap'), evaluateMarkup(set, 'canonical')];
    for (const f of wrap.files) {
      const c = canonical.files.find((o) => o.file === f.file);
      for (const m of f.misses)
        if (!c?.misses.some((o) => o.fact === m.fact || JSON.stringify(o.fact) === JSON.stringify(m.fact)))
          process.stdout.write(`${set}\t${f.file}\t${m.fact.indicator} = ${m.fact.figure} (${m.fact.period})\t${m.why}\n`);
    }
    continue;
  }
  const dir = path.join(fixturesDir, set);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const { mentions } = detectMentions(text, catalog, { mode: 'canonical' });
    for (const m of mentions) {
      if (m.wrappable) continue;
      const edits = markEdits(mentions.filter((o) => o !== m), 'canonical').concat(m.edits('wrap')).sort((a, b) => a.start - b.start || a.end - b.end);
      const marked = applyWithMaps(text, edits).text;
      const doc = parseReport(marked, `file:///${file}`);
      const name = m.text + (m.compiler ? ` @ ${m.compiler}` : '');
      const hit = analyze(doc, catalog).refs.find((r) => r.ref.name === name);
      const got = !hit ? 'no reference' : hit.indicator ? hit.indicator.name : hit.match.kind;
      const fig = hit?.ref.figure?.raw ?? '-';
      const cls = hit?.indicator !== m.indicator ? 'a' : fig === (m.figure?.raw ?? '-') || (m.figure && fig.includes(m.figure.raw)) ? 'b' : 'c';
      process.stdout.write(`${cls}\t${set}\t${file}\t"${m.text}"\t${m.indicator.name}\t${m.figure?.raw ?? '-'}\t→ ${got}\t${fig}\n`);
    }
  }
}
