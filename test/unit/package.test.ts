/**
 * The .vsix as `npm run package` makes it (minified bundles, .vscodeignore), built from a copy of the
 * repository so that out/ and its test bundles stay as they are: what users need is in it (the
 * bundles, the grammar, the walkthrough's media, the icon, the user docs and one page per rule), what
 * they do not is not (maintainers' docs, screenshots, source maps, sources, tests), and it stays
 * under its size budget (LIMIT).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFiguresCsv } from '../../server/src/core/history/csv';
import { ruleMetadata } from '../../server/src/core/rules/index';
import { repoRoot } from '../helpers';

/**
 * The size budget. Without Word import and export the .vsix was 529 KiB; the .docx libraries (docx,
 * mammoth with jszip, pako and xmldom) add about 170 KiB compressed to out/cli.js. Measured 660 KiB
 * once parse5 went (mammoth's xmldom reads its HTML), the default catalog and the snippets ship once
 * and the LSP protocol library once for client and server (out/lsp-protocol.js). The parser's move
 * to markdown-it was measured to add about 24 KiB. Measured 697 KiB before issue 18's trim, 668 KiB
 * after its first step (jszip's pako, lie and setimmediate replaced by Node's own zlib, Promise and
 * setImmediate: scripts/shims; markdown-it given only the decoder of `entities`; yaml's tree-shakeable
 * ES build), then 660 KiB with mammoth's xmlbuilder replaced by the few calls it makes, 648 KiB with
 * xmldom's entity table read from the decoder markdown-it brings, 642 KiB with the client's semver
 * check on the two functions it calls (scripts/shims). Measured 648 KiB (663 219 bytes) later, after
 * the product grew; 629 KiB with the generated table of default indicators left out (docs/catalog-defaults.md:
 * the .vsix carries that data as out/default-catalog.yaml), 626 KiB (640 606 bytes) with mammoth's
 * underscore as Node loads it and docx's copy of `events` replaced by Node's; 637 KiB (652 351 bytes)
 * after the reading work of issue 13 grew the core (clause lists, carried periods, subjects); 606 KiB
 * (620 408 bytes) with mammoth (and its underscore, lop, dingbat-to-unicode, xmlbuilder) replaced by
 * our own reader of the .docx's XML (core/word/ooxml-read*.ts on jszip and xmldom: 7 KiB zipped). Issue
 * 18's target was under 600 KiB: what remains is mostly docx (222 KB minified, 66 KiB zipped), xmldom
 * (11), yaml (31), the LSP libraries (client 44, protocol 27, server 11), the entity decoder (20) and
 * the catalog (40); the bundles
 * ship as plain, readable JavaScript, not compressed behind a loader that evaluates them.
 * `node scripts/bundle-size.mjs` after a production build lists each bundle's parts.
 * 575 KiB (588 341 bytes) with docx replaced by our own writer (core/word/ooxml-write.ts, about 20 KB minified)
 * alone; 548 KiB (561 024 bytes) with both the reader and the writer our own (docx stays a dev dependency:
 * tests read documents another writer made). 555 KiB (568 401 bytes) after the next round of reading
 * (a name's second figures: parse/further.ts, roles.ts; markup/dating.ts) and keystroke memos
 * (rules/memo.ts): the gate follows at 560 KiB, under issue 18's 600. 565 KiB (578 286 bytes) after
 * the eighth round of reading (parse/lists.ts and further.ts: "lần lượt" periods, further figures;
 * markup/unnamed.ts, pillars.ts, context.ts: figures whose name is in the paragraph or a heading;
 * rules' history-context): the gate follows at 570 KiB, still under issue 18's 600. 578 KiB (591 922
 * bytes) after the ninth round (history/subject.ts and same.ts: provinces in the history; the default
 * catalog's saved parse, lsp/index-store.ts; markup/province.ts, threshold.ts, clause-period.ts,
 * sibling-words.ts, unit-memo.ts; parse/period-lends.ts, further figures): the gate follows at 585 KiB,
 * under issue 18's 600 (15 KiB left: the next growth needs a trim first). 597 KiB (611 440 bytes)
 * after the eleventh round (cli.js +9.7 KiB zipped: parse/family-carry.ts, rank-subject.ts,
 * table-rows.ts, assemble.ts; markup/classes.ts, member-lists.ts, report-title.ts, carried.ts;
 * catalog/family.ts, provincial.ts; core/provinces.ts; the shipped docs +8.8 KiB: reading.md §15–§18,
 * history.md, markup.md): the gate is issue 18's 600 KiB itself, with 2.9 KiB left — the next growth
 * must come with a trim (the shipped docs are the first candidate). 584 KiB (598 423 bytes) after the
 * twelfth round's trim (docs/performance.md "Package size"): markdown-it's linkify-it
 * on a shim (cli.js −2.9 KiB zipped), the client's writes from out/cli.js (client.js −1.6), the rules'
 * generated index left out (−2.3: the README's table carries it), the shipped docs as references
 * (reading.md §15–§17 folded, markup.md and history.md without per-round notes, rule pages without
 * repeats: −6.0). 606 KiB (620 408 bytes) after the thirteenth round (cli.js: parse/period-series.ts,
 * parse/table-header.ts, markup/table-header.ts, the ministries' key and data, catalog/inserted-words.ts,
 * the default catalog's worker; dialect.md +17 lines): the gate is 610 KiB for now, OVER issue 18's 600
 * target — the next round starts with a trim back under 600 (docs/performance.md "Package size").
 * 584 KiB (598 251 bytes) after the fourteenth round's trim (docs/performance.md "Package size"), no
 * feature or doc removed: markdown-it's and xmldom's entity decoding on a table of the HTML names that
 * the build writes from entities' own trie (scripts/shims/entities-decode.cjs, entities-table.cjs;
 * −10.3 KiB), markdown-it's parts the parser never runs — linkify and typographer rules, strikethrough,
 * the HTML renderer (scripts/shims/markdown-it-off.mjs; −2.7 KiB) — and the language client's features
 * the server never offers, notebook sync among them (scripts/shims/features-off.cjs; client.js −8.6
 * KiB): the gate is issue 18's 600 KiB again, with 16 KiB left for the round's reading modules.
 * 603 KiB (617 012 bytes) after the fifteenth round (reading: parse/province-items.ts, rank-bases.ts,
 * restated-series.ts, markup/table-caption-part.ts; dialect.md +140 lines); 597
 * KiB (611 207 bytes) with every entry deflated again at zlib's highest level after vsce
 * (scripts/e2e/recompress.mjs on jszip; vsce writes the default level): no file changed.
 * 604 KiB (618 335 bytes) after the sixteenth round (markup/heads.ts, figure-owner.ts, name-lists.ts,
 * catalog/currency-members.ts, lsp/start-trace.ts, the deferred first diagnostics; dialect.md +110
 * lines); 585 KiB (598 929 bytes) with every entry deflated by Zopfli instead of zlib's level 9
 * (scripts/e2e/recompress.mjs on @gfx/zopfli and fflate's Zip; same entries, names, order, dates and
 * permissions): the gate is issue 18's 600 KiB again. 602 KiB (616 557 bytes) after the eighteenth
 * round (markup/pillar-words.ts, table-corner-part.ts, restated-measure.ts, province-section.ts,
 * other-source.ts; catalog/index-rank.ts; history/saved-reading.ts; dialect.md §5.2, §6.5, §18, §19
 * grown by the round's worked examples): the gate is 610 KiB for now, OVER issue 18's 600 target —
 * the next round starts with a trim back under 600 (the shipped dialect.md's examples first).
 * 615 KiB (630 070 bytes) after the nineteenth round, the trim not done: dialect.md 171 → 196 KB (58
 * KiB zipped, +6.2) with the round's readings (§5.2 counted nouns alone, §6.4–§6.7, §8, §18, §19), cli.js
 * +4.3 KiB zipped (markup/counted-words.ts, heading-anchor.ts, weight-figure.ts, placed-count.ts;
 * parse/heading-carry.ts, heading-anchors.ts, ranking-opened.ts, subject-words.ts). Measured and not
 * enough: yaml is already its ESM build; jszip → fflate would lose io/zip.ts's symlink-entry check;
 * csv-parse has no smaller well-kept peer. The gate is 620 KiB for now, OVER issue 18's 600 — the trim
 * that remains is the shipped docs. 591 KiB (604 785 bytes) with the reading classes of press prose
 * (dialect.md §5.2's press names, §6.5–§6.7, §15–§19) moved to docs/reading.md, a maintainers' reference
 * outside the .vsix: the shipped dialect.md keeps a short summary of each (VI + EN) and the writer's
 * contract, 196 → 104 KB (58 → 32 KiB zipped). The gate is back at issue 18's 600 KiB.
 * 599 KiB (613 129 bytes) after the twenty-second round; 596 KiB (610 085 bytes) with the server library's
 * features the server never uses on a shim (scripts/shims/server-features-off.cjs: semantic tokens, call and
 * type hierarchies, file operations, notebook sync…; −1.7 KiB) and markup.md's "How it decides" and the
 * README's tests in short (their detail in docs/reading.md §20 and docs/testing.md; −1.3 KiB). 599 KiB
 * (613 333 bytes) after the twenty-third round; 597 KiB (611 074 bytes) with dialect.md §7's markup table
 * cases in docs/reading.md §7.1 and the shipped catalog without the note lines inside its entries
 * (scripts/shipped-catalog.mjs: −2.2 KiB); 597 KiB (611 768 bytes) after the twenty-fourth round.
 * Round 25: the zip written by recompress.mjs with each entry's sizes in its local header (no data
 * descriptors: −0.9 KiB) and the client's inline completion feature on the features-off shim (−0.1 KiB);
 * 597 KiB (611 868 bytes) after the twenty-fifth round's reading modules.
 * 600 KiB less 31 bytes (614 369 bytes) after the twenty-sixth round (its reading modules, two catalog
 * aliases, the saved index read from its bytes): the next round must find room before it adds code.
 * Round 27: 592 KiB (606 222 bytes) with the bundle's modules loaded at once, not each behind esbuild's lazy
 * initializer (cli.ts imports serve.ts; vscode-languageserver evaluated at its first use: scripts/shims/server-lazy.cjs; −8.0 KiB);
 * 593 KiB (607 269 bytes) after the round's reading modules: 7.0 KiB under the gate.
 * Round 28: 594 KiB (608 264 bytes) after its reading modules and three catalog wordings: 6.0 KiB under the gate.
 * Round 29: 595 KiB (609 430 bytes) after its reading modules (markup/relative-change.ts, clash-growth.ts; parse/second-list.ts), the history texts kept deflated (core/history/text-bytes.ts, lsp/text-packing.ts): 4.9 KiB under the gate.
 * Round 30: 600 KiB (613 980 bytes) after its reading modules (parse/rise-clause.ts, share-of-amount.ts; markup/country-place.ts, undated.ts, breakdown-item.ts; catalog/whole-share.ts) and core/held-shapes.ts: 420 bytes under the gate — the next round starts with a trim.
 * Round 31's trim: 589 KiB (603 268 bytes, from 613 649 measured at its start), no feature or doc removed, library parts
 * the product never runs on shims: the client's minimatch (scripts/shims/minimatch-off.cjs; client.js −5.4 KiB
 * zipped), csv-parse's normalize_options for the one set of options csv.ts passes (csv-options.mjs), vscode-uri
 * as its URI module alone (lib/umd/uri.js, not its bundle with a copy of Node's path) and the server library's
 * deprecated Files helpers (server-files-off.cjs; cli.js −4.7 KiB together): 10.9 KiB under the gate.
 * Round 31: 591 KiB (605 483 bytes) after its reading modules (parse/population-share.ts, family-anchor.ts;
 * markup/loss-figure.ts, piece-edition.ts) and the default catalog's plain reader (catalog/plain-yaml.ts): 8.7 KiB
 * under the gate.
 * Round 32: 595.5 KiB (609 820 bytes) after its reading modules (markup/table-lead.ts; channel words, period series,
 * told-aside periods) and the first check's cheaper sibling words: 4.5 KiB under the gate.
 * Round 33: 599.2 KiB (613 540 bytes) after its merges, 860 bytes under the gate. Its trim (trim33): 597.3 KiB (611 636
 * bytes), no feature or doc removed: dialect.md §5.2's province-table and header-cell classes in docs/reading.md §5.2
 * (a VI + EN summary kept; −1.2 KiB), the README's tests in short (docs/testing.md), jszip's base64, binary-string and
 * Node stream modules on scripts/shims/jszip-off.cjs (−0.7 KiB together): 2.7 KiB under the gate, short of the 10 KiB
 * the next round asked for (docs/performance.md "Package size": what was measured and not taken).
 * Round 34: 598.6 KiB (612 939 bytes) after its first two merges; 578.4 KiB (592 233 bytes) with the shipped bundles
 * (cli.js, client.js, lsp-protocol.js, boot.js) minified a second time by terser after esbuild (scripts/build.mjs
 * compressShipped: safe transforms only, top-level names mangled; −20.2 KiB, no file or behaviour changed). Not
 * taken: jszip, csv-parse and vscode-uri rewritten by hand (−14 KiB; our own parsers of untrusted zips and CSV in
 * place of well-kept libraries). 583.2 KiB (597 152 bytes) after the round's other merges: 17.2 KiB under the gate.
 */
const LIMIT = 600 * 1024;

/** The shipped bundles. */
const BUNDLES = ['client.js', 'cli.js', 'boot.js', 'lsp-protocol.js'];

describe('the packaged extension (.vsix)', function () {
  let dir: string;
  let vsix: { file: string; bytes: number; entries: string[] };
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-vsix-'));
    // The copy, the production build and vsce, as the e2e's vsix phase makes the .vsix it installs.
    const file = path.join(dir, 'policy-report.vsix');
    const script = `import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts', 'e2e', 'package.mjs')).href)}).then((m) => { const r = m.packageProduction(${JSON.stringify(dir)}, ${JSON.stringify(file)}); process.stdout.write(JSON.stringify({ file: r.file, bytes: r.bytes, entries: r.entries })); })`;
    const pack = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(pack.status, 0, pack.stderr);
    vsix = JSON.parse(pack.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  /** A shipped bundle's code. */
  const bundle = (f: string) => readFileSync(path.join(dir, 'out', f), 'utf8');

  it(`is under ${LIMIT / 1024} KiB`, () => {
    console.log(`      .vsix: ${(vsix.bytes / 1024).toFixed(0)} KiB, ${vsix.entries.length} entries`);
    assert.ok(vsix.bytes < LIMIT, `${vsix.bytes} bytes`);
  });

  it('holds the packaged files byte for byte after Zopfli (scripts/e2e/recompress.mjs), their CRC-32 right, and unzip, where installed, reads the archive', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(readFileSync(vsix.file), { checkCRC32: true });
    await Promise.all(Object.values(zip.files).map((e) => e.async('uint8array')));
    for (const f of [...BUNDLES, 'default-catalog.yaml']) {
      const entry = zip.file(`extension/out/${f}`);
      assert.ok(entry, f);
      assert.ok((await entry.async('nodebuffer')).equals(readFileSync(path.join(dir, 'out', f))), `${f}: the same bytes as the packaged file`);
    }
    const test = spawnSync('unzip', ['-tq', vsix.file], { encoding: 'utf8' });
    if (test.error === undefined) assert.equal(test.status, 0, `${test.stdout}${test.stderr}`);
  });

  it('writes each entry\'s sizes in its local header, with no data descriptor after it (scripts/e2e/recompress.mjs)', () => {
    // The local headers follow one another, each entry's data sized by its header, up to the central directory.
    const b = readFileSync(vsix.file);
    let at = 0;
    let n = 0;
    while (b.readUInt32LE(at) === 0x04034b50) {
      assert.equal(b.readUInt16LE(at + 6) & 8, 0, `entry ${n}: a data descriptor follows`);
      at += 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28) + b.readUInt32LE(at + 18);
      n++;
    }
    assert.equal(b.readUInt32LE(at), 0x02014b50, `after ${n} entries: not the central directory`);
    assert.equal(n, vsix.entries.length);
  });

  it('holds what users need', () => {
    const need = [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.vi.json',
      'extension/readme.md',
      'extension/changelog.md',
      ...BUNDLES.map((f) => `extension/out/${f}`),
      'extension/out/default-catalog.yaml',
      'extension/snippets/policy-report.json',
      'extension/bin/policy-report.js',
      'extension/client/media/icon.png',
      'extension/schemas/indicators.schema.json',
      'extension/schemas/config.schema.json',
      'extension/docs/dialect.md',
      'extension/docs/catalog.md',
      ...ruleMetadata.map((r) => `extension/docs/rules/${r.id}.md`),
    ];
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    for (const step of pkg.contributes.walkthroughs[0].steps) need.push(`extension/${step.media.markdown}`);
    for (const g of pkg.contributes.grammars) need.push(`extension/${g.path.replace(/^\.\//, '')}`);
    const have = new Set(vsix.entries);
    assert.deepEqual(need.filter((n) => !have.has(n)), []);
    // The license, under the name vsce gives it.
    assert.ok(vsix.entries.some((e) => /^extension\/licen[cs]e/i.test(e)), 'LICENSE');
  });

  it('carries the default catalog and the section snippets once: the bundles read the shipped files', () => {
    const cli = bundle('cli.js');
    const catalog = readFileSync(path.join(repoRoot, 'server', 'src', 'core', 'catalog', 'default-catalog.yaml'), 'utf8');
    const ids = [...catalog.matchAll(/^\s*-?\s*id:\s*([a-z0-9-]+)\s*$/gm)].map((m) => m[1]);
    assert.ok(ids.length > 100, `${ids.length} ids read from the catalog`);
    assert.deepEqual(ids.filter((id) => cli.includes(id)).slice(0, 5), []);
    const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'snippets', 'policy-report.json'), 'utf8')) as Record<string, { description?: string }>;
    const descriptions = Object.values(snippets).map((s) => s.description).filter((d): d is string => !!d && d.length > 20);
    assert.ok(descriptions.length > 0);
    assert.deepEqual(descriptions.filter((d) => cli.includes(d)), []);
  });

  it('ships the default catalog without the maintainers\' note lines, reading as the source does (scripts/shipped-catalog.mjs)', async () => {
    const { parse } = await import('yaml');
    const source = readFileSync(path.join(repoRoot, 'server', 'src', 'core', 'catalog', 'default-catalog.yaml'), 'utf8');
    const shipped = readFileSync(path.join(dir, 'out', 'default-catalog.yaml'), 'utf8');
    assert.deepEqual(parse(shipped), parse(source));
    const notes = (text: string) => text.split('\n').filter((l) => /^ +#/.test(l) && !/^ +# -----/.test(l));
    assert.ok(notes(source).length > 10, `${notes(source).length} note lines in the source`);
    assert.deepEqual(notes(shipped), []);
    // The conventions at the top and the section rulers stay.
    assert.equal(shipped.split('\n').slice(0, 14).join('\n'), source.split('\n').slice(0, 14).join('\n'));
    assert.equal(shipped.match(/^ +# -----/gm)?.length, source.match(/^ +# -----/gm)?.length);
    // A "#" line inside a block scalar is text, not a note.
    const url = pathToFileURL(path.join(repoRoot, 'scripts', 'shipped-catalog.mjs')).href;
    const { shippedCatalog } = (await import(url)) as { shippedCatalog: (t: string) => string };
    assert.equal(shippedCatalog('a: 1\n  # note\nb: >-\n  # text\n  x\n# top\n'), 'a: 1\nb: >-\n  # text\n  x\n# top\n');
  });

  it('carries the LSP protocol library once, in out/lsp-protocol.js, which the client and the CLI require', () => {
    // A message of vscode-jsonrpc's stream reader, which both vscode-languageclient and vscode-languageserver use.
    const marker = 'Header must provide a Content-Length property';
    assert.deepEqual(['lsp-protocol.js', 'client.js', 'cli.js'].filter((f) => bundle(f).includes(marker)), ['lsp-protocol.js']);
    for (const f of ['client.js', 'cli.js']) assert.match(bundle(f), /require\("\.\/lsp-protocol\.js"\)/, f);
  });

  it('leaves out maintainers\' docs, screenshots, source maps, sources and tests, the catalog table (the shipped catalog is its data) and the rules\' index (the README\'s table)', () => {
    const bad = vsix.entries.filter((e) =>
      /^extension\/docs\/(architecture|testing|performance|reliability|accuracy|reading|catalog-defaults|rules\/README)\.md$|^extension\/docs\/images\/|\.map$|^extension\/(server|client)\/src\/|^extension\/(test|bench|scripts|node_modules)\/|^extension\/out\/test\/|^extension\/out\/server\.js$/.test(e),
    );
    assert.deepEqual(bad, []);
  });

  it('exports Word export and import from the shipped CLI bundle, its shims in place (a round trip)', async () => {
    // The bundle's own jszip (on node:zlib) and xmldom (its entity table on entities' decoder):
    // the test bundles resolve the real xmldom table, so only this run exercises the shipped one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cli = require(path.join(dir, 'out', 'cli.js')) as typeof import('../../server/src/cli');
    const text = '# Báo cáo phiên họp\n\nTỷ lệ đạt 42% & vượt <mục tiêu> "năm" 2025.\n\n- một\n- hai\n';
    const { bytes } = await cli.reportToDocx(text, path.join(dir, 'a.report.md'), dir);
    const { blocks } = await cli.docxBlocks(bytes);
    const plain = blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    assert.match(plain, /Báo cáo phiên họp/);
    assert.match(plain, /Tỷ lệ đạt 42% & vượt <mục tiêu> "năm" 2025\./);
    assert.match(plain, /- một\n- hai/);
  });

  it('carries no linkify-it (scripts/shims/linkify-off.cjs): the parser never links bare addresses, which stay text', async () => {
    // linkify-it's fuzzy-link matcher, a property its compiled schema keeps.
    assert.ok(!bundle('cli.js').includes('__index__'), 'linkify-it is bundled');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cli = require(path.join(dir, 'out', 'cli.js')) as typeof import('../../server/src/cli');
    const text = '# Nguồn\n\nXem https://vnexpress.net/a, www.mic.gov.vn và lienhe@mst.gov.vn.\n';
    const { bytes } = await cli.reportToDocx(text, path.join(dir, 'b.report.md'), dir);
    const { blocks } = await cli.docxBlocks(bytes);
    const plain = blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    assert.match(plain, /Xem https:\/\/vnexpress\.net\/a, www\.mic\.gov\.vn và lienhe@mst\.gov\.vn\./);
  });

  it('decodes HTML entities on the table the build wrote from entities\' trie (scripts/shims/entities-*.cjs), not on the trie', async () => {
    // The trie is one string of names and code units (`…plyFunction;恡…`, `&ApplyFunction;` after
    // `&Aopf;`); the table is the names' letters (`"AElig Æ&MP &…`, then `pplyFunction ⁡`).
    const cli = bundle('cli.js');
    assert.ok(!cli.includes('plyFunction;'), 'entities\' decode trie is bundled');
    assert.ok(cli.includes('"AElig \u00c6'), 'the names\' table is not bundled');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const shipped = require(path.join(dir, 'out', 'cli.js')) as typeof import('../../server/src/cli');
    const text = '# Ký hiệu\n\nGiá &euro; 42 &amp; tăng &rarr; &#8364;&#x1F600; &copy &notit; 2024&ndash;2025 &fjlig;.\n';
    const { bytes } = await shipped.reportToDocx(text, path.join(dir, 'e.report.md'), dir);
    const { blocks } = await shipped.docxBlocks(bytes);
    const plain = blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    // markdown-it's inline entities need their `;` (decodeHTMLStrict): `&copy` and `&notit;` stay text.
    assert.match(plain, /Giá € 42 & tăng → €😀 &copy &notit; 2024–2025 fj\./);
  });

  it('parses without the markdown-it parts it never runs (scripts/shims/markdown-it-off.mjs): the CommonMark spec\'s examples and typographic text', async () => {
    const cli = bundle('cli.js');
    // The replacements' pattern of (c), (tm), (r); the renderer's code blocks.
    for (const marker of ['(c|tm|r)', '<pre><code']) assert.ok(!cli.includes(marker), `${marker}: markdown-it's unused part is bundled`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const shipped = require(path.join(dir, 'out', 'cli.js')) as typeof import('../../server/src/cli');
    const service = new shipped.LanguageService({ workspace: shipped.createDiskWorkspace(), folders: [pathToFileURL(dir).href] });
    const spec = readFileSync(path.join(repoRoot, 'node_modules', 'commonmark-spec', 'spec.txt'), 'utf8');
    const examples = [...spec.matchAll(/^`{32} example\n([\s\S]*?)^\.\n/gm)].map((m) => m[1].replace(/→/g, '\t'));
    assert.ok(examples.length > 600, `${examples.length} examples`);
    const typographic = '# Ký hiệu\n\n~~gạch~~ (c) (tm) +- -- --- "ngoặc" \'đơn\' ... ?!!! https://vnexpress.net và www.mic.gov.vn [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 42%.\n';
    for (const [i, text] of [typographic, ...examples].entries()) {
      const doc = service.document(pathToFileURL(path.join(dir, `spec-${i}.report.md`)).href, text);
      assert.deepEqual(doc.problems.filter((p) => /could not be|không phân tích/i.test(`${p.message.en} ${p.message.vi}`)).map((p) => p.message.en), [], JSON.stringify(text));
    }
    const { bytes } = await shipped.reportToDocx(typographic, path.join(dir, 't.report.md'), dir);
    const { blocks } = await shipped.docxBlocks(bytes);
    const plain = blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : '')).join('\n');
    assert.match(plain, /~~gạch~~ \(c\) \(tm\) \+- -- --- "ngoặc" 'đơn' \.\.\. \?!!! https:\/\/vnexpress\.net và www\.mic\.gov\.vn Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%\./);
  });

  it('reads figures.csv as csv-parse with all its options does, their normalizing on scripts/shims/csv-options.mjs', () => {
    // normalize_options' checks of options the product never passes, and its refusals.
    assert.ok(!bundle('cli.js').includes('Invalid option columns'), 'csv-parse\'s normalize_options is bundled');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const shipped = require(path.join(dir, 'out', 'cli.js')) as typeof import('../../server/src/cli');
    const texts = [
      '\uFEFFindicator,period,value,unit\n  internet-users , 2024 ,"78,4",%\n\n"a ""b"", c",2023,"1.234,5",người\r\nx,2022\n',
      'indicator,period,value\nx,2024,"12,5\nx,2023,1\n',
      'period,value\n2024,1\n',
      '',
    ];
    for (const text of texts) assert.deepEqual(shipped.readFiguresCsv(text), readFiguresCsv(text), JSON.stringify(text));
    assert.equal(readFiguresCsv(texts[0]).rows.length, 3);
    assert.equal(readFiguresCsv(texts[1]).fileProblems.length, 1);
  });

  it('carries vscode-uri\'s URI module, not its prebuilt bundle of Utils and a copy of Node\'s path (scripts/build.mjs uriAlone)', () => {
    // The path copy's refusal (path-browserify's assertPath).
    assert.ok(!bundle('cli.js').includes('Path must be a string. Received'), 'vscode-uri\'s bundle is in cli.js');
  });

  it('gives the client none of the features the server never offers, notebook sync among them (scripts/shims/features-off.cjs)', () => {
    // Methods of the library's features (lib/common/notebook.js, semanticTokens.js, formatting.js,
    // codeLens.js, fileOperations.js), and the shims' refusals.
    const client = bundle('client.js');
    for (const marker of ['findNotebookDocumentAndCell', 'provideDocumentSemanticTokens', 'provideDocumentFormattingEdits', 'provideCodeLenses', 'willRenameFiles', 'provideInlineCompletionItems']) {
      assert.ok(!client.includes(marker), `${marker}: vscode-languageclient's feature is bundled`);
    }
    assert.ok(client.includes('is not in policy-report\'s client (scripts/shims/features-off.cjs)'));
  });

  it('gives the client no minimatch, which it never runs (scripts/shims/minimatch-off.cjs)', () => {
    // minimatch's own refusal, and brace-expansion's marker of an escaped brace.
    const client = bundle('client.js');
    for (const marker of ['pattern is too long', '\\0SLASH']) assert.ok(!client.includes(marker), `${marker}: minimatch is bundled`);
    assert.ok(client.includes('minimatch is not in policy-report\'s client'));
  });

  it('gives the server none of the library\'s features it never uses, notebook sync among them (scripts/shims/server-features-off.cjs)', () => {
    // Methods of vscode-languageserver's lib/common/notebook.js, semanticTokens.js, fileOperations.js, and the shims' refusal.
    const cli = bundle('cli.js');
    for (const marker of ['onDidOpenNotebookDocument', 'DidOpenNotebookDocumentNotification', 'SemanticTokensDeltaRequest', 'WillRenameFilesRequest', 'CallHierarchyIncomingCallsRequest']) {
      assert.ok(!cli.includes(marker), `${marker}: vscode-languageserver's feature is bundled`);
    }
    assert.ok(cli.includes('is not in policy-report\'s language server (scripts/shims/server-features-off.cjs)'));
  });

  it('gives the server none of the library\'s deprecated Files helpers (scripts/shims/server-files-off.cjs)', () => {
    // resolveGlobalNodePath's question to npm.
    assert.ok(!bundle('cli.js').includes('config get prefix'), 'vscode-languageserver\'s lib/node/files.js is bundled');
  });

  it('gives the client its writes and their refusals from the one bundle (client/src/cli-module.ts): a refusal is the bundle\'s WriteRefused', async () => {
    assert.ok(!bundle('client.js').includes('is the input file'), 'client.js carries io/write.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cli = require(path.join(dir, 'out', 'cli.js')) as typeof import('../../server/src/cli');
    const input = path.join(dir, 'c.report.md');
    await cli.writeFileAtomic(input, '# Báo cáo\n', { force: true });
    await assert.rejects(cli.writeFileAtomic(input, 'x', { force: true, inputs: [input] }), (e: unknown) => e instanceof cli.WriteRefused && e.code === 'same-as-input' && /đầu vào/.test(e.reason.vi));
    assert.equal(readFileSync(input, 'utf8'), '# Báo cáo\n');
  });

  it('ships minified bundles, without a link to a source map', () => {
    for (const f of BUNDLES) {
      const text = bundle(f);
      // Minified: long lines (template literals and the embedded catalog keep their line breaks;
      // unminified, the bundles average some 40 characters a line).
      const lines = text.split('\n');
      assert.ok(text.length / lines.length > 150, `${f}: ${lines.length} lines`);
      assert.ok(!/sourceMappingURL/.test(text.slice(-300)), f);
      assert.ok(statSync(path.join(dir, 'out', `${f}.map`)).size > 0, 'the map is written beside it, for crash reports');
    }
  });
});
