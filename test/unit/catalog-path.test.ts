/**
 * A shared catalog (`policyReport.catalogPath`, `--catalog`): used under the workspace's own
 * catalog; a path outside the workspace only from the user's settings (client/src/catalog-path.ts);
 * the manifest declares the setting restricted in untrusted workspaces.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isInside, vetCatalogPath } from '../../client/src/catalog-path';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { repoRoot } from '../helpers';

const folder = path.resolve('/ws/project');
const shared = (id: string, name: string) =>
  `indicators:\n  - id: ${id}\n    name: ${name}\n    measure: stock\n    unit: đề án\n    unitClass: count\n    description: Chỉ tiêu dùng chung.\n`;

describe('shared catalog path', () => {
  describe('vetCatalogPath: a workspace cannot point outside itself', () => {
    it('a user setting is honoured anywhere, absolute or relative to the folder', () => {
      assert.deepEqual(vetCatalogPath({ globalValue: '/team/catalog.yaml' }, folder), { path: path.resolve('/team/catalog.yaml') });
      assert.deepEqual(vetCatalogPath({ globalValue: '../shared/c.yaml' }, folder), { path: path.resolve('/ws/shared/c.yaml') });
      assert.deepEqual(vetCatalogPath({ globalValue: 'c.yaml' }, undefined), { path: null });
      assert.deepEqual(vetCatalogPath({}, folder), { path: null });
      assert.deepEqual(vetCatalogPath({ globalValue: '  ' }, folder), { path: null });
    });

    it('a workspace or folder setting inside the folder is honoured, and wins over the user setting', () => {
      assert.deepEqual(vetCatalogPath({ workspaceValue: 'data/c.yaml', globalValue: '/team/c.yaml' }, folder), { path: path.resolve('/ws/project/data/c.yaml') });
      assert.deepEqual(vetCatalogPath({ workspaceFolderValue: './c.yaml', workspaceValue: '/elsewhere.yaml' }, folder), { path: path.resolve('/ws/project/c.yaml') });
      assert.deepEqual(vetCatalogPath({ workspaceValue: '/ws/project/x/../c.yaml' }, folder), { path: path.resolve('/ws/project/c.yaml') });
    });

    it('a workspace setting outside the folder is refused with a message; the user setting (or none) is used', () => {
      for (const bad of ['/etc/passwd', '../other/c.yaml', '/ws/project-evil/c.yaml', 'a/../../../x.yaml', 'C:\\\\x.yaml'.replace(/\\\\/g, '/')]) {
        const r = vetCatalogPath({ workspaceValue: bad }, folder);
        if (r.path !== null) assert.ok(isInside(r.path, folder), `${bad} → ${r.path}`);
        else assert.match(r.refused ?? '', /outside the workspace folder/, bad);
      }
      const withUser = vetCatalogPath({ workspaceFolderValue: '/etc/c.yaml', globalValue: '/team/c.yaml' }, folder);
      assert.equal(withUser.path, path.resolve('/team/c.yaml'));
      assert.match(withUser.refused ?? '', /ngoài thư mục workspace/);
      assert.equal(vetCatalogPath({ workspaceValue: 'c.yaml' }, undefined).path, null, 'no folder: nothing is inside it');
    });

    it('isInside is not fooled by a sibling folder with the same prefix', () => {
      assert.ok(isInside('/ws/project/a.yaml', folder));
      assert.ok(!isInside('/ws/project2/a.yaml', folder));
      assert.ok(!isInside('/ws/project/../project2/a.yaml', folder));
    });

    it('a link inside the folder to a file outside it is outside (compared by real path, not by text)', () => {
      const ws = mkdtempSync(path.join(tmpdir(), 'policy-report-ws-'));
      const elsewhere = mkdtempSync(path.join(tmpdir(), 'policy-report-elsewhere-'));
      try {
        mkdirSync(path.join(ws, '.policy-report'));
        writeFileSync(path.join(elsewhere, 'c.yaml'), shared('x', 'X'));
        symlinkSync(path.join(elsewhere, 'c.yaml'), path.join(ws, '.policy-report', 'shared.yaml'));
        symlinkSync(elsewhere, path.join(ws, 'team'));
        writeFileSync(path.join(ws, 'own.yaml'), shared('y', 'Y'));
        for (const bad of ['.policy-report/shared.yaml', 'team/c.yaml', 'team/not-yet.yaml']) {
          const r = vetCatalogPath({ workspaceValue: bad }, ws);
          assert.equal(r.path, null, bad);
          assert.match(r.refused ?? '', /outside the workspace folder/, bad);
        }
        assert.equal(vetCatalogPath({ workspaceValue: 'own.yaml' }, ws).path, path.join(ws, 'own.yaml'));
        // The folder itself reached through a link: still inside.
        const viaLink = path.join(elsewhere, 'ws-link');
        symlinkSync(ws, viaLink);
        assert.equal(vetCatalogPath({ workspaceValue: 'own.yaml' }, viaLink).path, path.join(viaLink, 'own.yaml'));
      } finally {
        rmSync(ws, { recursive: true, force: true });
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });

  it('the manifest restricts the setting in untrusted workspaces', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['policyReport.catalogPath']);
    assert.equal(pkg.contributes.configuration.properties['policyReport.catalogPath'].type, 'string');
  });

  it('the core uses the shared catalog under the workspace catalog', async () => {
    const ws = 'file:///ws/project';
    const sharedUri = 'file:///team/catalog.yaml';
    const files = {
      [sharedUri]: shared('shared-only', 'Số đề án dùng chung') + shared('smart-city-projects', 'Tên cũ của đề án đô thị').replace('indicators:\n', ''),
      [`${ws}/.policy-report/indicators.yaml`]: shared('smart-city-projects', 'Số đề án đô thị thông minh'),
    };
    const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [ws], lang: 'en' });
    assert.equal(service.catalogs.setExtra(sharedUri), true);
    await service.reloadCatalog();
    const c = service.catalogs.catalog;
    assert.ok('indicator' in c.resolve('Số đề án dùng chung'), 'from the shared catalog');
    assert.equal(c.byId('smart-city-projects')?.name, 'Số đề án đô thị thông minh', 'the workspace catalog wins over the shared one');
    service.catalogs.setExtra(undefined);
    await service.reloadCatalog();
    assert.equal(service.catalogs.catalog.resolve('Số đề án dùng chung').kind, 'unknown');
  });

  it('the CLI takes --catalog FILE, and says so when it is not there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-report-catalog-'));
    try {
      mkdirSync(path.join(dir, 'ws'));
      writeFileSync(path.join(dir, 'shared.yaml'), shared('shared-only', 'Số đề án dùng chung'));
      writeFileSync(
        path.join(dir, 'ws', 'a.report.md'),
        '---\nsession: 1\ndate: 2024-01-01\nperiod: 2024\ntitle: T\n---\n\n## Kết quả đạt được\n\n[[Số đề án dùng chung]] đạt 5 đề án.\n',
      );
      const bin = path.join(repoRoot, 'bin', 'policy-report.js');
      const run = (args: string[]) => spawnSync(process.execPath, [bin, 'check', 'ws', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
      const unknown = (out: string) => (JSON.parse(out) as Array<{ code: string }>).filter((f) => f.code === 'unknown-indicator').length;
      assert.equal(unknown(run([]).stdout), 1);
      const withShared = run(['--catalog', 'shared.yaml']);
      assert.equal(unknown(withShared.stdout), 0, withShared.stderr);
      const missing = run(['--catalog', 'nowhere.yaml']);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /--catalog nowhere\.yaml: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
