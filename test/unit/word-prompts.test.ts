/**
 * The editor's Word commands without an editor (client/src/word-prompts.ts): default file names,
 * the questions for the fields an import was unsure of and the checks of their answers, the second
 * reading's options, the summary after an import.
 */
import * as assert from 'node:assert/strict';
import { answer, docxTarget, fieldPrompt, importSummary, reportTarget, secondReading } from '../../client/src/word-prompts';
import type { ImportOptions, ImportResult } from '../../server/src/core/word/import';

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  text: '',
  session: { value: null, source: null },
  date: { value: '2022-07-22', source: 'body', evidence: 'ngày 22 tháng 7 năm 2022' },
  period: { value: '2022-S1', source: 'title', evidence: '6 tháng đầu năm 2022' },
  title: 'T',
  unsure: ['session', 'date'],
  marked: [],
  ambiguous: [],
  indicatorTables: 0,
  ...over,
});

describe('word commands: the pure parts', () => {
  it('default names: the .docx beside a report, the report beside a .docx', () => {
    assert.equal(docxTarget('/w/phien-03.report.md'), '/w/phien-03.docx');
    assert.equal(docxTarget('/w/ghi-chu.md'), '/w/ghi-chu.docx');
    assert.equal(reportTarget('/w/Bao cao.DOCX'), '/w/Bao cao.report.md');
  });

  it('the questions: evidence shown, the guess pre-filled, answers checked', () => {
    const r = result();
    const session = fieldPrompt('session', r, '/w/bao-cao.docx', 'en');
    assert.deepEqual([session.title, session.prompt, session.value], ['bao-cao.docx: Session number', 'not found', '']);
    assert.equal(session.validate('3'), null);
    for (const bad of ['0', '-1', '3.5', 'ba', '']) assert.equal(session.validate(bad), 'A positive integer', bad);
    const date = fieldPrompt('date', r, '/w/bao-cao.docx', 'vi');
    assert.deepEqual([date.title, date.prompt, date.value], ['bao-cao.docx: Ngày họp (YYYY-MM-DD)', 'đoán từ body: ngày 22 tháng 7 năm 2022', '2022-07-22']);
    assert.equal(date.validate('2022-07-22'), null);
    for (const bad of ['2022-02-30', '22/07/2022', '2022-7-22']) assert.equal(date.validate(bad), 'YYYY-MM-DD', bad);
    const period = fieldPrompt('period', r, 'a.docx', 'vi');
    assert.equal(period.validate('2024-S1'), null);
    assert.equal(period.validate('năm ngoái'), 'Không phải mã kỳ');
  });

  it('the second reading: what was found kept, the answers over it, the stored fields passed on', () => {
    const given: ImportOptions = {};
    answer(given, 'session', '3');
    answer(given, 'date', '2022-07-21');
    assert.deepEqual(given, { session: 3, date: '2022-07-21' });
    assert.deepEqual(secondReading(result(), given, 'a.docx', { period: '2022' }), { fileName: 'a.docx', stored: { period: '2022' }, session: 3, date: '2022-07-21', period: '2022-S1' });
  });

  it('the summary names what was marked and what was left ambiguous, and why', () => {
    const r = result({
      marked: [{ name: 'A', indicator: 'a', figure: '1', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
      ambiguous: [{ text: 'doanh thu', reason: 'several', message: { vi: 'nhiều chỉ tiêu', en: 'several indicators' }, candidates: ['x', 'y'], range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } } }],
    });
    assert.equal(importSummary(r, '/w/a.docx', 'en'), 'Imported a.docx: 1 indicators marked, 1 left ambiguous: "doanh thu" (several indicators).');
    assert.equal(importSummary(result(), '/w/a.docx', 'vi'), 'Đã nhập a.docx: đánh dấu 0 chỉ tiêu, 0 trường hợp chưa chắc.');
  });
});
