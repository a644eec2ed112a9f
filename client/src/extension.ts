/**
 * The VS Code client: starts the policy-report language server, and adds what only the editor
 * can: a status bar item, commands (re-index, export, preview, restart) and the preview plugin.
 */
import * as vscode from 'vscode';
import { vetCatalogPath } from './catalog-path';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type MarkdownIt from 'markdown-it';
import { policyReportPlugin } from './preview';
import { statusText, statusTooltip, type Status } from './status';
import { exportWord, importWord } from './word';
import { cli, setExtensionPath } from './cli-module';
import { firstReferenceOffset } from './walkthrough';
import { CODE_CACHE_ENV } from '../../server/src/boot-env';
import { SERVER_ENV, SERVER_NODE_OPTIONS } from './server-options';

let client: LanguageClient | undefined;


/** Workspace values of policyReport.catalogPath already warned about (once per value). */
const warnedCatalogPaths = new Set<string>();

/** The vetted policyReport.catalogPath for a scope (catalog-path.ts), warning once when a workspace value is refused. */
function catalogPathFor(scopeUri: string | undefined): string | null {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const values = vscode.workspace.getConfiguration('policyReport', scope).inspect<string>('catalogPath') ?? {};
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  const choice = vetCatalogPath(values, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
  if (choice.refused && !warnedCatalogPaths.has(choice.refused)) {
    warnedCatalogPaths.add(choice.refused);
    void vscode.window.showWarningMessage(choice.refused);
  }
  return choice.path;
}

const vi = () => vscode.env.language.toLowerCase().startsWith('vi');

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; extendMarkdownIt(md: MarkdownIt): MarkdownIt }> {
  setExtensionPath(context.extensionPath);
  // The CLI bundle's `lsp` command is the server (out/server.js is the same server alone, for the
  // tests and the benchmark): the .vsix ships one copy of it. out/boot.js loads it through V8's
  // code cache, kept in the extension's global storage (server/src/boot.ts): a start compiles less.
  const serverModule = context.asAbsolutePath('out/boot.js');
  // The language client adds these to the editor's own environment.
  const env = { ...SERVER_ENV, [CODE_CACHE_ENV]: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_OPTIONS, env } },
    debug: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6029'], env: SERVER_ENV } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      // Files and unsaved new reports; not the read-only copies in diff, git or search views.
      { scheme: 'file', language: 'policy-report' },
      { scheme: 'untitled', language: 'policy-report' },
      // Virtual workspaces (e.g. a repository opened from the web): the file itself is checked.
      { scheme: 'vscode-vfs', language: 'policy-report' },
      // The workspace's data files: their unsaved edits count, and their errors are shown on them.
      { scheme: 'file', pattern: '**/.policy-report/indicators.yaml' },
      { scheme: 'file', pattern: '**/.policy-report/config.yaml' },
      { scheme: 'file', pattern: '**/.policy-report/figures.csv' },
      { scheme: 'file', pattern: '**/.policy-report/snippets/*.{json,code-snippets}' },
    ],
    synchronize: {
      configurationSection: 'policyReport',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.policy-report/*.{yaml,csv}'),
        vscode.workspace.createFileSystemWatcher('**/.policy-report/snippets/*.{json,code-snippets}'),
        vscode.workspace.createFileSystemWatcher('**/*.report.md'),
      ],
    },
    outputChannelName: 'Policy Report',
    // Where the server keeps the history's index between sessions (VS Code's storage for this
    // workspace, outside it): unchanged reports are not parsed again at the next start. And the
    // default catalog's parse, for every workspace (the extension's global storage): not parsed
    // again before a new workspace's first diagnostics.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath, globalStoragePath: context.globalStorageUri.fsPath },
    middleware: {
      workspace: {
        // The server reads settings through workspace/configuration: the catalog path it gets is
        // the one the user's trust allows (catalog-path.ts), never a workspace's path to elsewhere.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            const item = params.items[i];
            if (item?.section !== 'policyReport' || !value || typeof value !== 'object') return value;
            return { ...(value as object), catalogPath: catalogPathFor(item.scopeUri) };
          });
        },
      },
    },
  };
  client = new LanguageClient('policyReport', 'Policy Report', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('policyReport.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Policy Report';
  status.command = 'policyReport.reindex';
  context.subscriptions.push(status);

  let pending: NodeJS.Timeout | undefined;
  /** Refreshes the status bar (debounced: diagnostics change often while typing). */
  const refreshStatus = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      if (!client?.isRunning() || !editor || editor.document.languageId !== 'policy-report') {
        status.hide();
        return;
      }
      try {
        const s = await client.sendRequest<Status>('policyReport/status', { uri: editor.document.uri.toString() });
        status.text = statusText(s, vi());
        status.tooltip = new vscode.MarkdownString(statusTooltip(s, vi()), true);
        status.show();
      } catch {
        status.hide();
      }
    }, 300);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('policyReport.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('policyReport.reindex', async () => {
      const r = await client?.sendRequest<{ catalogSize: number; sessions: number; figures: number }>('policyReport/reindex');
      if (r) {
        void vscode.window.showInformationMessage(
          vi()
            ? `Policy Report: đã lập lại chỉ mục (${r.catalogSize} chỉ tiêu, ${r.sessions} phiên, ${r.figures} số liệu).`
            : `Policy Report: re-indexed (${r.catalogSize} indicators, ${r.sessions} sessions, ${r.figures} figures).`,
        );
      }
      refreshStatus();
    }),
    vscode.commands.registerCommand('policyReport.export', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target || !client) return;
      await vscode.workspace.openTextDocument(target);
      const text = await client.sendRequest<string | null>('policyReport/export', { uri: target.toString() });
      if (text === null) return;
      const suggested = vscode.Uri.file(target.fsPath.replace(/\.report\.md$/i, '.md'));
      const dest = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { Markdown: ['md'] } });
      if (!dest) return;
      try {
        if (dest.scheme === 'file') {
          // Atomic, never through a link, never over the report itself (the save dialog has asked
          // before replacing another file).
          await cli().writeFileAtomic(dest.fsPath, text, { force: true, inputs: target.scheme === 'file' ? [target.fsPath] : [] });
        } else await vscode.workspace.fs.writeFile(dest, Buffer.from(text, 'utf8'));
      } catch (e) {
        const why = e instanceof cli().WriteRefused ? (vi() ? e.reason.vi : e.reason.en) : e instanceof Error ? e.message : String(e);
        void vscode.window.showErrorMessage(vi() ? `Không xuất được ${dest.fsPath}: ${why}` : `Could not export ${dest.fsPath}: ${why}`);
        return;
      }
      void vscode.window.showInformationMessage(vi() ? `Đã xuất ${dest.fsPath}` : `Exported ${dest.fsPath}`);
    }),
    vscode.commands.registerCommand('policyReport.exportWord', (uri?: vscode.Uri) => exportWord(uri)),
    vscode.commands.registerCommand('policyReport.importWord', (uri?: vscode.Uri) => importWord(uri)),
    vscode.commands.registerCommand('policyReport.init', () => initCommand()),
    vscode.commands.registerCommand('policyReport.newDraft', (given?: DraftArgs) => newDraftCommand(given)),
    vscode.commands.registerCommand('policyReport.showHistory', () => showHistoryCommand()),
    vscode.commands.registerCommand('policyReport.showPreview', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      // VS Code's Markdown preview renders any text file it is given; the plugin below adds the dialect.
      if (target) await vscode.commands.executeCommand('markdown.showPreviewToSide', target);
    }),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    vscode.languages.onDidChangeDiagnostics(refreshStatus),
    // Back from elsewhere (a terminal's git pull, another program): the server rescans the disk
    // for sessions that changed without a file event (server/src/lsp/reconcile.ts).
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused && client?.isRunning()) void client.sendNotification('policyReport/reconcile').catch(() => undefined);
    }),
  );

  await client.start();
  refreshStatus();
  return {
    client,
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      md.use(policyReportPlugin);
      return md;
    },
  };
}

/** The folder a command works in: the only one, or the one the user picks. */
async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick();
}

/** Policy Report: Create Workspace (cli/init.ts): .policy-report/ and a first report, which it opens. */
async function initCommand(): Promise<void> {
  const folder = await pickFolder();
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vi() ? 'Hãy mở một thư mục trước (File › Open Folder).' : 'Open a folder first (File › Open Folder).');
    return;
  }
  const { initWorkspace, today } = cli();
  try {
    const written = await initWorkspace(folder.uri.fsPath, { date: today() });
    const report = written.find((f) => f.endsWith('.report.md'));
    if (report) await vscode.window.showTextDocument(vscode.Uri.file(report));
    else {
      // The folder already had reports (init writes no first report among them): its settings are shown instead.
      await vscode.window.showTextDocument(vscode.Uri.file(written[0]));
      void vscode.window.showInformationMessage(
        vi()
          ? 'Đã tạo .policy-report/. Thư mục đã có báo cáo nên không tạo báo cáo đầu tiên; lệnh Dự thảo mới cho phiên kế tiếp lập dự thảo từ báo cáo gần nhất.'
          : 'Created .policy-report/. The folder already has reports, so no first report was written; New Draft for the Next Session makes a draft from the last one.',
      );
    }
  } catch (e) {
    const why = e instanceof cli().WriteRefused ? `${vscode.workspace.asRelativePath(e.target)}${vi() ? `: ${e.reason.vi}` : ` ${e.reason.en}`}` : e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(vi() ? `Không tạo được không gian làm việc: ${why}. Không tệp nào được ghi.` : `No workspace created: ${why}. Nothing was written.`);
  }
}

/** The New Draft command's optional arguments (a keybinding's `args`, the e2e walkthrough test): a valid one is not asked. */
interface DraftArgs {
  date?: string;
  period?: string;
}

/**
 * Policy Report: New Draft for the Next Session. The last session's report (the highest session
 * number, then the latest date) becomes the next one's draft (core/new-draft.ts): the date and the
 * period are asked, with guesses filled in (unless given as valid arguments); the new file is
 * created by a WorkspaceEdit (undoable, never over an existing file) and opened.
 */
async function newDraftCommand(given?: DraftArgs): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return;
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.report.md'), '**/node_modules/**', 5000);
  const { isIsoDate, isPeriodCode, lastSession, nextDraft, nextPeriod, sessionOf, today } = cli();
  const reports: Array<{ uri: vscode.Uri; text: string }> = [];
  for (const uri of uris) {
    // Open documents first (their unsaved text), else the disk's.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    reports.push({ uri, text });
  }
  const last = lastSession(reports);
  if (!last) {
    const init = vi() ? 'Tạo không gian làm việc' : 'Create workspace';
    const choice = await vscode.window.showWarningMessage(vi() ? 'Chưa có báo cáo nào có số phiên hoặc ngày.' : 'No report has a session number or a date yet.', init);
    if (choice === init) await initCommand();
    return;
  }
  const date = typeof given?.date === 'string' && isIsoDate(given.date.trim()) ? given.date : await vscode.window.showInputBox({
    title: vi() ? 'Ngày của phiên mới' : 'Date of the new session',
    prompt: 'YYYY-MM-DD',
    value: today(),
    validateInput: (v) => (isIsoDate(v.trim()) ? undefined : vi() ? 'Ngày dạng YYYY-MM-DD, ví dụ 2025-02-20' : 'A date as YYYY-MM-DD, e.g. 2025-02-20'),
  });
  if (date === undefined) return;
  const lastPeriod = /^period:[ \t]*["']?([^"'\r\n#]*?)["']?[ \t]*$/m.exec(last.text.slice(0, 4096))?.[1];
  const period = typeof given?.period === 'string' && isPeriodCode(given.period.trim()) ? given.period : await vscode.window.showInputBox({
    title: vi() ? 'Kỳ báo cáo mặc định của phiên mới' : 'Default period of the new session',
    prompt: vi() ? `Mã kỳ: 2024, 2024-S1, 2024-Q3, 2024-07, 2024-07-10 (phiên trước: ${lastPeriod ?? '?'})` : `A period code: 2024, 2024-S1, 2024-Q3, 2024-07, 2024-07-10 (last session: ${lastPeriod ?? '?'})`,
    value: nextPeriod(lastPeriod, date.trim()) ?? '',
    validateInput: (v) => (isPeriodCode(v.trim()) ? undefined : vi() ? 'Một mã kỳ, ví dụ 2024 hoặc 2024-S1' : 'A period code, e.g. 2024 or 2024-S1'),
  });
  if (period === undefined) return;
  const draft = nextDraft(last.text, { date: date.trim(), period: period.trim(), today: today() }, last.uri.toString());
  const target = vscode.Uri.joinPath(last.uri, '..', draft.fileName);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(draft.text, 'utf8') });
  const { session } = sessionOf(last.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vi() ? `Không tạo được ${vscode.workspace.asRelativePath(target)} (tệp đã có?).` : `Could not create ${vscode.workspace.asRelativePath(target)} (does it exist already?).`);
    return;
  }
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(
    vi()
      ? `Dự thảo phiên ${draft.session ?? '?'} lập từ phiên ${session ?? '?'}: điền các giá trị "…".`
      : `Draft of session ${draft.session ?? '?'} made from session ${session ?? '?'}: fill in each "…".`,
  );
}

/**
 * Policy Report: Show an Indicator's History (the walkthrough's hover step): the report in front (the
 * active one, else a visible or open one, else the workspace's last session) gets the focus, its
 * cursor goes to the first reference, and the hover with the indicator's history is shown.
 */
async function showHistoryCommand(): Promise<void> {
  const isReport = (d: vscode.TextDocument) => d.languageId === 'policy-report';
  let doc = [vscode.window.activeTextEditor?.document, ...vscode.window.visibleTextEditors.map((e) => e.document), ...vscode.workspace.textDocuments].find((d) => d && isReport(d));
  if (!doc) {
    const uris = await vscode.workspace.findFiles('**/*.report.md', '**/node_modules/**', 5000);
    const reports: Array<{ uri: vscode.Uri; text: string }> = [];
    for (const uri of uris) reports.push({ uri, text: Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8') });
    const last = cli().lastSession(reports);
    if (last) doc = await vscode.workspace.openTextDocument(last.uri);
  }
  if (!doc) {
    void vscode.window.showWarningMessage(vi() ? 'Chưa có báo cáo nào: hãy tạo không gian làm việc trước.' : 'There is no report yet: create the workspace first.');
    return;
  }
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const at = firstReferenceOffset(doc.getText());
  if (at === undefined) {
    void vscode.window.showInformationMessage(vi() ? 'Báo cáo chưa có chỉ tiêu nào trong [[ ]]: gõ [[ để chọn một chỉ tiêu.' : 'The report has no [[indicator]] yet: type [[ to pick one.');
    return;
  }
  const position = doc.positionAt(at);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
