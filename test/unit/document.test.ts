/** The report parser: front matter, sections, references, binding to figures and periods, ignored text. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseReport } from '../../server/src/core/parse/document';
import { frontMatterDate, frontMatterPeriod } from '../../server/src/core/parse/front-matter';
import { fixturesDir, repoRoot } from '../helpers';

const FM = '---\nsession: 2\ndate: 2022-04-27\nperiod: 2022-Q1\ntitle: Phiên họp thứ 2\n---\n';

function refs(body: string) {
  return parseReport(FM + body, 'file:///t.report.md').references;
}

describe('parseReport', () => {
  it('reads the front matter', () => {
    const doc = parseReport(FM + '\n# A\n', 'u');
    assert.equal(doc.frontMatter?.session, 2);
    assert.equal(doc.frontMatter?.date, '2022-04-27');
    assert.equal(doc.frontMatter?.period, '2022-Q1');
    assert.equal(doc.frontMatter?.title, 'Phiên họp thứ 2');
    assert.deepEqual(doc.problems, []);
  });

  it('names each front-matter syntax error once, though the YAML parser repeats one per unclosed bracket', () => {
    const doc = parseReport('---\nsession: {{{\ntitle: a: b\n---\n# A\n', 'u');
    const shown = doc.problems.filter((p) => p.code === 'front-matter').map((p) => `${p.range.start.line}:${p.range.start.character} ${p.message.en}`);
    assert.equal(shown.length, 2, shown.join('\n'));
    assert.match(shown[0], /^2:0 Malformed front matter YAML: Flow map/);
    assert.match(shown[1], /^2:7 Malformed front matter YAML: Nested mappings/);
  });

  it('binds a reference to the first figure after it in its sentence', () => {
    const [r] = refs('Trong quý I/2022, [[kinh tế số]] đóng góp khoảng 53 tỷ USD, tương đương 10,2% GDP.');
    assert.equal(r.name, 'kinh tế số');
    assert.equal(r.figure?.value, 53e9);
    assert.equal(r.figure?.qualifier, 'khoảng');
    assert.equal(r.period, '2022-Q1');
    assert.equal(r.periodSource, 'phrase');
  });

  it('does not bind across sentences or semicolons', () => {
    const [a, b] = refs('[[A]] được quan tâm. Tỷ lệ đạt 42%.\n\n[[B]] đã triển khai; 38/63 tỉnh.');
    assert.equal(a.figure, null);
    assert.equal(b.figure, null);
  });

  it('binds to a figure written right before the reference when none follows', () => {
    const [r] = refs('Có 42/63 [[tỉnh khai trương IOC]]; tiếp theo là 38/63 tỉnh.');
    assert.equal(r.figure?.value, 42);
    assert.equal(r.figure?.denominator, 63);
  });

  it('uses the document period when the sentence has none, and ignores comparison periods', () => {
    const [a, b] = refs('[[A]] đạt 42%.\n\n[[B]] trên 177 triệu hồ sơ, tăng trên 23 triệu so với cuối năm 2022.');
    assert.equal(a.period, '2022-Q1');
    assert.equal(a.periodSource, 'document');
    assert.equal(b.period, '2022-Q1');
    assert.equal(b.figure?.value, 177e6);
    assert.equal(b.figure?.qualifier, 'trên');
  });

  it('gives exact ranges for the reference and its name', () => {
    const doc = parseReport(FM + '\nX [[ tên  A @ TCTK ]] đạt 5%.\n', 'u');
    const [r] = doc.references;
    const line = FM.split('\n').length; // the body line
    assert.deepEqual(r.range, { start: { line, character: 2 }, end: { line, character: 21 } });
    assert.equal(doc.text.slice(doc.lines.offsetAt(r.nameRange.start), doc.lines.offsetAt(r.nameRange.end)), 'tên  A');
    assert.equal(r.name, 'tên A');
    assert.equal(r.compiler, 'TCTK');
  });

  it('binds a table reference to the value cell of its row, with the row period', () => {
    const [r, s] = refs('\n| Chỉ tiêu | Kỳ | Giá trị |\n|---|---|---|\n| [[A]] | 2024-S1 | 42% |\n| [[B]] | quý I/2022 | 50.350 doanh nghiệp |\n');
    assert.equal(r.inTable, true);
    assert.equal(r.figure?.value, 42);
    assert.equal(r.period, '2024-S1');
    assert.equal(s.figure?.value, 50350);
    assert.equal(s.period, '2022-Q1');
  });

  it('ignores code spans, code blocks, indented code and HTML comments', () => {
    const doc = parseReport(
      FM + '\nA `[[x]] 120%` b.\n\n```\n[[y]] 54/53\n```\n\n    [[z]] 1\n\n<!-- [[w]] 9 -->\n\nC <!-- [[v]] --> d.\n',
      'u',
    );
    assert.deepEqual(doc.references, []);
    assert.ok(!doc.figures.some((f) => f.value === 120 || f.value === 54));
  });

  it('builds nested sections with their ranges', () => {
    const doc = parseReport(FM + '\n# Báo cáo\n\n## Kết quả đạt được\n\ntext\n\n## Tồn tại, hạn chế\n\nmore\n', 'u');
    assert.equal(doc.sections.length, 1);
    assert.deepEqual(doc.sections[0].children.map((c) => c.title), ['Kết quả đạt được', 'Tồn tại, hạn chế']);
    assert.equal(doc.sections[0].children[0].range.end.line, doc.sections[0].children[1].range.start.line - 2);
  });

  it('reports missing, unclosed and malformed front matter without throwing', () => {
    assert.match(parseReport('# x\n', 'u').problems[0].message.en, /missing/);
    assert.match(parseReport('---\nsession: 1\n\n# x\n', 'u').problems[0].message.en, /not closed/);
    const bad = parseReport('---\nsession: [1\n---\n', 'u');
    assert.ok(bad.problems.length > 0);
    assert.equal(bad.problems[0].range.start.line >= 1, true);
  });

  it('handles CRLF and a BOM with correct positions', () => {
    const text = '\uFEFF' + FM.replace(/\n/g, '\r\n') + '\r\n[[A]] đạt 42%.\r\n';
    const doc = parseReport(text, 'u');
    assert.equal(doc.frontMatter?.session, 2);
    const [r] = doc.references;
    assert.equal(r.range.start.line, 7);
    assert.equal(r.range.start.character, 0);
    assert.equal(r.figure?.value, 42);
  });
});

describe('frontMatterPeriod and frontMatterDate (the markup detector\'s period and date of a text it has no parse of)', () => {
  const parsed = (text: string): string | null => parseReport(text, 'file:///t.report.md').frontMatter?.period ?? null;
  const parsedDate = (text: string): string | null => parseReport(text, 'file:///t.report.md').frontMatter?.date ?? null;
  const markdown = (dir: string, out: string[] = []): string[] => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) markdown(p, out);
      else if (name.endsWith('.md')) out.push(p);
    }
    return out;
  };

  it('is the period parseReport reads, on every fixture and example', () => {
    const files = [...markdown(fixturesDir), ...markdown(path.join(repoRoot, 'examples'))];
    let withPeriod = 0;
    let withDate = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const t of [text, text.replace(/\r?\n/g, '\r\n'), '\uFEFF' + text]) {
        assert.equal(frontMatterPeriod(t), parsed(t), f);
        assert.equal(frontMatterDate(t), parsedDate(t), f);
      }
      if (frontMatterPeriod(text)) withPeriod++;
      if (frontMatterDate(text)) withDate++;
    }
    assert.ok(files.length >= 100 && withPeriod >= 50 && withDate >= 50, `${withPeriod} and ${withDate} of ${files.length} files with a period and a date`);
  });

  it('reads YAML as the parser does, and a malformed front matter gives null, never a throw', () => {
    const body = '\nTỷ lệ hồ sơ trực tuyến toàn trình đạt 42%.\n';
    const cases: Array<[string, string | null]> = [
      ['---\nsession: 2\nperiod: 2022-Q1\n---\n', '2022-Q1'],
      ['---\nperiod: "2024-S1"\n---\n', '2024-S1'],
      // (the regex this replaces read no period with a comment after it, with lone CRs, or folded)
      ['---\nperiod: 2023-02 # tháng 2\n---\n', '2023-02'],
      ['---\nperiod: 2023\n---\n', '2023'],
      ['---\r\nperiod: 2022-Q1\r\n---\r\n', '2022-Q1'],
      ['---\rperiod: 2022-Q1\r---\r', '2022-Q1'],
      ['---\nperiod: >-\n  2022-Q1\n---\n', '2022-Q1'],
      // The parser reads no period in these (the regex read "2022-Q1" in the malformed, the repeated key, the deep and the long one).
      ['---\nsession: [1\nperiod: 2022-Q1\n---\n', null],
      ['---\nperiod: 2022-Q1\nperiod: 2022-Q2\n---\n', null],
      ['---\nnotes: |\n  period: 2022-Q1\n---\n', null],
      ['---\n- period: 2022-Q1\n---\n', null],
      ['---\nperiod: 2022-Q1\n', null],
      ['---\nperiod: 2022-Q1\n' + `deep: ${'['.repeat(200)}\n---\n`, null],
      ['---\nperiod: 2022-Q1\nnotes: "' + 'x'.repeat(20_000) + '"\n---\n', null],
      ['---\nperiod: [2022-Q1, 2022-Q2]\n---\n', null],
      ['---\nperiod: quý I\n---\n', null],
      ['---\nperiod:\n---\n', null],
      ['---\n---\n', null],
      ['<!-- c -->\n---\nperiod: 2022-Q1\n---\n', null],
      ['', null],
    ];
    for (const [head, period] of cases) {
      const text = head + body;
      assert.equal(frontMatterPeriod(text), period, JSON.stringify(head.slice(0, 80)));
      assert.equal(parsed(text), period, JSON.stringify(head.slice(0, 80)));
    }
  });
});
