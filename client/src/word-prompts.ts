/**
 * The pure parts of the editor's Word commands (word.ts), apart from `vscode` so that they are tested
 * without an editor: the default file names, the question asked for each front matter field the
 * import was unsure of (its title, the evidence, the guess pre-filled, the check of the answer),
 * the options of the second reading, and the summary shown after an import.
 */
import * as path from 'node:path';
import { isPeriodCode } from '../../server/src/core/parse/period-codes';
import type { ImportOptions, ImportResult } from '../../server/src/core/word/import';

export type Lang = 'vi' | 'en';
const pick = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

/** The .docx beside a report: "a.report.md" → "a.docx". */
export const docxTarget = (report: string): string => report.replace(/(\.report)?\.md$/i, '') + '.docx';
/** The report beside a .docx: "a.docx" → "a.report.md". */
export const reportTarget = (docx: string): string => docx.replace(/\.docx$/i, '') + '.report.md';

export interface FieldPrompt {
  title: string;
  prompt: string;
  value: string;
  /** Null when the answer is valid, else why not. */
  validate: (value: string) => string | null;
}

/** The question for one field the import was unsure of, the guess pre-filled. */
export function fieldPrompt(field: ImportResult['unsure'][number], result: ImportResult, file: string, lang: Lang): FieldPrompt {
  const guess = result[field];
  const prompt = guess.value === null ? pick(lang, 'không tìm thấy', 'not found') : pick(lang, `đoán từ ${guess.source}: ${guess.evidence ?? ''}`, `guessed from the ${guess.source}: ${guess.evidence ?? ''}`);
  const questions = {
    session: [pick(lang, 'Số phiên họp', 'Session number'), (v: string) => (/^[1-9]\d*$/.test(v) ? null : pick(lang, 'Một số nguyên dương', 'A positive integer'))],
    date: [pick(lang, 'Ngày họp (YYYY-MM-DD)', 'Session date (YYYY-MM-DD)'), (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDate(v) ? null : 'YYYY-MM-DD')],
    period: [pick(lang, 'Kỳ báo cáo (2024, 2024-S1, 2024-Q3…)', 'Reporting period (2024, 2024-S1, 2024-Q3…)'), (v: string) => (isPeriodCode(v) ? null : pick(lang, 'Không phải mã kỳ', 'Not a period code'))],
  } as const;
  const [question, validate] = questions[field];
  return { title: `${path.basename(file)}: ${question}`, prompt, value: guess.value === null ? '' : String(guess.value), validate };
}

function isRealDate(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** One answer given to a question, into the import's options. */
export function answer(options: ImportOptions, field: ImportResult['unsure'][number], value: string): void {
  if (field === 'session') options.session = Number(value);
  else options[field] = value;
}

/** The options of the second reading: what was found kept, the answers over it. */
export function secondReading(result: ImportResult, given: ImportOptions, fileName: string, stored?: ImportOptions['stored']): ImportOptions {
  return { fileName, stored, session: result.session.value ?? undefined, date: result.date.value ?? undefined, period: result.period.value ?? undefined, ...given };
}

/** The message after an import: how many indicators were marked, what was left ambiguous and why. */
export function importSummary(result: ImportResult, file: string, lang: Lang): string {
  const name = path.basename(file);
  const ambiguous = result.ambiguous.map((a) => `"${a.text}" (${lang === 'vi' ? a.message.vi : a.message.en})`).join('; ');
  return pick(
    lang,
    `Đã nhập ${name}: đánh dấu ${result.marked.length} chỉ tiêu, ${result.ambiguous.length} trường hợp chưa chắc${ambiguous ? `: ${ambiguous}` : ''}.`,
    `Imported ${name}: ${result.marked.length} indicators marked, ${result.ambiguous.length} left ambiguous${ambiguous ? `: ${ambiguous}` : ''}.`,
  );
}
