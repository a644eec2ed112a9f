/**
 * The real-prose corpus (test/fixtures/prose/corpus.yaml): sentences in the constructions of
 * public reporting on the committee's sessions and on provincial digital transformation, each with
 * its expected readings (the figure each reference binds to, its role and period; further figures'
 * roles and periods). Also: the corpus, as reports, draws no finding from the figure rules.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseReport } from '../../server/src/core/parse/document';
import type { PlacedFigure } from '../../server/src/core/parse/model';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fixturesDir } from '../helpers';

interface Expected {
  figure: string | null;
  role?: string;
  period?: string;
  scope?: string;
}
interface Entry {
  source: string;
  period: string;
  /** The session date of the report the sentence is in (default 2024-07-10). */
  date?: string;
  text: string;
  readings: Expected[];
  figures?: Expected[];
}

const load = (name: string) => parseYaml(readFileSync(path.join(fixturesDir, 'prose', name), 'utf8')) as Entry[];
const corpus = load('corpus.yaml');
/** Written after the reader was built, never used to change it: measured apart. */
const heldOut = load('held-out.yaml');

const report = (period: string, body: string, date = '2024-07-10') => `---\nsession: 9\ndate: ${date}\nperiod: "${period}"\ntitle: Corpus\n---\n\n${body}\n`;

/** What was read for one expectation, as a comparable record. */
function seen(f: PlacedFigure | null | undefined, want: Expected): Record<string, unknown> {
  if (!f) return { figure: null };
  const out: Record<string, unknown> = { figure: f.raw.includes(want.figure ?? '\0') ? want.figure : f.raw };
  if (want.role !== undefined) out.role = f.role;
  if (want.period !== undefined) out.period = f.period;
  if (want.scope !== undefined) out.scope = f.scope;
  return out;
}

/** Per role: [right, total] over every expected reading of the entries. */
function accuracy(entries: Entry[] = corpus): Map<string, [number, number]> {
  const acc = new Map<string, [number, number]>();
  const add = (key: string, ok: boolean) => {
    const a = acc.get(key) ?? [0, 0];
    a[0] += ok ? 1 : 0;
    a[1]++;
    acc.set(key, a);
  };
  for (const e of entries) {
    const doc = parseReport(report(e.period, e.text, e.date), 'file:///corpus.report.md');
    e.readings.forEach((want, i) => {
      const got = seen(doc.references[i]?.figure, want);
      const bound = got.figure === want.figure && got.role === want.role;
      add(`binding ${want.role ?? 'mention'}`, bound);
      add('binding', bound);
      if (want.period) add('period', got.period === want.period);
    });
  }
  return acc;
}

describe('real-prose corpus', () => {
  it('has sixty sentences or more, each with its source', () => {
    assert.ok(corpus.length >= 60, `${corpus.length} sentences`);
    for (const e of corpus) assert.ok(e.source && e.text && Array.isArray(e.readings), e.text);
  });

  for (const e of corpus) {
    it(e.text, () => {
      const doc = parseReport(report(e.period, e.text, e.date), 'file:///corpus.report.md');
      assert.equal(doc.references.length, e.readings.length, 'references');
      e.readings.forEach((want, i) => {
        const ref = doc.references[i];
        assert.deepEqual(seen(ref.figure, want), want, `reference ${i + 1} [[${ref.name}]]`);
        if (want.period && ref.figure) assert.equal(ref.period, want.period, `period of [[${ref.name}]]`);
      });
      for (const want of e.figures ?? []) {
        const f = doc.figures.find((g) => g.raw.includes(want.figure ?? '\0'));
        assert.ok(f, `no figure "${want.figure}" among ${doc.figures.map((g) => g.raw).join(' | ')}`);
        assert.deepEqual(seen(f, want), want);
      }
    });
  }

  it('reads every binding and period right (accuracy per role)', () => {
    for (const [key, [right, total]] of accuracy()) assert.equal(right, total, `${key}: ${right}/${total}`);
  });

  it('held out: keeps at least the accuracy measured when it was written (14/16 bindings, 14 periods or more)', () => {
    // Measured on 2026-12-03: the misses are a level in an earlier clause ("Với 0,8241 điểm, Hà
    // Nội đứng thứ nhất về [[…]]") and "là thứ 72 thế giới" (an ordinal without a rank verb).
    const acc = accuracy(heldOut);
    const [bound, refs] = acc.get('binding')!;
    assert.equal(refs, 16);
    assert.ok(bound >= 14, `bindings ${bound}/${refs}`);
    const [periods] = acc.get('period')!;
    assert.ok(periods >= 14, `periods ${periods}`);
    for (const e of heldOut) assert.ok(e.source && e.text, e.text);
  });

  it('draws no finding from the figure rules on the corpus (consistent text)', () => {
    const FIGURE_RULES = new Set([
      'unit-mismatch', 'percent-out-of-range', 'count-decimals', 'english-decimal', 'fraction-exceeds-whole', 'fraction-percent-mismatch',
      'parts-total-mismatch', 'rank-change-mismatch', 'figure-conflict', 'implied-base-conflict', 'stock-decrease', 'denominator-mismatch',
      'series-outlier', 'target-claim', 'wrong-series',
    ]);
    const service = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
    const groups = new Map<string, string[]>();
    for (const e of corpus) {
      const key = `${e.period}\0${e.date ?? '2024-07-10'}`;
      groups.set(key, [...(groups.get(key) ?? []), e.text]);
    }
    for (const [key, texts] of groups) {
      const [period, date] = key.split('\0');
      const uri = `file:///corpus-${period}-${date}.report.md`;
      const findings = service.check(uri, report(period, texts.join('\n\n'), date), 1).filter((f) => FIGURE_RULES.has(f.code));
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], key);
    }
  });
});
