/**
 * Names writers write that the catalog does not hold (test/fixtures/names22-round22.yaml; docs/reading.md
 * §26), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. an abbreviation the report defines ("chính quyền số (CQS)", "CQS (chính quyền số)") names what
 *    its defining words name for the rest of the report (markup/defined-abbreviations.ts): canonical
 *    writes the entry's name, wrap lists the words (`[[CQS]]` would not resolve);
 * 2. an index's old official name and the compiler's word order as catalog aliases of the same series.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { parseReport } from '../../server/src/core/parse/document';
import { savedReading } from '../../server/src/core/history/saved-reading';
import { saveReport } from '../../server/src/core/history/snapshot';
import { detectMentions } from '../../server/src/core/markup';
import { work } from '../../server/src/core/work';
import { unitCountOn } from '../../server/src/core/history/units';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('names22-round22.yaml');
const report = (text: string, period: string) => ['---', `period: "${period}"`, '---', '', text, ''].join('\n');

describe('names the catalog does not hold: abbreviations a report defines, old names (fixtures/names22-round22.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    if (c.kind === 'positive' && c.class === 2) assert.ok(facts.length, c.rule);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///names22.report.md');

  it('the history reads the canonical marks as the checker does', () => {
    for (const c of cases) {
      const marked = markedReport(c.text, c.period, catalog, 'canonical');
      const full = saveReport(parseReport(marked, 'file:///names22.report.md', { remember: false }), 'h');
      assert.deepEqual(saveReport(parseReport(marked, 'file:///names22.report.md', { history: true }), 'h'), full, marked);
      assert.deepEqual(savedReading(marked, 'file:///names22.report.md', 'h'), full, marked);
    }
  });

  it('class 1: canonical reads more than wrap, and wrap lists each defined abbreviation it cannot wrap (variant-name)', () => {
    for (const c of cases.filter((x) => x.class === 1 && x.kind === 'positive')) {
      assert.ok((c.canonical ?? []).length > c.wrap.length, c.rule);
      const listed = detectMentions(report(c.text, c.period), catalog, { mode: 'wrap' }).ambiguous.filter((a) => a.reason === 'variant-name' && /(?:^|\s)[A-ZĐ][A-ZĐ0-9]+$/u.test(a.text));
      assert.ok(listed.length, `${c.rule}: ${JSON.stringify(listed)}`);
    }
  });

  it('marks the abbreviation alone in canonical mode, every other byte kept', () => {
    const text = report('Trụ cột chính quyền số (CQS) được đánh giá riêng.\n\nNăm 2022, CQS của Hà Nội xếp thứ 40/63.', '2022');
    const marked = markedReport(text.replace(/^---[\s\S]*?---\n\n/, '').trimEnd(), '2022', catalog, 'canonical');
    assert.match(marked, /Năm 2022, \[\[Xếp hạng trụ cột chính quyền số cấp tỉnh\]\] của Hà Nội xếp thứ 40\/63\./);
    assert.match(marked, /Trụ cột chính quyền số \(CQS\) được đánh giá riêng\./);
  });

  it('takes the head noun written before the abbreviation into the canonical mark ("chỉ số CPĐT")', () => {
    const marked = markedReport('Chỉ số phát triển Chính phủ điện tử (CPĐT) đo mức sẵn sàng.\n\nNăm 2004, chỉ số CPĐT của Việt Nam là 0,338 điểm.', '2004', catalog, 'canonical');
    assert.match(marked, /Năm 2004, \[\[Điểm Chỉ số phát triển Chính phủ điện tử\]\] của Việt Nam là 0,338 điểm\./);
  });

  it('a second definition of the same abbreviation for another entry ends the first one', () => {
    const text = report('Trụ cột chính quyền số (CQS) được đánh giá riêng. Trụ cột xã hội số (CQS) cũng vậy.\n\nNăm 2022, CQS của Hà Nội xếp thứ 30/63.', '2022');
    const ids = detectMentions(text, catalog, { mode: 'canonical' }).mentions.map((m) => m.indicator.id);
    assert.deepEqual(ids, ['dti-province-society-rank']);
  });

  it('counts the UN members of the old index years (191 in 2004, 192 in 2008: "91/192" is no denominator mismatch), 193 since 2011', () => {
    const count = (date: string) => unitCountOn('quốc gia thành viên Liên Hợp Quốc', date)?.value;
    assert.deepEqual([count('2001-12-31'), count('2004-12-31'), count('2008-12-31'), count('2010-12-31'), count('2012-12-31'), count('2024-12-31')], [undefined, 191, 192, 192, 193, 193]);
  });

  it('reads a hostile number of brackets in bounded work (definitions and brackets capped)', () => {
    const line = Array.from({ length: 3000 }, (_, i) => `chính quyền số (C${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) | 0) % 26)}) `).join('');
    const text = report(`${line}\n\nNăm 2022, CA của Hà Nội xếp thứ 40/63.`, '2022');
    const before = work.steps;
    const r = detectMentions(text, catalog, { mode: 'canonical' });
    assert.ok(work.steps - before < 5_000_000, `work ${work.steps - before}`);
    assert.ok(r.mentions.length <= 1);
  });
});
