/**
 * The workspace around a report, through the vscode API only: the team's catalog file changes on
 * disk, and (once the rule exists) figures that disagree across sessions.
 * The workspace is a fresh copy per run (scripts/e2e/run.mjs), so the tests may write into it.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, codesOf, declaredRuleIds, readWorkspaceFile, waitForDiagnostics, workspaceUri, writeWorkspaceFile } from '../vscode-helpers';

const CATALOG = ['.policy-report', 'indicators.yaml'];
const NEW_NAME = 'Số trạm sạc xe điện công cộng';

const REPORT = `---
session: 11
date: 2025-03-20
period: 2025-Q1
title: Báo cáo thử danh mục
---

# Báo cáo thử danh mục

## Kết quả đạt được

[[${NEW_NAME}]] đạt 120 trạm.
`;

const ENTRY = `
  - id: public-ev-chargers
    name: ${NEW_NAME}
    nameEn: Public EV charging stations
    aliases: []
    abbreviations: []
    measure: stock
    unit: trạm
    unitClass: count
    range: [0, 100000]
    description: Số trạm sạc xe điện công cộng (chỉ tiêu thêm trong lúc kiểm thử).
`;

describe('the workspace catalog', () => {
  const reportUri = () => workspaceUri('catalog-change.report.md');
  const catalogUri = () => workspaceUri(...CATALOG);
  let original = '';

  before(async () => {
    original = await readWorkspaceFile(catalogUri());
    await writeWorkspaceFile(reportUri(), REPORT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reportUri()));
  });

  it('an indicator added to .policy-report/indicators.yaml on disk clears the unknown-indicator finding', async () => {
    const before = await waitForDiagnostics(reportUri(), (d) => d.some((x) => codeOf(x) === 'unknown-indicator'));
    assert.match(before.find((x) => codeOf(x) === 'unknown-indicator')!.message, new RegExp(NEW_NAME));
    await writeWorkspaceFile(catalogUri(), original.trimEnd() + '\n' + ENTRY);
    const after = await waitForDiagnostics(reportUri(), (d) => !d.some((x) => codeOf(x) === 'unknown-indicator'));
    assert.deepEqual(codesOf(after).filter((c) => c === 'catalog-error'), []);
  });

  it('a broken catalog file is reported on that file, and its last good version stays in use', async () => {
    await writeWorkspaceFile(catalogUri(), original.trimEnd() + '\n' + ENTRY + '  - id: [unclosed\n');
    const onCatalog = await waitForDiagnostics(catalogUri(), (d) => d.some((x) => codeOf(x) === 'catalog-error'));
    assert.ok(onCatalog.length > 0);
    // The report still knows the indicator added above.
    assert.ok(!codesOf(vscode.languages.getDiagnostics(reportUri())).includes('unknown-indicator'));
    // Fixed again: the finding on the catalog goes away.
    await writeWorkspaceFile(catalogUri(), original);
    await waitForDiagnostics(catalogUri(), (d) => !d.some((x) => codeOf(x) === 'catalog-error'));
    await waitForDiagnostics(reportUri(), (d) => d.some((x) => codeOf(x) === 'unknown-indicator'));
  });
});

// ---------------------------------------------------------------------------------------------
// CROSS-SESSION: `figure-conflict` with relatedInformation to the earlier session. Skipped while
// the rule is not registered (declared in package.json's policyReport.rules, which a unit test
// keeps equal to the registry).
// ---------------------------------------------------------------------------------------------
/** Session 9 reports `figure` for an indicator, for the first half of 2024. */
function earlierSession(figure: string): string {
  return `---
session: 9
date: 2024-07-10
period: 2024-S1
title: Phiên họp thứ 9
---

## Kết quả đạt được

${figure}
`;
}
const EARLIER_FIGURE_LINE = 9;

/** Session `n` reports `figure` for the first half of 2024 too. */
function laterSession(n: number, figure: string): string {
  return `---
session: ${n}
date: 2025-02-2${n - 10}
period: 2024
title: Phiên họp thứ ${n}
---

## Kết quả đạt được

Trong 6 tháng đầu năm 2024, ${figure}
`;
}

async function expectConflict(laterUri: vscode.Uri, earlierUri: vscode.Uri): Promise<void> {
  const diags = await waitForDiagnostics(laterUri, (d) => d.some((x) => codeOf(x) === 'figure-conflict'));
  const conflict = diags.find((x) => codeOf(x) === 'figure-conflict')!;
  assert.ok(conflict.relatedInformation?.length, 'relatedInformation links the earlier session');
  assert.ok(
    conflict.relatedInformation!.some((r) => r.location.uri.toString() === earlierUri.toString() && r.location.range.start.line === EARLIER_FIGURE_LINE),
    JSON.stringify(conflict.relatedInformation),
  );
}

describe('across sessions', () => {
  before(function () {
    if (!declaredRuleIds().includes('figure-conflict')) this.skip();
  });

  it('a figure that disagrees with an earlier session on disk is flagged, linked to that session', async () => {
    const earlier = workspaceUri('sessions', 'phien-09.report.md');
    const draft = workspaceUri('sessions', 'phien-10.report.md');
    // The earlier session arrives on disk (as with a git pull); only the draft is opened.
    await writeWorkspaceFile(earlier, earlierSession('[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 42%.'));
    await writeWorkspaceFile(draft, laterSession(10, '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 48%.'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
    await expectConflict(draft, earlier);
  });

  it('a folder of earlier sessions renamed, then deleted on disk: the finding follows it, then goes', async () => {
    const NAME = 'Tỷ lệ người dân trưởng thành có tài khoản công dân số';
    const earlier = workspaceUri('luu-tru', 'phien-09.report.md');
    const draft = workspaceUri('du-thao', 'phien-12.report.md');
    // Another indicator than the other tests, so that only this pair of sessions is involved.
    await writeWorkspaceFile(earlier, earlierSession(`[[${NAME}]] đạt 30%.`));
    await writeWorkspaceFile(draft, laterSession(12, `[[${NAME}]] đạt 35%.`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
    await expectConflict(draft, earlier);
    // Renamed (as a reorganisation or a checkout would): VS Code reports the two folders, not the file.
    const moved = workspaceUri('luu-tru-2024', 'phien-09.report.md');
    await vscode.workspace.fs.rename(workspaceUri('luu-tru'), workspaceUri('luu-tru-2024'));
    await waitForDiagnostics(draft, (d) =>
      d.some((x) => codeOf(x) === 'figure-conflict' && !!x.relatedInformation?.some((r) => r.location.uri.toString() === moved.toString())),
    );
    await expectConflict(draft, moved);
    // Deleted as a whole: the earlier session leaves the history, and the finding goes.
    await vscode.workspace.fs.delete(workspaceUri('luu-tru-2024'), { recursive: true });
    await waitForDiagnostics(draft, (d) => !d.some((x) => codeOf(x) === 'figure-conflict'));
  });

  it('an unsaved edit to an earlier session open in the background counts: its buffer, not the disk', async () => {
    const earlier = workspaceUri('open', 'phien-09.report.md');
    const draft = workspaceUri('open', 'phien-11.report.md');
    // Another indicator than above, so that only this pair of sessions is involved. On disk the
    // two sessions agree; the earlier one's buffer, edited and not saved, disagrees.
    await writeWorkspaceFile(earlier, earlierSession('[[Số doanh nghiệp công nghệ số]] đạt 58.000 doanh nghiệp.'));
    await writeWorkspaceFile(draft, laterSession(11, '[[Số doanh nghiệp công nghệ số]] đạt 58.000 doanh nghiệp.'));
    const earlierDoc = await vscode.workspace.openTextDocument(earlier); // open, not shown in an editor
    const at = earlierDoc.getText().indexOf('58.000');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(earlier, new vscode.Range(earlierDoc.positionAt(at), earlierDoc.positionAt(at + '58.000'.length)), '50.350');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(earlierDoc.isDirty);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
    await expectConflict(draft, earlier);
  });
});

// ---------------------------------------------------------------------------------------------
// A shared catalog (policyReport.catalogPath): outside the workspace folder only from the user's
// settings. Each step waits for the report's diagnostics to change, so that it proves what the
// server was given (the client's configuration middleware vets the value).
// ---------------------------------------------------------------------------------------------
describe('a shared catalog (policyReport.catalogPath)', () => {
  const SHARED_NAME = 'Số điểm phát wifi công cộng miễn phí';
  const sharedEntry = ENTRY.replace('public-ev-chargers', 'public-free-wifi').split(NEW_NAME).join(SHARED_NAME);
  const reportUri = () => workspaceUri('shared-catalog.report.md');
  const inside = () => workspaceUri('shared', 'catalog.yaml');
  const outside = path.join(os.tmpdir(), `policy-report-e2e-shared-${process.pid}.yaml`);
  const config = () => vscode.workspace.getConfiguration('policyReport');
  const unknown = (d: readonly vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'unknown-indicator' && x.message.includes(SHARED_NAME));

  before(async () => {
    await writeWorkspaceFile(inside(), 'indicators:' + sharedEntry);
    writeFileSync(outside, 'indicators:' + sharedEntry);
    await writeWorkspaceFile(reportUri(), REPORT.split(NEW_NAME).join(SHARED_NAME));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reportUri()));
  });

  after(async () => {
    await config().update('catalogPath', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('catalogPath', undefined, vscode.ConfigurationTarget.Global);
    // Settled: the server has the default catalog again before the next suite runs.
    await waitForDiagnostics(reportUri(), unknown);
    rmSync(outside, { force: true });
  });

  it('a workspace path inside the folder is used; one outside it is not; a user path outside it is', async () => {
    await waitForDiagnostics(reportUri(), unknown);
    await config().update('catalogPath', 'shared/catalog.yaml', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(reportUri(), (d) => !unknown(d));
    await config().update('catalogPath', outside, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(reportUri(), unknown);
    await config().update('catalogPath', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('catalogPath', outside, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(reportUri(), (d) => !unknown(d));
  });
});
