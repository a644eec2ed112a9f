/** Helpers for the e2e suite: vscode API only; every wait is on an event and has a time limit. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'policy-report.policy-report';

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function codesOf(diags: readonly vscode.Diagnostic[]): string[] {
  return diags.map(codeOf);
}

/** Resolves when `pred` holds for the document's diagnostics (checked at once and on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (d: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (pred(now)) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.path} did not arrive in ${timeoutMs} ms; now: ${JSON.stringify(codesOf(vscode.languages.getDiagnostics(uri)))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (pred(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...segments);
}

/** Writes a file through VS Code's file service (as another program or a git pull would change it on disk). */
export async function writeWorkspaceFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function readWorkspaceFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The rule ids the installed extension declares (package.json `policyReport.rules`, kept equal to the registry by a unit test). */
export function declaredRuleIds(): string[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const props = ext?.packageJSON?.contributes?.configuration?.properties?.['policyReport.rules']?.properties ?? {};
  return Object.keys(props);
}

/** Resolves with the first tab (of any group) for which `pred` holds: at once, or when the tabs change. */
export function waitForTab(pred: (t: vscode.Tab) => boolean, timeoutMs = 20000): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(pred);
  return waitFor(find, (fire) => vscode.window.tabGroups.onDidChangeTabs(fire), timeoutMs, () => `no such tab in ${timeoutMs} ms; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`);
}

/** Resolves with the active text editor once `pred` holds for it (at once, or when the active editor changes). */
export function waitForActiveEditor(pred: (e: vscode.TextEditor) => boolean, timeoutMs = 20000): Promise<vscode.TextEditor> {
  const find = () => (vscode.window.activeTextEditor && pred(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : undefined);
  return waitFor(find, (fire) => vscode.window.onDidChangeActiveTextEditor(fire), timeoutMs, () => `no such active editor in ${timeoutMs} ms; active: ${vscode.window.activeTextEditor?.document.uri.path ?? 'none'}`);
}

/** `find()` now or after one of `event`'s firings; rejects with `why()` after `timeoutMs`. */
function waitFor<T>(find: () => T | undefined, event: (fire: () => void) => vscode.Disposable, timeoutMs: number, why: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = find();
    if (now !== undefined) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(why()));
    }, timeoutMs);
    const sub = event(() => {
      const found = find();
      if (found === undefined) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(found);
    });
  });
}
