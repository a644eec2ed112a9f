/**
 * The embedded default catalog's parse, saved beside the history's snapshot (lsp/index-store.ts):
 * what is read back is exactly what parseCatalogYaml gives for the embedded text, and a copy that
 * another build or another text made, that is not JSON or not of the saved shape, or that is too
 * large, is not read (the YAML is then parsed, as without a copy). The server's use of it: the
 * protocol test "the default catalog's parse saved" (test/protocol/first-index.test.ts).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CATALOG_URI, defaultCatalogParsed, defaultCatalogSource, parseCatalogYaml, restoreDefaultCatalog } from '../../server/src/core/catalog/load';
import { IndexStore } from '../../server/src/lsp/index-store';

describe("the default catalog's parse, saved beside the snapshot", function () {
  let dir: string;
  const file = () => path.join(dir, 'default-catalog.json');
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-catalog-saved-'));
    warnings.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads back exactly parseCatalogYaml's result for the embedded text", async () => {
    const store = new IndexStore(dir);
    assert.equal(await store.savedDefaultCatalog(), null);
    await store.saveDefaultCatalog(warn);
    assert.deepEqual(warnings, []);
    const back = await new IndexStore(dir).savedDefaultCatalog();
    assert.ok(back);
    const parsed = parseCatalogYaml(defaultCatalogSource(), DEFAULT_CATALOG_URI);
    assert.ok(parsed.indicators.length > 100, `${parsed.indicators.length} indicators`);
    assert.deepStrictEqual(back, parsed);
    assert.deepStrictEqual(back, defaultCatalogParsed());
  });

  it("kept in the catalog's own folder (the editor's storage for every workspace) when given one, read from there by another workspace's store", async () => {
    const shared = mkdtempSync(path.join(tmpdir(), 'policy-report-catalog-shared-'));
    try {
      await new IndexStore(dir, shared).saveDefaultCatalog(warn);
      assert.equal(await new IndexStore(dir).savedDefaultCatalog(), null);
      const other = mkdtempSync(path.join(tmpdir(), 'policy-report-catalog-other-'));
      try {
        assert.deepStrictEqual(await new IndexStore(other, shared).savedDefaultCatalog(), defaultCatalogParsed());
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('is written once per build and text: a second save leaves the file as it is', async () => {
    await new IndexStore(dir).saveDefaultCatalog(warn);
    const first = readFileSync(file(), 'utf8');
    const saved = JSON.parse(first) as { parsed: { indicators: Array<{ name: string }> } };
    saved.parsed.indicators[0].name = 'Một tên khác';
    writeFileSync(file(), JSON.stringify(saved));
    await new IndexStore(dir).saveDefaultCatalog(warn);
    assert.equal(JSON.parse(readFileSync(file(), 'utf8')).parsed.indicators[0].name, 'Một tên khác');
  });

  it("ignores a copy of another build or another text, one that is not JSON or not of the saved shape, and a too large one", async () => {
    await new IndexStore(dir).saveDefaultCatalog(warn);
    const good = readFileSync(file(), 'utf8');
    const saved = JSON.parse(good) as { build: string; source: string; parsed: { indicators: unknown; errors: unknown } };
    const variants: Array<[string, string]> = [
      ['another build', JSON.stringify({ ...saved, build: saved.build + '-0' })],
      ['another text', JSON.stringify({ ...saved, source: saved.source === '0' ? '1' : '0' })],
      ['not JSON', good.slice(0, good.length / 2)],
      ['null', 'null'],
      ['indicators not a list', JSON.stringify({ ...saved, parsed: { ...saved.parsed, indicators: {} } })],
      ['no errors list', JSON.stringify({ ...saved, parsed: { indicators: saved.parsed.indicators } })],
      ['no parse', JSON.stringify({ build: saved.build, source: saved.source })],
    ];
    for (const [what, text] of variants) {
      writeFileSync(file(), text);
      assert.equal(await new IndexStore(dir).savedDefaultCatalog(), null, what);
    }
    // Over the bound (16 MB): not read at all.
    writeFileSync(file(), good);
    truncateSync(file(), 17 * 1024 * 1024);
    assert.equal(await new IndexStore(dir).savedDefaultCatalog(), null, 'too large');
    // No storage: nothing saved, nothing read.
    const none = new IndexStore(undefined);
    await none.saveDefaultCatalog(warn);
    assert.equal(await none.savedDefaultCatalog(), null);
    assert.equal(await none.loadDefaultCatalog(), false);
  });

  it('ignores a FIFO or a folder in the place of the saved copy or the snapshot, without waiting on it', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [file()]);
    execFileSync('mkfifo', [path.join(dir, 'history-index.json')]);
    const store = new IndexStore(dir);
    assert.equal(await store.savedDefaultCatalog(), null);
    assert.equal(await store.load(), null);
    rmSync(file());
    mkdirSync(file());
    assert.equal(await store.savedDefaultCatalog(), null);
  });

  it('is not restored over a catalog already loaded', async () => {
    const loaded = defaultCatalogParsed();
    assert.equal(restoreDefaultCatalog({ indicators: [], errors: [] }), false);
    assert.equal(defaultCatalogParsed(), loaded);
    await new IndexStore(dir).saveDefaultCatalog(warn);
    assert.equal(await new IndexStore(dir).loadDefaultCatalog(), false);
  });
});
