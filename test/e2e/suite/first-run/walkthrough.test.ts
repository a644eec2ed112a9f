/**
 * The walkthrough "first report" (package.json contributes.walkthroughs) in a real VS Code, on an
 * empty folder (test/e2e/index.ts runs this folder's suites on a workspace folder named first-run):
 * it opens, and each step's completion event is run as a writer would run it, in the steps' order,
 * with the step's observable outcome asserted; the extension is not activated by the suite (an
 * empty folder has nothing that activates it): the first command does, as for a writer. VS Code does not expose a walkthrough step's
 * completion to extensions, so each test asserts the effect of the step's command or context
 * instead: init writes .policy-report/ and a first report and opens it (the editor's language is
 * the `draft` step's context), a figure typed gives a diagnostic (what the Problems panel lists),
 * the hover over a reference shows the indicator, and the next draft is the next session's.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, codesOf, readWorkspaceFile, waitForActiveEditor, waitForClean, waitForDiagnostics, waitForDisk, waitForTab, workspaceFolder, workspaceUri } from '../../vscode-helpers';

const WALKTHROUGH = 'firstReport';
const NAME = 'Tỷ lệ hồ sơ trực tuyến toàn trình';

interface Step {
  id: string;
  completionEvents?: string[];
}

function steps(): Step[] {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
  const walkthrough = pkg?.contributes?.walkthroughs?.find((w: { id: string }) => w.id === WALKTHROUGH);
  assert.ok(walkthrough, `package.json has the walkthrough ${WALKTHROUGH}`);
  return walkthrough.steps;
}

/** The completion events this suite runs, by step: a step added or changed in package.json fails the first test until it is run here. */
const RUN: Record<string, string[]> = {
  init: ['onCommand:policyReport.init'],
  draft: ['onContext:editorLangId == policy-report'],
  problems: ['onCommand:workbench.actions.view.problems', 'onView:workbench.panel.markers.view'],
  history: ['onCommand:policyReport.showHistory', 'onCommand:editor.action.showHover'],
  next: ['onCommand:policyReport.newDraft'],
};

describe('the walkthrough, from an empty folder', () => {
  let report: vscode.Uri;

  it('declares the steps this suite runs, and opens', async () => {
    assert.deepEqual(
      steps().map((s) => [s.id, s.completionEvents ?? []]),
      Object.entries(RUN),
    );
    const folder = await vscode.workspace.fs.readDirectory(workspaceFolder().uri);
    assert.deepEqual(folder, [], 'the workspace folder starts empty');
    const opened = waitForTab((t) => !(t.input instanceof vscode.TabInputText) && t.isActive);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH}`, false);
    // VS Code's Welcome editor, which shows walkthroughs (the suite runs with VS Code in English).
    assert.equal((await opened).label, 'Welcome');
  });

  it('init: Create Workspace writes .policy-report/ and a first report, and opens it', async () => {
    const shown = waitForActiveEditor((e) => /\.report\.md$/.test(e.document.uri.path));
    await vscode.commands.executeCommand('policyReport.init');
    const editor = await shown;
    report = editor.document.uri;
    const names = (await vscode.workspace.fs.readDirectory(workspaceUri('.policy-report'))).map(([n]) => n).sort();
    assert.deepEqual(names, ['config.yaml', 'indicators.yaml', 'snippets']);
    const snippets = await vscode.workspace.fs.readDirectory(workspaceUri('.policy-report', 'snippets'));
    assert.equal(snippets.length, 1);
    assert.match(report.path, /\/phien-01-\d{4}-\d{2}-\d{2}\.report\.md$/);
    assert.match(editor.document.getText(), /^---\nsession: 1\n/);
  });

  it('draft: the report is open as a policy report (the step\'s context), and a figure is typed into it', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === report.toString());
    assert.equal(editor.document.languageId, 'policy-report');
    const text = editor.document.getText();
    const at = text.indexOf('…%');
    assert.ok(at > 0, 'the first report leaves the figure to fill in');
    // An English decimal point, as a writer new to the dialect types it.
    const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 1));
    assert.ok(await editor.edit((b) => b.replace(range, '42.5')));
  });

  it('problems: the Problems panel opens and the report has the finding it lists', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const d = await waitForDiagnostics(report, (x) => codesOf(x).includes('english-decimal'));
    assert.deepEqual(codesOf(d), ['english-decimal']);
    // The writer fixes it; the report is saved for the next session's draft.
    const editor = vscode.window.activeTextEditor!;
    const at = editor.document.getText().indexOf('42.5%');
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 4)), '42,5')));
    await waitForDiagnostics(report, (x) => x.length === 0);
    // Saved: by this call, or by the web workbench's own auto save (files.autoSave is "afterDelay"
    // by default in VS Code for the web, code-server included): when that save is already done,
    // save() finds nothing dirty and answers false; when it is under way, save() may answer false
    // while the document is still dirty, and the document is clean once that save ends. The disk has the fix.
    if (!(await editor.document.save())) await waitForClean(editor.document);
    assert.ok(!editor.document.isDirty, 'the report is saved');
    assert.match(await waitForDisk(report, (t) => /42,5%/.test(t)), /42,5%/);
  });

  it('history: the step\'s command puts the cursor on the reference, whose hover shows the indicator and its figure', async () => {
    // The walkthrough's link runs while the Welcome page has the focus: the command brings the report back.
    await vscode.commands.executeCommand('workbench.action.focusSideBar');
    await vscode.commands.executeCommand('policyReport.showHistory');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), report.toString());
    const position = editor.document.positionAt(editor.document.getText().indexOf(`[[${NAME}]]`) + 4);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [position.line, position.character]);
    const text = await hoverText(report, position);
    assert.match(text, new RegExp(NAME));
    assert.match(text, /42,5/);
  });

  it('next: New Draft makes the next session\'s draft, values emptied, the last value beside each', async () => {
    const date = /^date: (\S+)$/m.exec(vscode.window.activeTextEditor!.document.getText())![1];
    const shown = waitForActiveEditor((e) => /\/phien-02-/.test(e.document.uri.path));
    await vscode.commands.executeCommand('policyReport.newDraft', { date, period: date.slice(0, 4) });
    const draft = (await shown).document;
    assert.equal(draft.uri.toString(), workspaceUri(`phien-02-${date}.report.md`).toString());
    const text = await readWorkspaceFile(draft.uri);
    assert.match(text, /^---\nsession: 2\n/);
    assert.match(text, new RegExp(`\\[\\[${NAME}\\]\\][^\\n]*…%[^\\n]*<!--[^\\n]*42,5%`));
    // The draft's hover shows the earlier session's figure.
    const position = draft.positionAt(draft.getText().indexOf(`[[${NAME}]]`) + 4);
    assert.match(await hoverText(draft.uri, position), /42,5/);
  });
});

/** The Markdown of the hovers at a position (through the language server). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
