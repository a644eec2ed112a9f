/**
 * The findings kept per figure from its sentence (rules/memo.ts findingsInSentence: unit-mismatch,
 * fraction-percent-mismatch, target-claim, parts-total-mismatch) are worked out again when an input
 * changes, and only then are the kept ones reported: the catalog and the indicator bound to the
 * figure (the catalog edited, the draft's text unchanged),
 * the document's uri (two drafts with the same paragraph at the same place share its figures), and a
 * keystroke on the line above (the figures kept, their offsets moved). After each step the findings
 * equal a fresh check's (a new service, every content cache emptied), and they did change where the
 * input changed what they say.
 * Facts: about 70.000 digital technology businesses in 2022 (the Ministry of Information and
 * Communications' year-end conference, https://vov.vn/xa-hoi/nam-2023-se-la-nam-du-lieu-so-viet-nam-doanh-nghiep-viet-di-mo-coi-post991246.vov),
 * the plan's target for 2022 70.000 (https://doanhnghiephoinhap.vn/viet-nam-co-them-hon-3-400-doanh-nghiep-cong-nghe-so-moi-trong-nua-dau-nam-2022.html;
 * the edited catalog's 80.000 is made up);
 * 256 of 896 villages covered by mobile broadband (the fixture
 * test/fixtures/rules/fraction-percent-mismatch/fires.report.md, its percentage wrong on purpose).
 */
import * as assert from 'node:assert/strict';
import { clearContentCaches } from '../../server/src/core/caches';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Finding } from '../../server/src/core/types';

const folder = 'file:///ws/memo';
const catalogUri = `${folder}/.policy-report/indicators.yaml`;

/** The workspace catalog: digital technology businesses, plausible up to `hi`, with the target `target` for 2022. */
const catalog = (hi: number, target: number) =>
  [
    'indicators:',
    '  - id: digital-tech-businesses',
    '    name: Số doanh nghiệp công nghệ số',
    '    measure: stock',
    '    unit: doanh nghiệp',
    '    unitClass: count',
    `    range: [0, ${hi}]`,
    '    targets:',
    `      - value: ${target}`,
    '        period: "2022"',
    '        source: Kế hoạch năm 2022',
    '    description: Số doanh nghiệp công nghệ số đang hoạt động.',
    '',
  ].join('\n');

const draft = (above: string) =>
  [
    '---',
    'session: 3',
    'date: 2023-01-10',
    'period: 2022',
    'title: Phiên họp thứ 3',
    '---',
    '',
    '## Kết quả đạt được',
    '',
    `${above}Cả nước có [[Số doanh nghiệp công nghệ số]] ước đạt 70.000 doanh nghiệp, đạt mục tiêu.`,
    '',
    'Các thôn, bản được phủ sóng băng rộng di động 256/896 thôn, bản, đạt tỷ lệ 30,6%.',
    '',
  ].join('\n');

const RULES = new Set(['unit-mismatch', 'fraction-percent-mismatch', 'target-claim']);
const ours = (findings: Finding[]) => findings.filter((f) => RULES.has(f.code));

async function service(files: Record<string, string>): Promise<LanguageService> {
  const s = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'vi' });
  await s.reloadConfig();
  await s.reloadCatalog();
  await s.indexWorkspace();
  return s;
}

describe("a rule's findings kept per figure from its sentence follow their inputs", function () {
  this.timeout(600000);

  it('the bound indicator changed (catalog edited), another uri, a keystroke above: a fresh check\'s findings each time', async () => {
    const a = `${folder}/a.report.md`;
    const b = `${folder}/b.report.md`;
    const texts: Record<string, string> = { [catalogUri]: catalog(300000, 70000), [a]: draft('') };
    const workspace = new InMemoryWorkspace({ ...texts });
    const warm = new LanguageService({ workspace, folders: [folder], lang: 'vi' });
    await warm.reloadConfig();
    await warm.reloadCatalog();
    await warm.indexWorkspace();
    let version = 1;
    const fresh = async (uri: string) => {
      clearContentCaches();
      const s = await service(texts);
      return s.check(uri, texts[uri], 1);
    };

    const first = ours(warm.check(a, texts[a], ++version));
    assert.deepEqual(first.map((f) => f.code), ['fraction-percent-mismatch'], 'the fixture: 256/896 is 28,57%, not 30,6%; 70.000 is in range and reaches the target');
    assert.equal(first[0].related?.[0].uri, a);

    // The catalog edited: the same figure, now outside its indicator's range and short of its
    // target. The draft's text is the same, so are its figures (parse/assemble.ts): the catalog
    // and the indicator bound to it are new.
    texts[catalogUri] = catalog(50000, 80000);
    workspace.files.set(catalogUri, texts[catalogUri]);
    await warm.reloadCatalog();
    const edited = ours(warm.check(a, texts[a], ++version));
    assert.deepEqual(edited, ours(await fresh(a)), 'after the catalog edit');
    assert.deepEqual(edited.map((f) => f.code).sort(), ['fraction-percent-mismatch', 'target-claim', 'unit-mismatch'], "unit-mismatch or target-claim did not follow the catalog's edit");

    // Another draft with the same text: the same figures (the chunks' models and placements are
    // shared); its findings name its own uri.
    // (a checked again first: fresh() emptied the content caches, the chunks' models with them)
    texts[b] = texts[a];
    const again = ours(warm.check(a, texts[a], ++version));
    const other = ours(warm.check(b, texts[b], ++version));
    assert.equal(again.find((f) => f.code === 'fraction-percent-mismatch')?.related?.[0].uri, a);
    assert.deepEqual(other, ours(await fresh(b)), 'the other draft');
    assert.equal(other.find((f) => f.code === 'fraction-percent-mismatch')?.related?.[0].uri, b, "the other draft's finding names the first draft");

    // Keystrokes on the line above the two paragraphs: their figures kept, their offsets moved.
    for (const above of ['Năm 2022, ', 'Năm 2022 vừa qua, ']) {
      texts[a] = draft(above);
      const typed = ours(warm.check(a, texts[a], ++version));
      assert.deepEqual(typed, ours(await fresh(a)), `typed above: "${above}"`);
      assert.equal(typed.length, 3);
    }
  });
});
