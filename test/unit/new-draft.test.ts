/**
 * The next session's draft (core/new-draft.ts): the period guessed from the last one and the date,
 * the file name moved on, the last session picked, and the draft itself: the last report's
 * headings in order, every reference kept with its value emptied, and nothing the checker objects to.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lastSession, nextDraft, nextFileName, nextPeriod, sessionOf, VALUE_PLACEHOLDER } from '../../server/src/core/new-draft';
import { parseReport } from '../../server/src/core/parse/document';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Section } from '../../server/src/core/parse/model';
import { repoRoot } from '../helpers';

const examples = path.join(repoRoot, 'examples');
const session9 = readFileSync(path.join(examples, 'phien-09-2024-07-10.report.md'), 'utf8');

function titles(sections: Section[], out: string[] = []): string[] {
  for (const s of sections) {
    out.push(`${s.level}:${s.title}`);
    titles(s.children, out);
  }
  return out;
}

describe('new draft: the period guessed', () => {
  const cases: Array<[string | undefined, string, string | null]> = [
    ['2024', '2025-02-20', '2025'],
    ['2024-S1', '2025-02-20', '2024-S2'],
    ['2024-S1', '2024-12-20', '2024-S2'],
    ['2024-S2', '2025-08-01', '2025-S1'],
    ['2022-Q1', '2022-07-22', '2022-Q2'],
    ['2022-Q4', '2023-02-25', '2023-Q1'],
    ['2023-Q1', '2023-11-02', '2023-Q3'],
    ['2023-02', '2023-05-10', '2023-04'],
    ['2023-12', '2024-01-05', '2024-01'],
    ['2023-YTD06', '2023-10-01', '2023-YTD09'],
    ['2023-02-25', '2023-06-30', '2023-06-30'],
    [undefined, '2023-06-30', null],
    ['quý 1', '2023-06-30', null],
  ];
  // A year: the year that ended before the date, unless that is not later than the last one.
  cases.push(['2023', '2025-02-20', '2024']);
  for (const [last, date, want] of cases) {
    it(`${last ?? '(none)'} then a session on ${date} → ${want}`, () => assert.equal(nextPeriod(last, date), want));
  }
});

describe('new draft: names and the last session', () => {
  it('moves the file name on: the number (its padding kept) and the date', () => {
    assert.equal(nextFileName('phien-09-2024-07-10.report.md', { session: 9, date: '2024-07-10' }, { session: 10, date: '2025-02-20' }), 'phien-10-2025-02-20.report.md');
    assert.equal(nextFileName('phien-3.report.md', { session: 3, date: null }, { session: 4, date: '2025-02-20' }), 'phien-4.report.md');
    // A name with neither: a new name, not the last report's (which would be refused anyway).
    assert.equal(nextFileName('bao-cao.report.md', { session: 3, date: '2024-01-01' }, { session: 4, date: '2025-02-20' }), 'phien-04-2025-02-20.report.md');
  });

  it('reads the session and date of a front matter, and picks the highest session, then the latest date', () => {
    assert.deepEqual(sessionOf('---\nsession: 12\ndate: "2025-03-01"\n---\n'), { session: 12, date: '2025-03-01' });
    assert.deepEqual(sessionOf('no front matter'), { session: null, date: null });
    const r = (session: number, date: string) => ({ text: `---\nsession: ${session}\ndate: ${date}\n---\n`, id: `${session}@${date}` });
    assert.equal(lastSession([r(9, '2024-07-10'), r(10, '2025-02-20'), r(2, '2022-04-27')])?.id, '10@2025-02-20');
    assert.equal(lastSession([r(5, '2023-02-25'), r(5, '2023-03-01')])?.id, '5@2023-03-01');
    assert.equal(lastSession([{ text: 'no front matter', id: 'x' }]), undefined);
  });
});

describe('new draft from session 9 of the examples', () => {
  const draft = nextDraft(session9, { date: '2025-02-20', today: '2025-01-01' }, 'file:///w/phien-09-2024-07-10.report.md');
  const last = parseReport(session9, 'file:///w/phien-09-2024-07-10.report.md');
  const next = parseReport(draft.text, 'file:///w/phien-10.report.md');

  it('moves the front matter on: session, date, guessed period, the title\'s number', () => {
    assert.equal(draft.session, 10);
    assert.equal(next.frontMatter?.session, 10);
    assert.equal(next.frontMatter?.date, '2025-02-20');
    assert.equal(next.frontMatter?.period, '2024-S2');
    assert.match(String(next.frontMatter?.title), /Phiên họp thứ 10 /);
    assert.equal(next.frontMatter?.data.committee, last.frontMatter?.data.committee);
    assert.equal(draft.fileName, 'phien-10-2025-02-20.report.md');
    assert.deepEqual(next.problems, []);
  });

  it('an asked date and period win over the guesses', () => {
    const d = nextDraft(session9, { date: '2024-12-28', period: '2024', today: '2025-01-01' });
    assert.equal(d.date, '2024-12-28');
    assert.equal(d.period, '2024');
    assert.equal(nextDraft(session9, { today: '2025-01-01' }).date, '2025-01-01');
  });

  it('keeps the headings in their order and every reference, each with its value emptied', () => {
    assert.deepEqual(titles(next.sections).map((t) => t.replace(/\b9\b/, '10')), titles(last.sections).map((t) => t.replace(/\b9\b/, '10')));
    assert.deepEqual(new Set(next.references.map((r) => r.written)), new Set(last.references.map((r) => r.written)));
    for (const r of next.references) {
      // The one figure left is a target the last report wrote beside the value ("mục tiêu 48.000").
      assert.ok(!r.figure || r.figure.role === 'target', `${r.written}: ${r.figure?.raw}`);
    }
    assert.ok(draft.text.includes(`đạt ${VALUE_PLACEHOLDER}% <!-- phiên 9, 10/7/2024: đạt 42% -->`), draft.text);
    assert.ok(draft.text.includes(`| [[Tăng trưởng kinh tế số]] | 2024-S2 | ước đạt ${VALUE_PLACEHOLDER}% | |`), 'table rows keep their cells; the period moves on');
  });

  it('is checked against the examples without an error or a warning', async () => {
    const folder = 'file:///w';
    const files: Record<string, string> = {};
    for (const f of ['indicators.yaml', 'figures.csv']) files[`${folder}/.policy-report/${f}`] = readFileSync(path.join(examples, '.policy-report', f), 'utf8');
    files[`${folder}/phien-09-2024-07-10.report.md`] = session9;
    files[`${folder}/${draft.fileName}`] = draft.text;
    const s = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
    await s.reloadCatalog();
    await s.indexWorkspace();
    const findings = s.check(`${folder}/${draft.fileName}`, draft.text, 1).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(findings.map((f) => `${f.range.start.line + 1} ${f.code}: ${f.message}`), []);
  });

  it('a report without front matter or headings still gives a draft to fill', () => {
    const d = nextDraft('Chỉ một câu về [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 40%.\n', { today: '2025-01-01' });
    assert.equal(d.session, null);
    assert.match(d.text, /^---\ndate: 2025-01-01\n---\n/);
  });
});
