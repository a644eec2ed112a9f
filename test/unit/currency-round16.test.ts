/**
 * One name, two currencies (docs/dialect.md §5.2; catalog/currency-members.ts, series.ts,
 * test/fixtures/prose/currency-round16.yaml): each case's facts — the entry each reference's figure
 * and further figures are read for — as the checker reads the text (marked by `markup` in each mode
 * when written unmarked), and whether unit-mismatch reports it. On the checker's side: a đồng figure
 * under the IT industry's name enters the đồng series of the history (no unit-mismatch, no
 * series-outlier beside the USD series; a different đồng value of the same period is a
 * figure-conflict), and the figure's currency settles a name two series of two currencies share.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Indicator } from '../../server/src/core/catalog/types';
import { entryFigures, loadCases, markedReport } from '../marked-cases';
import { indexedService } from './indexed-service';

/** [entry, figure]. */
type Fact = [string, string];
interface Case {
  rule: string;
  class: 1 | 2 | 3 | 4;
  kind: 'positive' | 'negative';
  mismatch?: boolean;
  period: string;
  text: string;
  facts: Fact[];
  canonical?: Fact[];
}
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('prose/currency-round16.yaml');

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures. */
const facts = (marked: string, cat = catalog): Fact[] => entryFigures(marked, cat);

/** `got` as `want` says it: the same entries in order, each figure's raw text holding the one wanted (a part of it: "đạt 148 tỷ USD"). */
function asWanted(got: Fact[], want: Fact[]): Fact[] {
  return got.map(([id, raw], i) => [id, want[i] && raw.includes(want[i][1]) ? want[i][1] : raw]);
}

/** The codes of the figure rules' findings on `marked` checked alone. */
function figureCodes(marked: string): string[] {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
  const skip = new Set(['missing-section', 'unmarked-indicator', 'non-canonical-name', 'front-matter']);
  return service
    .check('file:///currency16.report.md', marked, 1)
    .map((f) => String(f.code))
    .filter((c) => !skip.has(c));
}

describe('one name, two currencies (fixtures/prose/currency-round16.yaml)', () => {
  it('has positive and negative cases', () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= 8);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= 4);
    assert.ok(cases.filter((c) => c.mismatch).length >= 3);
  });
  for (const c of cases)
    for (const mode of c.text.includes('[[') ? (['wrap'] as const) : (['wrap', 'canonical'] as const))
      it(`${c.text.includes('[[') ? 'marked' : mode}: class ${c.class} ${c.kind}: ${c.rule}`, () => {
        const marked = markedReport(c.text, c.period, catalog, mode);
        const want = (mode === 'canonical' ? c.canonical : undefined) ?? c.facts;
        assert.deepEqual(asWanted(facts(marked), want), want, marked);
        const codes = figureCodes(marked);
        assert.deepEqual(codes, c.mismatch ? ['unit-mismatch'] : [], `${marked}\n${codes.join(', ')}`);
      });
});

describe('the checker: one name, two currencies in the history', () => {
  const folder = 'file:///currency16';
  const head = (session: number, date: string, period: string) => ['---', `session: ${session}`, `date: ${date}`, `period: "${period}"`, `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
  const findings = async (earlier: string, later: string) => {
    const files = {
      [`${folder}/phien-05.report.md`]: `${head(5, '2023-01-20', '2022')}\n## Kết quả\n\n${earlier}\n`,
      [`${folder}/phien-06.report.md`]: `${head(6, '2023-12-08', '2023-YTD11')}\n## Kết quả\n\n${later}\n`,
    };
    const service = await indexedService(files, folder, { lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off', 'non-canonical-name': 'off' } });
    const uri = `${folder}/phien-06.report.md`;
    return service.check(uri, files[uri], 1).map((f) => `${f.code}: ${f.message}`);
  };
  // (2022: 148 tỷ USD, https://makeinvietnam.mic.gov.vn/baiviet/Cong-bo-so-lieu-phat-trien-cong-nghiep-ICT-nam-2022-hCIbB8s7hq;
  //  10 months of 2023: over 2,7 triệu tỷ đồng, https://vneconomy.vn/doanh-thu-cong-nghiep-ict-10-thang-dat-113-8-ty-usd-chi-tang-1-so-cung-ky.htm;
  //  11 months of 2023: 3.040.772 tỷ đồng, https://vneconomy.vn/doanh-thu-thong-tin-truyen-thong-tang-12-so-voi-cung-ky.htm)
  const USD = 'Năm 2022, [[Doanh thu công nghiệp công nghệ thông tin]] ước đạt 148 tỷ USD.';
  const DONG = '[[Doanh thu công nghiệp công nghệ thông tin]] 11 tháng đầu năm 2023 ước đạt 3.040.772 tỷ đồng.';

  it('a đồng figure after a USD series of the same name: no unit-mismatch, no series-outlier', async () => {
    assert.deepEqual(await findings(USD, DONG), []);
  });

  it('the đồng figure enters the đồng series: a different value of its period under the đồng name is a figure-conflict', async () => {
    const earlier = `${USD}\n\nTrong 10 tháng đầu năm 2023, [[Doanh thu công nghiệp công nghệ thông tin]] ước đạt trên 2,7 triệu tỷ đồng.`;
    assert.deepEqual(await findings(earlier, 'Trong 10 tháng đầu năm 2023, [[Doanh thu công nghiệp công nghệ số]] ước đạt trên 2,7 triệu tỷ đồng.'), []);
    const wrong = await findings(earlier, 'Trong 10 tháng đầu năm 2023, [[Doanh thu công nghiệp công nghệ số]] đạt 2,1 triệu tỷ đồng.');
    assert.equal(wrong.length, 1, wrong.join('\n'));
    assert.match(wrong[0], /^figure-conflict: .*2,7 triệu tỷ đồng/, wrong[0]);
  });

  // (2022 by month: March 350.027, April 247.360, May 243.108 tỷ đồng: https://zingnews.vn/doanh-thu-nganh-cong-nghe-thong-tin-5-thang-uoc-dat-57-ty-usd-post1322538.html)
  const MONTHS = ['Tháng 3/2022, [[Doanh thu công nghiệp ICT]] đạt 350.027 tỷ đồng.', 'Tháng 4/2022, [[Doanh thu công nghiệp ICT]] đạt 247.360 tỷ đồng.', 'Tháng 5/2022, [[Doanh thu công nghiệp ICT]] đạt 243.108 tỷ đồng.'].join('\n\n');

  it('series-outlier compares a flow per month of its period: 11 months beside months is none, one month of that size is one', async () => {
    assert.deepEqual(await findings(MONTHS, DONG), []);
    const month = await findings(MONTHS, 'Riêng tháng 11/2023, [[Doanh thu công nghiệp ICT]] ước đạt 3.040.772 tỷ đồng.');
    assert.equal(month.length, 1, month.join('\n'));
    assert.match(month[0], /^series-outlier: /, month[0]);
  });

  it('the hover says the figure\'s currency chose the series', async () => {
    const text = `${head(6, '2023-12-08', '2023-YTD11')}\n## Kết quả\n\n${DONG}\n`;
    const service = await indexedService({ [`${folder}/a.report.md`]: text }, folder, { lang: 'vi' });
    const line = text.split('\n').findIndex((l) => l.startsWith('[['));
    const hover = service.hover(`${folder}/a.report.md`, text, { line, character: 4 });
    assert.match(hover?.markdown ?? '', /3\.040\.772 tỷ đồng.*Doanh thu công nghiệp công nghệ số/, hover?.markdown);
  });
});

describe('series inference by currency: a name two series of two currencies share', () => {
  const base = catalog.byId('ict-industry-revenue')!;
  const other = catalog.byId('digital-tech-industry-revenue')!;
  // The same name, two compilers' series, one in USD, one in đồng (a workspace catalog may keep them so).
  const shared = (ind: Indicator, code: string): Indicator => ({ ...ind, name: 'Doanh thu ngành công nghiệp điện tử', aliases: [], compiler: code, compilerCodes: [code] });
  const cat = new Catalog([shared(base, 'AAA'), shared(other, 'BBB')]);

  it('settles the series by the figure\'s currency', () => {
    const usd: Fact[] = [['ict-industry-revenue', '126 tỷ USD']];
    const dong: Fact[] = [['digital-tech-industry-revenue', '2.900.000 tỷ đồng']];
    assert.deepEqual(asWanted(facts('[[Doanh thu ngành công nghiệp điện tử]] năm 2022 đạt 126 tỷ USD.', cat), usd), usd);
    assert.deepEqual(asWanted(facts('[[Doanh thu ngành công nghiệp điện tử]] năm 2022 đạt 2.900.000 tỷ đồng.', cat), dong), dong);
  });

  it('leaves the name unsettled when no currency is written, or one neither series keeps', () => {
    assert.deepEqual(facts('[[Doanh thu ngành công nghiệp điện tử]] năm 2022 tăng 8%.', cat), []);
    assert.deepEqual(facts('[[Doanh thu ngành công nghiệp điện tử]] năm 2022 đạt 120 tỷ EUR.', cat), []);
  });
});
