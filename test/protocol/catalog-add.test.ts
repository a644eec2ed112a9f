/**
 * Teams grow the catalog from the draft, over the protocol (issue 14, item 3): the quick fix on an
 * unknown-indicator finding with a figure creates `.policy-report/indicators.yaml` (then appends to
 * it); applied as an editor would (write the file, then the watcher's event), the next check knows
 * the indicator without a reload; the fix's command shows the new entry (window/showDocument).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCatalogYaml } from '../../server/src/core/catalog';
import { TestLspClient, type Diagnostic } from './lsp-client';

type Range = Diagnostic['range'];
interface TextEdit {
  range: Range;
  newText: string;
}
interface Action {
  title: string;
  kind: string;
  edit?: {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: Array<{ kind?: string; uri?: string; textDocument?: { uri: string }; edits?: TextEdit[] }>;
  };
  command?: { command: string; arguments: unknown[] };
}

/** Applies one insertion (an empty range) to a text, as the editor does. */
function insert(text: string, e: TextEdit): string {
  assert.deepEqual(e.range.start, e.range.end, 'the edit only inserts');
  const lines = text.split('\n');
  let offset = 0;
  for (let l = 0; l < e.range.start.line; l++) offset += lines[l].length + 1;
  offset += e.range.start.character;
  return text.slice(0, offset) + e.newText + text.slice(offset);
}

describe('catalog add over the protocol', function () {
  let client: TestLspClient;
  let dir: string;
  let catalogUri: string;
  let catalogFile: string;
  const shown: Array<{ uri: string; selection?: Range }> = [];

  const DRAFT = [
    '---',
    'session: 12',
    'date: 2025-09-30',
    'period: 2025',
    '---',
    '',
    '# Dự thảo',
    '',
    'Theo Bộ Công Thương, năm 2025 [[Số trạm sạc xe điện]] đạt 1.250 trạm.',
    '',
    'Năm 2025, [[Tỷ lệ xã có điểm bưu chính số]] đạt 87,5%.',
    '',
  ].join('\n');

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'policy-report-catalog-add-'));
    catalogFile = path.join(dir, '.policy-report', 'indicators.yaml');
    catalogUri = pathToFileURL(catalogFile).toString();
    client = new TestLspClient();
    client.connection.onRequest('window/showDocument', (p: { uri: string; selection?: Range }) => {
      shown.push(p);
      return { success: true };
    });
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function addAction(uri: string, name: string): Promise<Action> {
    const d = await client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-indicator' && y.message.includes(name)));
    const diag = d.find((y) => y.code === 'unknown-indicator' && y.message.includes(name))!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const add = actions.find((a) => a.kind === 'quickfix' && a.title.includes('danh mục của workspace'));
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    assert.match(add.title, new RegExp(name));
    return add;
  }

  it('creates the workspace catalog with the entry; the next check knows the name', async () => {
    const uri = pathToFileURL(path.join(dir, 'du-thao.report.md')).toString();
    writeFileSync(fileURLToPath(uri), DRAFT);
    await client.open(uri, DRAFT);
    const add = await addAction(uri, 'Số trạm sạc xe điện');
    const changes = add.edit?.documentChanges;
    assert.ok(changes, JSON.stringify(add.edit));
    assert.deepEqual([changes[0].kind, changes[0].uri], ['create', catalogUri]);
    assert.equal(changes[1].textDocument?.uri, catalogUri);
    assert.ok(!existsSync(catalogFile), 'the server writes no file itself');
    // The editor applies the edit and saves; its watcher reports the new file.
    const text = insert('', changes[1].edits![0]);
    assert.match(text, /^# yaml-language-server: \$schema=.*indicators\.schema\.json\nindicators:\n {2}- id: so-tram-sac-xe-dien\n/);
    const parsed = parseCatalogYaml(text, catalogUri);
    assert.deepEqual(parsed.errors, []);
    const entry = parsed.indicators[0];
    assert.deepEqual([entry.name, entry.measure, entry.unit, entry.unitClass, entry.compiler], ['Số trạm sạc xe điện', 'stock', 'trạm', 'count', 'Bộ Công Thương']);
    mkdirSync(path.dirname(catalogFile), { recursive: true });
    writeFileSync(catalogFile, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri, type: 1 }] });
    const after = await client.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'unknown-indicator' && y.message.includes('Số trạm sạc xe điện')));
    assert.ok(after.some((y) => y.code === 'unknown-indicator' && y.message.includes('bưu chính số')), 'the other name is still unknown');
    // The fix's command shows the new entry.
    assert.equal(add.command?.command, 'policyReport.showCatalogEntry');
    await client.request('workspace/executeCommand', { command: add.command!.command, arguments: add.command!.arguments });
    assert.equal(shown.at(-1)?.uri, catalogUri);
    assert.deepEqual(shown.at(-1)?.selection?.start, { line: 2, character: 2 });
  });

  it('appends the next entry to the existing file, only inserting', async () => {
    const uri = pathToFileURL(path.join(dir, 'du-thao.report.md')).toString();
    const add = await addAction(uri, 'Tỷ lệ xã có điểm bưu chính số');
    const edits = add.edit?.changes?.[catalogUri];
    assert.ok(edits && edits.length === 1, JSON.stringify(add.edit));
    const before = readFileSync(catalogFile, 'utf8');
    const text = insert(before, edits[0]);
    assert.ok(text.startsWith(before), 'the existing bytes are kept');
    const parsed = parseCatalogYaml(text, catalogUri);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.indicators.map((i) => [i.id, i.measure, i.unit]), [
      ['so-tram-sac-xe-dien', 'stock', 'trạm'],
      ['ti-le-xa-co-diem-buu-chinh-so', 'ratio', '%'],
    ]);
    writeFileSync(catalogFile, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri, type: 2 }] });
    await client.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'unknown-indicator'));
  });

  it('offers no such fix when the catalog file does not parse', async () => {
    writeFileSync(catalogFile, 'indicators: [\n  - broken\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri, type: 2 }] });
    await client.waitForDiagnostics(catalogUri, (x) => x.length > 0);
    const uri = pathToFileURL(path.join(dir, 'khac.report.md')).toString();
    const text = DRAFT.replace('Số trạm sạc xe điện', 'Số điểm phát wifi công cộng').replace('trạm.', 'điểm.');
    await client.open(uri, text);
    const d = await client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-indicator'));
    const diag = d.find((y) => y.code === 'unknown-indicator')!;
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.ok(!actions.some((a) => a.title.includes('danh mục của workspace')), actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.kind === 'quickfix'), 'the name suggestions are still offered');
  });
});
