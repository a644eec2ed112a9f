/**
 * Pillars told by their short words (issue 13, round 18; docs/dialect.md §5.2; test/fixtures/prose/
 * pillar-round18.yaml; markup/pillar-words.ts): "trụ cột pháp lý", "con người" in a list after
 * "trụ cột", a marked `[[trụ cột hợp tác]]` stand for the pillar of the index the sentence, its
 * headings or its section name. Each case's facts — each reference's bound figure and its further
 * figures, with the entry and the period — as the checker reads the text marked by `markup` in each
 * mode: a positive case reads a pillar entry, a negative one none. Then: two indices in scope with
 * a pillar of the same words pick none (the checker warns, naming both; markup marks nothing).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import type { Indicator } from '../../server/src/core/catalog/types';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { checkAnalysis } from '../../server/src/core/check';
import { historyDocument } from '../../server/src/core/history/snapshot';
import { describeClassCases, entryPeriodFacts, loadCases, markedReport, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/pillar-round18.yaml');
const pillarIds = new Set(catalog.all().filter((i) => /trụ cột/iu.test(i.name)).map((i) => i.id));

describe('pillars by their short words (fixtures/prose/pillar-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    assert.equal(facts.some(([id]) => pillarIds.has(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });
});

describe('pillars by their short words: two indices in scope', () => {
  const base = loadDefaultCatalog();
  const nri = base.find((i) => i.id === 'nri-score')!;
  const pillar = base.find((i) => i.id === 'nri-technology-score')!;
  // A second index with a pillar of the same words (a workspace's entries).
  const other: Indicator[] = [
    { ...nri, id: 'kei-score', name: 'Điểm Chỉ số kinh tế tri thức', aliases: ['Chỉ số kinh tế tri thức'], abbreviations: [], family: 'kei' },
    { ...pillar, id: 'kei-technology-score', name: 'Điểm trụ cột Công nghệ của Chỉ số kinh tế tri thức', aliases: [], abbreviations: [], family: 'kei' },
  ];
  const two = new Catalog([...base, ...other]);
  const text = 'Năm 2024, Chỉ số sẵn sàng mạng và Chỉ số kinh tế tri thức cùng chấm trụ cột công nghệ; Việt Nam đạt 49,27 điểm ở trụ cột công nghệ.';

  it('markup marks no pillar in either mode', () => {
    for (const mode of ['wrap', 'canonical'] as const) {
      const facts = entryPeriodFacts(markedReport(text, '2024', two, mode), two);
      assert.ok(!facts.some(([id]) => id.endsWith('technology-score')), `${mode}: ${JSON.stringify(facts)}`);
    }
  });

  it('the checker reads a marked pillar as ambiguous and names both pillars', () => {
    const marked = markedReport(text.replace('ở trụ cột công nghệ.', 'ở [[trụ cột công nghệ]].'), '2024', two, 'wrap');
    const doc = parseReport(marked, 'file:///two.report.md');
    const r = analyze(doc, two).refs.find((x) => x.ref.name === 'trụ cột công nghệ')!;
    assert.equal(r.indicator, null);
    assert.equal(r.match.kind, 'ambiguous');
    const warned = checkAnalysis(analyze(doc, two), { lang: 'vi' }).filter((d) => d.code === 'ambiguous-indicator');
    assert.equal(warned.length, 1, JSON.stringify(warned));
    assert.match(warned[0].message, /Chỉ số kinh tế tri thức/);
    assert.match(warned[0].message, /Chỉ số sẵn sàng mạng/);
  });

  it('the checker reads a marked pillar of the one index in scope, with a hint to its full name', () => {
    const marked = markedReport('## Chỉ số sẵn sàng mạng năm 2024\n\n[[Trụ cột công nghệ]] của Việt Nam đạt 49,27 điểm.', '2024', two, 'wrap');
    const doc = parseReport(marked, 'file:///one.report.md');
    const r = analyze(doc, two).refs[0];
    assert.equal(r.indicator?.id, 'nri-technology-score');
    const found = checkAnalysis(analyze(doc, two), { lang: 'vi' });
    // (the bare front matter of markedReport draws its own findings: only the name's are looked at)
    assert.deepEqual(found.filter((d) => d.code === 'unknown-indicator' || d.code === 'ambiguous-indicator').map((d) => d.code), []);
    assert.ok(found.some((d) => d.code === 'non-canonical-name'), JSON.stringify(found));
  });
});

describe('pillars by their short words: a history document', () => {
  it('reads the pillar a full parse reads (its saved form keeps no outline: read from its text)', () => {
    const text = markedReport('## Chỉ số an toàn, an ninh mạng toàn cầu năm 2020\n\n[[Trụ cột pháp lý]] của Việt Nam đạt 20/20 điểm. Ba trụ cột [[kỹ thuật]] và [[tổ chức]] lần lượt đạt 16,31 và 18,98 điểm.', '2020', catalog, 'wrap');
    const doc = parseReport(text, 'file:///gci.report.md');
    const ids = (d: typeof doc) => analyze(d, catalog).refs.map((r) => r.indicator?.id ?? null);
    assert.deepEqual(ids(doc), ['gci-legal-score', 'gci-technical-score', 'gci-organizational-score']);
    assert.deepEqual(ids(historyDocument(doc)), ids(doc));
  });
});
