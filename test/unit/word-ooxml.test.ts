/**
 * The .docx we write is a valid OOXML package, and a team template is filled as Word users write it:
 * - every part has a content type ([Content_Types].xml), every override names a part, every
 *   internal relationship target is there, every XML part is well-formed, and the elements of the
 *   WordprocessingML properties (rPr, pPr, tblPr, tcPr, sectPr, styles) come in the schema's order
 *   (Word refuses a document whose properties are out of order);
 * - the same report gives the same bytes;
 * - placeholders split over several runs (what Word saves when a user types one), in a header, in
 *   a table cell, with spaces inside the braces, are filled; an unknown one is left; {{body}} poured
 *   into a cell keeps the cell ending in a paragraph;
 * - a template that cannot be filled whole is refused in both languages and nothing is written;
 * - LibreOffice (when `soffice` is there; required under POLICY_REPORT_REQUIRE_SOFFICE=1) converts
 *   both to text with the expected lines, and fills a template LibreOffice itself saved.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import * as fc from 'fast-check';
import { DOMParser } from '@xmldom/xmldom';
import { parseReport } from '../../server/src/core/parse/document';
import { buildWordReport, type WordReport } from '../../server/src/core/word/model';
import { QUOC_HIEU, TIEU_NGU, fillTemplate, renderDocx } from '../../server/src/core/word/docx';
import { TemplateError } from '../../server/src/core/word/ooxml-template';
import { DocxRefused, docxBlocks, reportToDocx } from '../../server/src/io/word';
import { repoRoot, HANG_MS } from '../helpers';
import { docxPackage, paraXml, runXml } from './docx-fixture';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
// The cut-placeholders property: a fixed seed, so that CI is reproducible; FC_SEED and FC_NUM_RUNS explore.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;
const DRAFT = path.join(repoRoot, 'examples', 'du-thao-phien-10.report.md');

const REPORT = `---
session: 4
date: 2025-04-10
period: 2025-Q1
title: Báo cáo quý I/2025
issuer: Cục Chuyển đổi số quốc gia
number: 21/BC-CĐSQG
recipients:
  - Bộ trưởng (để b/c);
  - Lưu: VT.
signer:
  title: Cục trưởng
  name: Trần Thị B
---

# Báo cáo quý I/2025

## I. Kết quả

Tỷ lệ đạt **45,2%** & tăng so với quý trước.

| Chỉ tiêu | Giá trị |
|---|--:|
| Tỷ lệ | 45,2% |

## II. Kiến nghị

Đề nghị tiếp tục.
`;

const report = (): WordReport => buildWordReport(parseReport(REPORT, 'file:///ws/q1.report.md'));

/** The schema's order (ECMA-376 Part 1) of the children we write, by parent. Children not listed are not checked. */
const ORDER: Record<string, string[]> = {
  rPr: ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath'],
  pPr: ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'],
  tblPr: ['tblStyle', 'tblpPr', 'tblOverlap', 'bidiVisual', 'tblStyleRowBandSize', 'tblStyleColBandSize', 'tblW', 'jc', 'tblCellSpacing', 'tblInd', 'tblBorders', 'shd', 'tblLayout', 'tblCellMar', 'tblLook'],
  tblBorders: ['top', 'left', 'start', 'bottom', 'right', 'end', 'insideH', 'insideV'],
  tcPr: ['cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign', 'hideMark'],
  sectPr: ['headerReference', 'footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar', 'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote', 'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid', 'printerSettings'],
  style: ['name', 'aliases', 'basedOn', 'next', 'link', 'autoRedefine', 'hidden', 'uiPriority', 'semiHidden', 'unhideWhenUsed', 'qFormat', 'locked', 'personal', 'personalCompose', 'personalReply', 'rsid', 'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'tblStylePr'],
  tbl: ['tblPr', 'tblGrid', 'tr'],
  tr: ['tblPrEx', 'trPr', 'tc'],
};
/** Parents whose properties element comes first. */
const PROPS_FIRST: Record<string, string> = { p: 'pPr', r: 'rPr', tc: 'tcPr' };

function parseStrict(text: string, part: string): Document {
  const fail = (m: string) => assert.fail(`${part} is not well-formed XML: ${m}`);
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'application/xml');
}

const kids = (n: Element): Element[] => Array.from(n.childNodes as ArrayLike<Node>).filter((c): c is Element => c.nodeType === 1);

/** The order problems of a WordprocessingML part: "parent: child after later". */
function orderProblems(doc: Document): string[] {
  const out: string[] = [];
  const all = Array.from(doc.getElementsByTagNameNS(W, '*') as ArrayLike<Element>);
  for (const el of all) {
    const names = kids(el)
      .filter((c) => c.namespaceURI === W)
      .map((c) => c.localName);
    const order = ORDER[el.localName];
    if (order) {
      let last = -1;
      for (const n of names) {
        const i = order.indexOf(n);
        if (i < 0) continue;
        if (i < last) out.push(`${el.localName}: ${n} after ${order[last]}`);
        last = Math.max(last, i);
      }
    }
    const first = PROPS_FIRST[el.localName];
    if (first && names.includes(first) && names[0] !== first) out.push(`${el.localName}: ${first} not first`);
    if (el.localName === 'body' && names.includes('sectPr') && names[names.length - 1] !== 'sectPr') out.push('body: sectPr not last');
    if (el.localName === 'tc' && !['p'].includes(names[names.length - 1])) out.push('tc: does not end with a paragraph');
  }
  return out;
}

/** A part path resolved against the folder of the part whose relationships name it. */
function resolve(from: string, target: string): string {
  const parts = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const s of target.replace(/^\/+/, '').split('/')) {
    if (s === '..') parts.pop();
    else if (s && s !== '.') parts.push(s);
  }
  return parts.join('/');
}

/** Asserts the package is valid OOXML (see the file's comment); returns its parts' texts. */
async function checkPackage(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const texts = new Map<string, string>();
  for (const n of names) if (/\.(xml|rels)$/.test(n)) texts.set(n, await zip.file(n)!.async('string'));
  const docs = new Map<string, Document>();
  for (const [n, t] of texts) docs.set(n, parseStrict(t, n));
  const types = docs.get('[Content_Types].xml');
  assert.ok(types, 'a [Content_Types].xml');
  const defaults = new Set(Array.from(types.getElementsByTagName('Default') as ArrayLike<Element>, (d) => d.getAttribute('Extension')!.toLowerCase()));
  const overrides = Array.from(types.getElementsByTagName('Override') as ArrayLike<Element>, (o) => o.getAttribute('PartName')!);
  for (const o of overrides) assert.ok(names.includes(o.slice(1)), `the override ${o} names a part of the package`);
  for (const n of names) {
    if (n === '[Content_Types].xml') continue;
    assert.ok(overrides.includes(`/${n}`) || defaults.has(n.split('.').pop()!.toLowerCase()), `${n} has a content type`);
  }
  assert.ok(names.includes('_rels/.rels'), 'the package relationships');
  for (const n of names.filter((x) => x.endsWith('.rels'))) {
    const source = n === '_rels/.rels' ? '' : n.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const r of Array.from(docs.get(n)!.getElementsByTagName('Relationship') as ArrayLike<Element>)) {
      if (r.getAttribute('TargetMode') === 'External') continue;
      const target = resolve(source || '_', r.getAttribute('Target')!);
      assert.ok(names.includes(target), `${n}: ${r.getAttribute('Id')} → ${target} is in the package`);
    }
  }
  const main = Array.from(docs.get('_rels/.rels')!.getElementsByTagName('Relationship') as ArrayLike<Element>).find((r) => r.getAttribute('Type')!.endsWith('/officeDocument'));
  assert.ok(main, 'an officeDocument relationship');
  const document = docs.get(resolve('_', main.getAttribute('Target')!))!;
  assert.equal(document.documentElement.localName, 'document');
  assert.equal(document.documentElement.namespaceURI, W);
  for (const [n, d] of docs) if (n.startsWith('word/') && n.endsWith('.xml')) assert.deepEqual(orderProblems(d), [], n);
  return texts;
}

/** The text of the w:t elements of each paragraph of a part (in document order). */
function paragraphTexts(xml: string): string[] {
  const doc = parseStrict(xml, 'part');
  return Array.from(doc.getElementsByTagNameNS(W, 'p') as ArrayLike<Element>, (p) => Array.from(p.getElementsByTagNameNS(W, 't') as ArrayLike<Element>, (t) => t.textContent).join(''));
}

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: HANG_MS }).status === 0;
}

/** A .docx as LibreOffice reads it: its text export. */
function sofficeText(bytes: Uint8Array, dir: string, name: string): string {
  writeFileSync(path.join(dir, `${name}.docx`), bytes);
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, path.join(dir, `${name}.docx`)], { encoding: 'utf8', timeout: HANG_MS });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(path.join(dir, `${name}.txt`), 'utf8').replace(/^\uFEFF/, '');
}

/** A template as Word saves what a user typed: placeholders cut into runs by proofing marks and formatting. */
const SPLIT_TEMPLATE_BODY = [
  // "{{issuer}}" in three runs, the second bold, with spelling marks between.
  '<w:p><w:r><w:t>{{</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>iss</w:t></w:r><w:r><w:t>uer}}</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>',
  // Text around two placeholders, one of them cut after its braces.
  '<w:p><w:r><w:t xml:space="preserve">Số: {{num</w:t></w:r><w:bookmarkStart w:id="0" w:name="n"/><w:r><w:t>ber}}</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t xml:space="preserve"> – {{ place_date }}</w:t></w:r></w:p>',
  paraXml('{{doc_type}}', { center: true }),
  paraXml(['{{ti', 'tle}}']),
  // The body poured into a one-cell table; {{body}} itself split in two runs.
  `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>${paraXml(['{{bo', 'dy}}'])}</w:tc></w:tr></w:tbl>`,
  paraXml('Mã riêng của đơn vị: {{unit_code}}'),
  paraXml(' {{recipients}} '),
  paraXml(['{{signer_title}}', ': ', '{{signer_name}}']),
].join('');

describe('word export: a valid OOXML package; team templates filled as Word saves them', function () {

  it('the exported draft is a valid package: content types, relationships, well-formed parts, properties in schema order', async () => {
    const bytes = await renderDocx(buildWordReport(parseReport(readFileSync(DRAFT, 'utf8'), 'file:///draft.report.md')), 'Ủy ban Quốc gia về chuyển đổi số');
    const parts = await checkPackage(bytes);
    for (const p of ['word/document.xml', 'word/styles.xml', 'word/settings.xml', 'docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) assert.ok(parts.has(p), p);
    const doc = parseStrict(parts.get('word/document.xml')!, 'document');
    // Every heading style the body uses is defined.
    const styles = new Set(Array.from(parseStrict(parts.get('word/styles.xml')!, 'styles').getElementsByTagNameNS(W, 'style') as ArrayLike<Element>, (s) => s.getAttributeNS(W, 'styleId')));
    const used = new Set(Array.from(doc.getElementsByTagNameNS(W, 'pStyle') as ArrayLike<Element>, (s) => s.getAttributeNS(W, 'val')));
    assert.ok(used.size >= 2, 'the draft has headings');
    for (const s of used) assert.ok(styles.has(s), `style ${s} is defined`);
  });

  it('the same report gives the same bytes', async () => {
    const a = await renderDocx(report());
    const b = await renderDocx(report());
    assert.deepEqual(Buffer.from(a), Buffer.from(b));
  });

  it('text XML cannot carry is left out, not written into a broken part', async () => {
    const r = report();
    r.blocks.push({ kind: 'paragraph', runs: [{ text: 'a\u0001b\u000bc\uFFFEd \uD800e' }], indent: 0 });
    const parts = await checkPackage(await renderDocx(r));
    assert.ok(paragraphTexts(parts.get('word/document.xml')!).includes('abcd e'));
  });

  it('a template with placeholders split over runs, in a header and a table cell: all filled, the body in the cell', async () => {
    const template = await docxPackage(SPLIT_TEMPLATE_BODY, { headers: [paraXml(['Số ', '{{num', 'ber}}', ' – trang'])] });
    const filled = await fillTemplate(template, report());
    const parts = await checkPackage(filled);
    const lines = paragraphTexts(parts.get('word/document.xml')!);
    assert.deepEqual(lines.slice(0, 4), ['CỤC CHUYỂN ĐỔI SỐ QUỐC GIA', 'Số: 21/BC-CĐSQG – Hà Nội, ngày 10 tháng 4 năm 2025', 'BÁO CÁO', 'Báo cáo quý I/2025']);
    assert.ok(lines.includes('Tỷ lệ đạt 45,2% & tăng so với quý trước.'), lines.join('\n'));
    assert.ok(lines.includes('Mã riêng của đơn vị: {{unit_code}}'), 'a placeholder that is not ours is left as written');
    assert.deepEqual(lines.slice(-4), ['Nơi nhận:', '- Bộ trưởng (để b/c);', '- Lưu: VT.', 'CỤC TRƯỞNG: Trần Thị B']);
    assert.ok(!lines.some((l) => /\{\{(?!unit_code)/.test(l)), 'no placeholder of ours left');
    assert.deepEqual(paragraphTexts(parts.get('word/header1.xml')!), ['Số 21/BC-CĐSQG – trang']);
    // The issuer takes the style of the run its placeholder starts in (not bold), the rest of the runs emptied.
    const doc = parseStrict(parts.get('word/document.xml')!, 'document');
    const first = doc.getElementsByTagNameNS(W, 'p')[0];
    const runs = Array.from(first.getElementsByTagNameNS(W, 'r') as ArrayLike<Element>);
    assert.equal(runs[0].getElementsByTagNameNS(W, 't')[0].textContent, 'CỤC CHUYỂN ĐỔI SỐ QUỐC GIA');
    assert.equal(runs[0].getElementsByTagNameNS(W, 'b').length, 0);
    // The body's headings, paragraphs and table are inside the template's table cell.
    const cell = doc.getElementsByTagNameNS(W, 'tc')[0];
    assert.ok(cell.getElementsByTagNameNS(W, 'tbl').length === 1, 'the data table inside the cell');
    assert.ok(Array.from(cell.getElementsByTagNameNS(W, 'pStyle') as ArrayLike<Element>).some((s) => s.getAttributeNS(W, 'val') === 'Heading2'));
    // And the import reads the stored session back.
    assert.deepEqual((await docxBlocks(filled)).stored, { session: 4, date: '2025-04-10', period: '2025-Q1' });
  });

  it('placeholders cut anywhere into runs (with proofing marks and bookmarks between, any run bold) are filled, the text around them kept', async () => {
    const text = 'Số {{number}}, {{ title }}: {{unit_code}} – {{signer_name}}.';
    const expected = 'Số 21/BC-CĐSQG, Báo cáo quý I/2025: {{unit_code}} – Trần Thị B.';
    const r = report();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }), async (cuts, bold) => {
        const at = [0, ...cuts.sort((a, b) => a - b), text.length];
        const marks = ['<w:proofErr w:type="spellStart"/>', '<w:bookmarkStart w:id="1" w:name="b"/><w:bookmarkEnd w:id="1"/>', ''];
        const runs = at.slice(1).map((end, i) => runXml({ text: text.slice(at[i], end), bold: bold[i] }) + marks[i % 3]);
        const filled = await checkPackage(await fillTemplate(await docxPackage(`<w:p>${runs.join('')}</w:p>${paraXml('{{body}}')}`), r));
        assert.equal(paragraphTexts(filled.get('word/document.xml')!)[0], expected);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS) || 40, seed: SEED, endOnFailure: true },
    );
  });

  it("the heading styles the body uses are added to a template that lacks them; a team's own stay, and the import reads the headings back", async () => {
    const ids = (xml: string) => Array.from(parseStrict(xml, 'styles').getElementsByTagNameNS(W, 'style') as ArrayLike<Element>, (s) => s.getAttributeNS(W, 'styleId'));
    const plain = await checkPackage(await fillTemplate(await docxPackage(paraXml('{{body}}')), report()));
    assert.deepEqual(ids(plain.get('word/styles.xml')!), ['Normal', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']);
    const own = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:rPr><w:color w:val="C00000"/></w:rPr></w:style></w:styles>`;
    const filled = await fillTemplate(await docxPackage(paraXml('{{title}}') + paraXml('{{body}}'), { parts: { 'word/styles.xml': own } }), report());
    const parts = await checkPackage(filled);
    const styles = parts.get('word/styles.xml')!;
    assert.deepEqual(ids(styles).filter((i) => i === 'Heading2'), ['Heading2'], 'one Heading2: the team\'s');
    assert.match(styles, /w:styleId="Heading2"><w:name w:val="heading 2"\/><w:rPr><w:color w:val="C00000"\/>/);
    const headings = (await docxBlocks(filled)).blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.runs.map((r) => r.text).join(''));
    assert.deepEqual(headings, ['I. Kết quả', 'II. Kiến nghị']);
  });

  it('a template that cannot be filled whole is refused in both languages', async () => {
    const refused = async (bytes: Uint8Array | Promise<Uint8Array>, en: RegExp, vi: RegExp) => {
      await assert.rejects(fillTemplate(await bytes, report()), (e: unknown) => {
        assert.ok(e instanceof TemplateError, String(e));
        assert.match(e.why.en, en);
        assert.match(e.why.vi, vi);
        return true;
      });
    };
    await refused(docxPackage(paraXml('{{title}}')), /no paragraph holding only \{\{body\}\} in word\/document\.xml/, /không có đoạn nào chỉ chứa \{\{body\}\}/);
    await refused(docxPackage(paraXml('Nội dung: {{body}}')), /\{\{body\}\} must stand alone in its paragraph/, /phải đứng riêng một đoạn/);
    await refused(docxPackage(paraXml('{{body}}'), { parts: { 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' } }), /word\/document\.xml: not well-formed XML/, /không phải XML hợp lệ/);
    await refused(docxPackage(paraXml('{{body}}'), { headers: ['<w:p><w:r><w:t>{{number}</w:t></w:r>'] }), /word\/header1\.xml: not well-formed XML/, /header1\.xml/);
    await refused(docxPackage(paraXml('{{body}}'), { parts: { 'word/document.xml': '<?xml version="1.0"?><html><body/></html>' } }), /is not a WordprocessingML document/, /không phải văn bản WordprocessingML/);
    const noRels = await JSZip.loadAsync(await docxPackage(paraXml('{{body}}')));
    noRels.remove('_rels/.rels');
    await refused(noRels.generateAsync({ type: 'uint8array' }), /no _rels\/\.rels/, /thiếu _rels\/\.rels/);
    await refused(Promise.resolve(new TextEncoder().encode('PK not really a zip')), /not a \.docx file/, /không phải tệp \.docx/);
  });

  it('the export with such a template: a DocxRefused naming the template, in both languages; the CLI writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-ooxml-'));
    try {
      mkdirSync(path.join(dir, '.policy-report'));
      writeFileSync(path.join(dir, '.policy-report', 'template.docx'), await docxPackage(paraXml('{{title}} – {{body}}')));
      await assert.rejects(reportToDocx(REPORT, path.join(dir, 'q1.report.md'), dir), (e: unknown) => {
        assert.ok(e instanceof DocxRefused, String(e));
        assert.match(e.why.en, /^\.policy-report\/template\.docx: not a usable \.docx template: word\/document\.xml: \{\{body\}\} must stand alone/);
        assert.match(e.why.vi, /^\.policy-report\/template\.docx: mẫu \.docx không dùng được: word\/document\.xml: \{\{body\}\} phải đứng riêng một đoạn/);
        return true;
      });
      writeFileSync(path.join(dir, 'q1.report.md'), REPORT);
      const bin = path.join(repoRoot, 'bin', 'policy-report.js');
      const r = spawnSync(process.execPath, [bin, 'export', 'q1.report.md', '--format', 'docx'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: HANG_MS });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /template\.docx: not a usable \.docx template/);
      assert.ok(!existsSync(path.join(dir, 'q1.docx')), 'nothing written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('LibreOffice reads the export and a filled split-run template with the expected text', async function () {
    if (!hasSoffice()) {
      if (process.env.POLICY_REPORT_REQUIRE_SOFFICE === '1') assert.fail('soffice is required (POLICY_REPORT_REQUIRE_SOFFICE=1) but not on the PATH');
      this.skip();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-ooxml-lo-'));
    try {
      const squash = (t: string) =>
        t
          .split(/\r?\n/)
          .map((l) => l.replace(/\s+/g, ' ').trim())
          .filter(Boolean);
      const exported = squash(sofficeText(await renderDocx(report()), dir, 'export'));
      for (const line of ['CỤC CHUYỂN ĐỔI SỐ QUỐC GIA', 'Số: 21/BC-CĐSQG', QUOC_HIEU, TIEU_NGU, 'Hà Nội, ngày 10 tháng 4 năm 2025', 'BÁO CÁO', 'Báo cáo quý I/2025', 'I. Kết quả', 'Tỷ lệ đạt 45,2% & tăng so với quý trước.', 'II. Kiến nghị', 'Đề nghị tiếp tục.', 'Nơi nhận:', '- Bộ trưởng (để b/c);', 'CỤC TRƯỞNG', 'Trần Thị B']) {
        assert.ok(exported.includes(line), `LibreOffice reads "${line}" in the export:\n${exported.join('\n')}`);
      }
      const template = await docxPackage(SPLIT_TEMPLATE_BODY);
      const filled = squash(sofficeText(await fillTemplate(template, report()), dir, 'filled'));
      for (const line of ['CỤC CHUYỂN ĐỔI SỐ QUỐC GIA', 'Số: 21/BC-CĐSQG – Hà Nội, ngày 10 tháng 4 năm 2025', 'Báo cáo quý I/2025', 'I. Kết quả', 'Tỷ lệ đạt 45,2% & tăng so với quý trước.', 'Đề nghị tiếp tục.', '- Lưu: VT.', 'CỤC TRƯỞNG: Trần Thị B']) {
        assert.ok(filled.includes(line), `LibreOffice reads "${line}" in the filled template:\n${filled.join('\n')}`);
      }
      assert.ok(!filled.some((l) => /\{\{(?!unit_code)/.test(l)), 'no placeholder of ours left');
      // A template saved by another writer (LibreOffice's own .docx, from HTML): filled, still valid, read back.
      writeFileSync(path.join(dir, 'mau.html'), '<html><head><meta charset="utf-8"></head><body><p><b>{{issuer}}</b></p><p>Số: {{number}}</p><table border="1"><tr><td>{{doc_type}}</td><td><i>{{title}}</i></td></tr></table><p>{{body}}</p><p>{{recipients}}</p></body></html>');
      const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, path.join(dir, 'mau.html')], { encoding: 'utf8', timeout: HANG_MS });
      assert.equal(r.status, 0, r.stderr);
      const other = await fillTemplate(new Uint8Array(readFileSync(path.join(dir, 'mau.docx'))), report());
      const parts = await checkPackage(other);
      assert.ok(parts.has('docProps/custom.xml'));
      const read = squash(sofficeText(other, dir, 'other'));
      for (const line of ['CỤC CHUYỂN ĐỔI SỐ QUỐC GIA', 'Số: 21/BC-CĐSQG', 'BÁO CÁO', 'Báo cáo quý I/2025', 'I. Kết quả', 'Tỷ lệ đạt 45,2% & tăng so với quý trước.', 'Đề nghị tiếp tục.', '- Lưu: VT.']) {
        assert.ok(read.includes(line), `LibreOffice reads "${line}" in its own template filled:\n${read.join('\n')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
