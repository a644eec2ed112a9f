/**
 * The editor's Word commands. Export to Word: the report's current text (unsaved edits included) as
 * the official .docx (server/src/io/word.ts: the ND 30/2020 layout or the team's
 * .policy-report/template.docx). Import a Word report: each chosen .docx read (mammoth), turned into a
 * dialect report with the indicators marked as the checker reads them (core/word/import.ts, the
 * workspace's catalog), the session, date and period asked for when they were not found for sure,
 * written atomically as a .report.md beside it, and opened.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPeriodCode } from '../../server/src/core/parse/period-codes';
import type { ImportOptions, ImportResult } from '../../server/src/core/word/import';
import { WriteRefused, writeFileAtomic } from '../../server/src/io/write';
import { cli } from './cli-module';

const vi = () => vscode.env.language.toLowerCase().startsWith('vi');
const t = (viText: string, en: string) => (vi() ? viText : en);

function folderOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.dirname(uri.fsPath);
}

function whyText(e: unknown): string {
  return e instanceof WriteRefused ? (vi() ? e.reason.vi : e.reason.en) : e instanceof Error ? e.message : String(e);
}

/** Policy Report: Export to Word. */
export async function exportWord(uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || target.scheme !== 'file') {
    void vscode.window.showWarningMessage(t('Hãy mở một tệp báo cáo (.report.md) trên đĩa.', 'Open a report file (.report.md) on disk first.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const dest = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(target.fsPath.replace(/(\.report)?\.md$/i, '') + '.docx'), filters: { Word: ['docx'] } });
  if (!dest) return;
  try {
    const { bytes, template } = await cli().reportToDocx(doc.getText(), target.fsPath, folderOf(target));
    if (dest.scheme === 'file') await writeFileAtomic(dest.fsPath, bytes, { force: true, inputs: [target.fsPath] });
    else await vscode.workspace.fs.writeFile(dest, bytes);
    void vscode.window.showInformationMessage(
      template ? t(`Đã xuất ${dest.fsPath} theo mẫu ${template}`, `Exported ${dest.fsPath} with the template ${template}`) : t(`Đã xuất ${dest.fsPath} (thể thức Nghị định 30/2020/NĐ-CP)`, `Exported ${dest.fsPath} (Nghị định 30/2020/NĐ-CP format)`),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(t(`Không xuất được ${dest.fsPath}: ${whyText(e)}`, `Could not export ${dest.fsPath}: ${whyText(e)}`));
  }
}

/** Asks for the front matter fields the import was unsure of, the guesses pre-filled; undefined if cancelled. */
async function askUnsure(result: ImportResult, file: string): Promise<ImportOptions | undefined> {
  const options: ImportOptions = {};
  const name = path.basename(file);
  for (const field of result.unsure) {
    const guess = result[field];
    const from = guess.value === null ? t('không tìm thấy', 'not found') : t(`đoán từ ${guess.source}: ${guess.evidence ?? ''}`, `guessed from the ${guess.source}: ${guess.evidence ?? ''}`);
    const prompts = {
      session: [t('Số phiên họp', 'Session number'), (v: string) => (/^[1-9]\d*$/.test(v) ? null : t('Một số nguyên dương', 'A positive integer'))],
      date: [t('Ngày họp (YYYY-MM-DD)', 'Session date (YYYY-MM-DD)'), (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'YYYY-MM-DD')],
      period: [t('Kỳ báo cáo (2024, 2024-S1, 2024-Q3…)', 'Reporting period (2024, 2024-S1, 2024-Q3…)'), (v: string) => (isPeriodCode(v) ? null : t('Không phải mã kỳ', 'Not a period code'))],
    } as const;
    const [prompt, validate] = prompts[field];
    const value = await vscode.window.showInputBox({ title: `${name}: ${prompt}`, prompt: from, value: guess.value === null ? '' : String(guess.value), validateInput: validate, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    if (field === 'session') options.session = Number(value);
    else options[field] = value;
  }
  return options;
}

/** Policy Report: Import a Word report. */
export async function importWord(uri?: vscode.Uri): Promise<void> {
  const picked = uri ? [uri] : await vscode.window.showOpenDialog({ canSelectMany: true, filters: { Word: ['docx'] }, openLabel: t('Nhập', 'Import') });
  if (!picked?.length) return;
  for (const docx of picked) {
    if (docx.scheme !== 'file') continue;
    const read = await cli().readBytesFile(docx.fsPath, { maxBytes: cli().MAX_DOCX_BYTES });
    if (!('bytes' in read)) {
      void vscode.window.showErrorMessage(t(`Không đọc được ${docx.fsPath}: ${read.why.vi}`, `Cannot read ${docx.fsPath}: ${read.why.en}`));
      continue;
    }
    let blocks;
    try {
      blocks = (await cli().docxBlocks(read.bytes)).blocks;
    } catch (e) {
      void vscode.window.showErrorMessage(t(`${docx.fsPath} không phải tệp Word .docx: ${whyText(e)}`, `${docx.fsPath} is not a Word .docx file: ${whyText(e)}`));
      continue;
    }
    const root = folderOf(docx);
    const service = new (cli().LanguageService)({ workspace: cli().createDiskWorkspace(), folders: [vscode.Uri.file(root).toString()] });
    await service.reloadCatalog();
    let result = cli().importReport(blocks, service.catalogs.catalog, { fileName: path.basename(docx.fsPath) });
    if (result.unsure.length) {
      const given = await askUnsure(result, docx.fsPath);
      if (!given) continue;
      result = cli().importReport(blocks, service.catalogs.catalog, { fileName: path.basename(docx.fsPath), session: result.session.value ?? undefined, date: result.date.value ?? undefined, period: result.period.value ?? undefined, ...given });
    }
    const dest = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(docx.fsPath.replace(/\.docx$/i, '') + '.report.md'), filters: { 'Policy Report': ['md'] } });
    if (!dest) continue;
    try {
      await writeFileAtomic(dest.fsPath, result.text, { force: true, inputs: [docx.fsPath] });
    } catch (e) {
      void vscode.window.showErrorMessage(t(`Không ghi được ${dest.fsPath}: ${whyText(e)}`, `Could not write ${dest.fsPath}: ${whyText(e)}`));
      continue;
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dest));
    const ambiguous = result.ambiguous.map((a) => `"${a.text}" (${vi() ? a.message.vi : a.message.en})`).join('; ');
    void vscode.window.showInformationMessage(
      t(`Đã nhập ${path.basename(docx.fsPath)}: đánh dấu ${result.marked.length} chỉ tiêu, ${result.ambiguous.length} trường hợp chưa chắc${ambiguous ? `: ${ambiguous}` : ''}.`, `Imported ${path.basename(docx.fsPath)}: ${result.marked.length} indicators marked, ${result.ambiguous.length} left ambiguous${ambiguous ? `: ${ambiguous}` : ''}.`),
    );
  }
}
