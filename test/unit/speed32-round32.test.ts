/**
 * Speeds by measurer (test/fixtures/speed32-round32.yaml; docs/reading.md §64). The default catalog
 * keeps one speed entry per network; a workspace that keeps Ookla's Speedtest and VNNIC's i-Speed
 * apart splits them in its own catalog (one name, two series with compiler codes). Then the
 * detector marks a figure with the series its sentence names (canonical "[[… @ CODE]]"; wrap keeps
 * the words and the checker reads the same series) and lists a sentence naming no measurer, and the
 * checker compares each measurer's figures with its own (no large-movement or figure-conflict across
 * the two, one within a series).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog, parseCatalogYaml } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fixturesDir } from '../helpers';

interface Case { rule: string; kind: 'positive' | 'negative'; period: string; text: string; series: string | string[] | null; figure: string | string[] }
interface Fixture { catalog: string; cases: Case[]; workspace: Array<{ file: string; text: string }> }

const fixture = parseYaml(readFileSync(path.join(fixturesDir, 'speed32-round32.yaml'), 'utf8')) as Fixture;
const split = Catalog.merge(loadDefaultCatalog(), parseCatalogYaml(fixture.catalog, 'file:///speed32/.policy-report/indicators.yaml').indicators);
const list = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

/** The [entry id or null, figure] pairs the checker reads in `text` marked in `mode` under the split catalog. */
function read(c: Case, mode: 'wrap' | 'canonical', catalog = split): { marked: string; facts: Array<[string | null, string]>; listed: string[] } {
  const source = ['---', `period: "${c.period}"`, '---', '', c.text, ''].join('\n');
  const result = detectMentions(source, catalog, { mode });
  const marked = markText(source, result.mentions, mode);
  const facts = analyze(parseReport(marked, 'file:///speed32.report.md'), catalog).refs.filter((r) => r.ref.figure).map((r): [string | null, string] => [r.indicator?.id ?? null, r.ref.figure!.raw]);
  return { marked, facts, listed: result.ambiguous.map((a) => a.reason) };
}

describe('speeds by measurer, in a workspace that splits them (fixtures/speed32-round32.yaml)', () => {
  it('the split catalog loads: one name, two series per network', () => {
    assert.equal(parseCatalogYaml(fixture.catalog, 'file:///speed32/.policy-report/indicators.yaml').errors?.length ?? 0, 0);
    const m = split.resolve('Tốc độ tải xuống trung bình băng rộng cố định');
    assert.equal(m.kind, 'ambiguous');
    assert.equal(split.referenceName(split.byId('fixed-broadband-download-speed-ookla')!), 'Tốc độ tải xuống trung bình băng rộng cố định @ Ookla');
  });

  for (const mode of ['wrap', 'canonical'] as const) {
    for (const c of fixture.cases) {
      it(`${c.kind}: ${c.rule} (${mode})`, () => {
        const { marked, facts, listed } = read(c, mode);
        const want = list(c.series);
        const figures = list(c.figure);
        if (c.kind === 'positive') {
          for (let i = 0; i < want.length; i++) assert.ok(facts.some(([id, raw]) => id === want[i] && raw.includes(figures[i])), `${marked}\n${JSON.stringify(facts)}`);
          // both modes write the series' code where the name is shared (wrap: " @ CODE" before "]]", the words kept)
          assert.match(marked, / @ (?:Ookla|VNNIC)\]\]/);
        } else {
          assert.deepEqual(facts, [], marked);
          assert.ok(listed.includes('shared-name'), JSON.stringify(listed));
        }
      });
    }
  }

  it('the default catalog reads the same sentences for its one entry per network', () => {
    const catalog = new Catalog(loadDefaultCatalog());
    for (const c of fixture.cases.filter((x) => x.kind === 'positive')) {
      const ids = read(c, 'canonical', catalog).facts.map(([id]) => id);
      assert.ok(ids.length && ids.every((id) => id === (c.text.match(/cố định/) ? 'fixed-broadband-download-speed' : 'mobile-broadband-download-speed')), `${c.rule}: ${JSON.stringify(ids)}`);
    }
  });

  async function findings(catalogYaml?: string, messages = false): Promise<string[]> {
    const ws = 'file:///speed32';
    const files: Record<string, string> = {};
    for (const f of fixture.workspace) files[`${ws}/${f.file}`] = f.text;
    if (catalogYaml) files[`${ws}/.policy-report/indicators.yaml`] = catalogYaml;
    const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [ws], lang: 'en' });
    await service.reloadConfig();
    await service.reloadCatalog();
    await service.indexWorkspace();
    const out: string[] = [];
    for (const f of fixture.workspace) for (const d of service.check(`${ws}/${f.file}`, f.text, 1)) if (!['missing-section', 'unmarked-indicator', 'non-canonical-name'].includes(String(d.code))) out.push(`${f.file}:${d.range.start.line + 1} ${d.code}${messages ? `\u0000${String(d.message)}` : ''}`);
    return out.sort();
  }

  it('the checker compares each measurer\'s figures with its own: a movement within a series only', async () => {
    const got = await findings(fixture.catalog, true);
    // VNNIC's 58,88 (July 2021) to 271,2 Mbps (August 2025) within i-Speed's series; Ookla's 78,43
    // (July 2021) to 94,45 Mbps (September 2023) within Speedtest's; never 58,88 against 94,45.
    assert.deepEqual(got.map((g) => g.split('\u0000')[0]), ['toc-do-thang-8-2025.report.md:10 large-movement', 'toc-do-thang-9-2023.report.md:10 large-movement'], got.join('\n'));
    assert.match(got[0], /from "58,88 Mbps"/);
    assert.match(got[1], /from "78,43 Mbps"/);
  });

  it('with one entry per network (the default catalog) each line compares across the two measurers', async () => {
    const got = await findings(undefined, true);
    // The same two lines, each against the other measurer's figure: VNNIC's 58,88 against Speedtest's
    // 94,45 (+60%), Speedtest's 94,45 against VNNIC's 271,2 (+187%); docs/accuracy.md §6, held20.
    assert.deepEqual(got.map((g) => g.split('\u0000')[0]), ['toc-do-thang-8-2025.report.md:10 large-movement', 'toc-do-thang-9-2023.report.md:10 large-movement'], got.join('\n'));
    assert.match(got[0], /from "94,45 Mbps"/);
    assert.match(got[1], /from "58,88 Mbps"/);
  });
});
