/**
 * What a writer does, through the vscode API only: open a report, see diagnostics, complete a
 * name, apply a quick fix, hover, look at the outline. Waits end on their events (mocha's time limit
 * ends a test whose event never comes), never on sleeps or clocks of their own.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, waitForDiagnostics, workspaceUri } from '../vscode-helpers';

function draftUri(): vscode.Uri {
  return workspaceUri('draft.report.md');
}

describe('policy-report in VS Code', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(doc);
  });

  it('activates on a *.report.md with the policy-report language', async () => {
    assert.equal(doc.languageId, 'policy-report');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    assert.ok(ext.isActive);
  });

  it('shows diagnostics for an unknown name and clears them when the text is fixed', async () => {
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'unknown-indicator'));
    const unknown = diags.find((x) => codeOf(x) === 'unknown-indicator')!;
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, unknown.range, 'Tỷ lệ hồ sơ trực tuyến toàn trình');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, (d) => !d.some((x) => codeOf(x) === 'unknown-indicator'));
  });

  it('applies a quick fix as promised', async () => {
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'unaccented-name'));
    const d = diags.find((x) => codeOf(x) === 'unaccented-name')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
    const fix = actions.find((a) => a.edit && a.title.includes('Tỷ lệ hồ sơ trực tuyến toàn trình'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(d.range.with({ end: d.range.start.translate(0, 'Tỷ lệ hồ sơ trực tuyến toàn trình'.length) })), 'Tỷ lệ hồ sơ trực tuyến toàn trình');
    await waitForDiagnostics(doc.uri, (x) => !x.some((y) => codeOf(y) === 'unaccented-name'));
  });

  it('completes catalog names after [[', async () => {
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, end, '\n\n[[ty le ho so');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '[');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Tỷ lệ hồ sơ trực tuyến toàn trình'), labels.slice(0, 5).join(' | '));
  });

  it('shows the definition on hover', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('[[Tỷ lệ hồ sơ trực tuyến toàn trình]]'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /toàn trình/);
  });

  it('lists the sections in the outline', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.flatMap((s) => [s.name, ...s.children.map((c) => c.name)]);
    assert.ok(names.includes('Kết quả đạt được'), names.join(' | '));
  });

  it('expands a section snippet', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await editor.insertSnippet(new vscode.SnippetString('\n'));
    const before = doc.getText().length;
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'policy-report', name: 'Kết quả đạt được' });
    assert.ok(doc.getText().length > before, 'snippet inserted text');
    assert.match(doc.getText(), /## Kết quả đạt được/);
  });
});
