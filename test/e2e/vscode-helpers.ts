/**
 * Helpers for the e2e suite: vscode API only. Every wait ends on its event (diagnostics changed, the
 * tabs or the active editor changed), never on a clock of its own: a wait that never ends is ended by
 * mocha's time limit for the test (test/e2e/index.ts), whose failure then says what was awaited
 * (`pendingWaits`) and whose afterEach hook drops the wait's listener (`endPendingWaits`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'policy-report.policy-report';

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function codesOf(diags: readonly vscode.Diagnostic[]): string[] {
  return diags.map(codeOf);
}

/** Resolves when `pred` holds for the document's diagnostics (checked at once and on every change of them). */
export function waitForDiagnostics(uri: vscode.Uri, pred: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  const find = () => {
    const d = vscode.languages.getDiagnostics(uri);
    return pred(d) ? d : undefined;
  };
  const event = (fire: () => void) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) fire();
    });
  return waitFor(find, event, () => `diagnostics of ${uri.path} (${pred.toString()}); now: ${JSON.stringify(codesOf(vscode.languages.getDiagnostics(uri)))}`);
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
export function waitForTab(pred: (t: vscode.Tab) => boolean): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(pred);
  return waitFor(find, (fire) => vscode.window.tabGroups.onDidChangeTabs(fire), () => `a tab (${pred.toString()}); tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`);
}

/**
 * Resolves once the document has no unsaved changes: at once, or when it is saved (by a save the
 * test asked for, or by the web workbench's own auto save, which may be under way when the test's
 * `save()` is called and make that call answer false while the document is still dirty).
 */
export function waitForClean(doc: vscode.TextDocument): Promise<vscode.TextDocument> {
  const find = () => (doc.isDirty ? undefined : doc);
  const event = (fire: () => void) => {
    const subs = [
      vscode.workspace.onDidSaveTextDocument((d) => d === doc && fire()),
      vscode.workspace.onDidChangeTextDocument((e) => e.document === doc && fire()),
    ];
    return vscode.Disposable.from(...subs);
  };
  return waitFor(find, event, () => `${doc.uri.path} saved; dirty now: ${doc.isDirty}`);
}

/**
 * Resolves with the file's text on disk once `pred` holds for it: at once, or after a later save of
 * the file (the web workbench's auto save may still be writing an earlier version when a test's own
 * save answers; the save after it writes the edit).
 */
export function waitForDisk(uri: vscode.Uri, pred: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (done || !pred(text)) return;
      done = true;
      wait.sub.dispose();
      pending.delete(wait);
      resolve(text);
    };
    const wait = {
      why: () => `${uri.path} on disk as expected`,
      sub: vscode.workspace.onDidSaveTextDocument((d) => void (d.uri.toString() === uri.toString() && check().catch(reject))),
    };
    pending.add(wait);
    check().catch(reject);
  });
}

/** Resolves with the active text editor once `pred` holds for it (at once, or when the active editor changes). */
export function waitForActiveEditor(pred: (e: vscode.TextEditor) => boolean): Promise<vscode.TextEditor> {
  const find = () => (vscode.window.activeTextEditor && pred(vscode.window.activeTextEditor) ? vscode.window.activeTextEditor : undefined);
  return waitFor(find, (fire) => vscode.window.onDidChangeActiveTextEditor(fire), () => `an active editor (${pred.toString()}); active: ${vscode.window.activeTextEditor?.document.uri.path ?? 'none'}`);
}

/**
 * The waits not over yet: what each awaits (and what there is now), and its listener. One set for the
 * extension host: test/e2e/index.ts and each suite file are bundles of their own, each with its copy
 * of this module.
 */
const pending: Set<{ why: () => string; sub: vscode.Disposable }> = ((globalThis as Record<symbol, unknown>)[Symbol.for('policy-report.e2e.pending-waits')] ??= new Set()) as Set<{
  why: () => string;
  sub: vscode.Disposable;
}>;

/** What the waits not over yet await, and what there is now: for the failure of a test mocha stopped at its time limit. */
export function pendingWaits(): string[] {
  return [...pending].map((w) => w.why());
}

/** Drops the listeners of the waits not over yet (after each test: a wait never outlives its test). */
export function endPendingWaits(): void {
  for (const w of pending) w.sub.dispose();
  pending.clear();
}

/** `find()` now, or after one of `event`'s firings; `why()` says what it awaits while it is pending. No clock: mocha's time limit ends a test that waits in vain. */
function waitFor<T>(find: () => T | undefined, event: (fire: () => void) => vscode.Disposable, why: () => string): Promise<T> {
  return new Promise((resolve) => {
    const now = find();
    if (now !== undefined) return resolve(now);
    const wait = {
      why,
      sub: event(() => {
        const found = find();
        if (found === undefined) return;
        wait.sub.dispose();
        pending.delete(wait);
        resolve(found);
      }),
    };
    pending.add(wait);
  });
}
