/**
 * The editor's Word commands. Export to Word: the report's current text (unsaved edits included) as
 * the official .docx (server/src/io/word.ts: the ND 30/2020 layout or the team's
 * .policy-report/template.docx). Import a Word report: each chosen .docx read (core/word/ooxml-read.ts), turned into a
 * dialect report with the indicators marked as the checker reads them (core/word/import.ts, the
 * workspace's catalog), the session, date and period asked for when they were not found for sure,
 * written atomically as a .report.md beside it, and opened.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ImportOptions, ImportResult } from '../../server/src/core/word/import';
import { cli } from './cli-module';
import { answer, docxTarget, fieldPrompt, importSummary, reportTarget, secondReading } from './word-prompts';

const vi = () => vscode.env.language.toLowerCase().startsWith('vi');
const t = (viText: string, en: string) => (vi() ? viText : en);

function folderOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.dirname(uri.fsPath);
}

function whyText(e: unknown): string {
  if (e instanceof cli().WriteRefused) return vi() ? e.reason.vi : e.reason.en;
  // A refused .docx (io/word.ts DocxRefused, thrown inside out/cli.js: another class than this bundle's) says why in both languages.
  const why = (e as { why?: { vi?: unknown; en?: unknown } } | null)?.why;
  if (why && typeof why.vi === 'string' && typeof why.en === 'string') return vi() ? why.vi : why.en;
  return e instanceof Error ? e.message : String(e);
}

/** Policy Report: Export to Word. */
export async function exportWord(uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || target.scheme !== 'file') {
    void vscode.window.showWarningMessage(t('Hãy mở một tệp báo cáo (.report.md) trên đĩa.', 'Open a report file (.report.md) on disk first.'));
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const dest = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(docxTarget(target.fsPath)), filters: { Word: ['docx'] } });
  if (!dest) return;
  try {
    const { bytes, template } = await cli().reportToDocx(doc.getText(), target.fsPath, folderOf(target));
    if (dest.scheme === 'file') await cli().writeFileAtomic(dest.fsPath, bytes, { force: true, inputs: [target.fsPath] });
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
  for (const field of result.unsure) {
    const q = fieldPrompt(field, result, file, vi() ? 'vi' : 'en');
    const value = await vscode.window.showInputBox({ title: q.title, prompt: q.prompt, value: q.value, validateInput: q.validate, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    answer(options, field, value);
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
    let blocks, stored;
    try {
      ({ blocks, stored } = await cli().docxBlocks(read.bytes));
    } catch (e) {
      void vscode.window.showErrorMessage(t(`${docx.fsPath} không phải tệp Word .docx: ${whyText(e)}`, `${docx.fsPath} is not a Word .docx file: ${whyText(e)}`));
      continue;
    }
    const root = folderOf(docx);
    const service = new (cli().LanguageService)({ workspace: cli().createDiskWorkspace(), folders: [vscode.Uri.file(root).toString()] });
    await service.reloadCatalog();
    let result = cli().importReport(blocks, service.catalogs.catalog, { fileName: path.basename(docx.fsPath), stored });
    if (result.unsure.length) {
      const given = await askUnsure(result, docx.fsPath);
      if (!given) continue;
      result = cli().importReport(blocks, service.catalogs.catalog, secondReading(result, given, path.basename(docx.fsPath), stored));
    }
    const dest = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(reportTarget(docx.fsPath)), filters: { 'Policy Report': ['md'] } });
    if (!dest) continue;
    try {
      await cli().writeFileAtomic(dest.fsPath, result.text, { force: true, inputs: [docx.fsPath] });
    } catch (e) {
      void vscode.window.showErrorMessage(t(`Không ghi được ${dest.fsPath}: ${whyText(e)}`, `Could not write ${dest.fsPath}: ${whyText(e)}`));
      continue;
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dest));
    void vscode.window.showInformationMessage(importSummary(result, docx.fsPath, vi() ? 'vi' : 'en'));
  }
}
