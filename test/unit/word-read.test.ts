/**
 * The .docx reader (core/word/ooxml-read*.ts, through io/word.ts docxBlocks): small .docx files made
 * here with JSZip from WordprocessingML written out, read into the blocks the import takes. Headings
 * by style name, by a localised style based on a heading style, by outline level; bold and italic
 * runs (a run's formatting continued by the next run is one run); line breaks, tabs, symbols; lists
 * by numbering (nested, by style, linked to a numbering style); tables with merged cells; hyperlinks,
 * fields, content controls, smart tags, insertions kept and deletions dropped; text boxes after their
 * paragraph; footnotes listed after the body. Hostile parts: not XML, no body, entities declared in
 * a DTD, nesting deeper than the reader follows, broken styles or numbering, a missing picture.
 */
import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { DocxRefused, docxBlocks } from '../../server/src/io/word';
import { MAX_DEPTH, ooxmlBlocks, partPaths } from '../../server/src/core/word/ooxml-read';
import { importReport } from '../../server/src/core/word/import';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Block } from '../../server/src/core/word/model';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A run of text, with run properties. */
const r = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
/** A paragraph, with paragraph properties. */
const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const style = (type: string, id: string, name: string, more = '') => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${more}</w:style>`;

interface Parts {
  styles?: string;
  numbering?: string;
  footnotes?: string;
  rels?: string;
  files?: Record<string, string>;
  /** The document part's text as it is (else the body wrapped in w:document). */
  document?: string;
  /** Stored, not deflated (a large repetitive part deflated would be refused as a zip bomb). */
  store?: boolean;
}

/** A .docx of a body (WordprocessingML), with the parts given. */
async function docx(body: string, parts: Parts = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  zip.file('word/document.xml', parts.document ?? `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (parts.styles !== undefined) zip.file('word/styles.xml', `<w:styles ${NS}>${parts.styles}</w:styles>`);
  if (parts.numbering !== undefined) zip.file('word/numbering.xml', `<w:numbering ${NS}>${parts.numbering}</w:numbering>`);
  if (parts.footnotes !== undefined) zip.file('word/footnotes.xml', `<w:footnotes ${NS}>${parts.footnotes}</w:footnotes>`);
  if (parts.rels !== undefined) zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.rels}</Relationships>`);
  for (const [name, text] of Object.entries(parts.files ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: parts.store ? 'STORE' : 'DEFLATE' });
}

const read = async (body: string, parts: Parts = {}) => docxBlocks(await docx(body, parts));
const blocks = async (body: string, parts: Parts = {}): Promise<Block[]> => (await read(body, parts)).blocks;
/** A block's text, as the tests compare it: "h2 text", "p text", "1. item" (indented by nesting), "| a | b |". */
const show = (bs: Block[]): string[] =>
  bs.map((b) => {
    const runs = (rs: Array<{ text: string; bold?: boolean; italic?: boolean; breakBefore?: boolean }>) =>
      rs.map((x) => `${x.breakBefore ? '⏎' : ''}${x.bold ? '**' : ''}${x.italic ? '_' : ''}${x.text}${x.italic ? '_' : ''}${x.bold ? '**' : ''}`).join('|');
    if (b.kind === 'heading') return `h${b.level} ${runs(b.runs)}`;
    if (b.kind === 'table') return b.rows.map((row) => `| ${row.map(runs).join(' | ')} |`).join('\n');
    return b.marker ? `${'  '.repeat(b.indent - 1)}${b.marker}${runs(b.runs)}` : `p ${runs(b.runs)}`;
  });

describe('the .docx reader (WordprocessingML to blocks)', () => {
  it('headings: Word\'s heading styles by name or id, a localised style based on one, an outline level; not a table of contents\' heading', async () => {
    const styles =
      style('paragraph', 'u1', 'heading 1', '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>') +
      style('paragraph', 'Heading2', 'Tiêu đề 2 (id)') +
      style('paragraph', 'Muc', 'Tiêu đề mục', '<w:basedOn w:val="u1"/>') +
      style('paragraph', 'MucCon', 'Mục con', '<w:basedOn w:val="Muc"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr>') +
      style('paragraph', 'TOCHeading', 'TOC Heading', '<w:basedOn w:val="u1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>') +
      style('paragraph', 'Loop', 'Vòng', '<w:basedOn w:val="Loop"/>') +
      style('paragraph', 'Normal', 'Normal');
    const body =
      p(r('Một'), '<w:pStyle w:val="u1"/>') +
      p(r('Hai'), '<w:pStyle w:val="Heading2"/>') +
      p(r('Mục'), '<w:pStyle w:val="Muc"/>') +
      p(r('Mục con'), '<w:pStyle w:val="MucCon"/>') +
      p(r('Mục lục'), '<w:pStyle w:val="TOCHeading"/>') +
      p(r('Theo cấp đề cương'), '<w:pStyle w:val="Normal"/><w:outlineLvl w:val="1"/>') +
      p(r('Cấp 9 là văn bản'), '<w:outlineLvl w:val="9"/>') +
      p(r('Vòng lặp'), '<w:pStyle w:val="Loop"/>');
    assert.deepEqual(show(await blocks(body, { styles })), ['h1 Một', 'h2 Hai', 'h1 Mục', 'h3 Mục con', 'p Mục lục', 'h2 Theo cấp đề cương', 'p Cấp 9 là văn bản', 'p Vòng lặp']);
  });

  it('runs: bold and italic (direct, or the Strong style), one run for text formatted alike, line breaks, tabs, hyphens, Symbol\'s and Wingdings\' characters; superscript left out', async () => {
    const styles = style('character', 'Strong', 'Strong');
    const body =
      p(r('Tỷ lệ ') + r('đạt', '<w:b/>') + r(' 42%', '<w:b/>') + r(' và', '<w:b w:val="0"/>') + r(' nghiêng', '<w:i/>') + r(' cả hai', '<w:b/><w:i/>') + `<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>mạnh</w:t></w:r>`) +
      p(`${r('dòng một')}<w:r><w:br/><w:t>dòng hai</w:t><w:cr/><w:t>dòng ba</w:t><w:tab/><w:t>cột</w:t></w:r>`) +
      p(`${r('m')}${r('2', '<w:vertAlign w:val="superscript"/>')}<w:r><w:t xml:space="preserve"> </w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t xml:space="preserve"> 80%</w:t><w:noBreakHyphen/><w:t>x</w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Webdings" w:char="F061"/></w:r>`) +
      p(`<w:r><w:t>trang</w:t><w:br w:type="page"/><w:t>mới</w:t></w:r>`);
    const read1 = await read(body, { styles });
    assert.deepEqual(show(read1.blocks), [
      'p Tỷ lệ |**đạt 42%**| và|_ nghiêng_|**_ cả hai_**|**mạnh**',
      'p dòng một|⏎dòng hai|⏎dòng ba cột',
      'p m| ≥ 80%‑x✓',
      'p trangmới',
    ]);
    assert.ok(read1.warnings.some((w) => /w:sym .*Webdings/.test(w)), read1.warnings.join('\n'));
  });

  it('lists: numbered and bulleted, nested, numbered by the paragraph\'s style or through a numbering style; a level past the fifth is a paragraph', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="5"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/></w:lvl></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="NumStyle"/></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="Missing"/></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>';
    const styles = style('paragraph', 'ListBullet', 'List Bullet') + style('numbering', 'NumStyle', 'Num', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>');
    const item = (t: string, ilvl: number, numId: number) => p(r(t), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const body =
      item('một', 0, 1) + item('một a', 1, 1) + item('một b', 1, 1) + item('hai', 0, 1) + p(r('giữa')) +
      p(r('gạch'), '<w:pStyle w:val="ListBullet"/>') + item('qua kiểu', 0, 3) + item('cấp sáu', 5, 1) + item('mất kiểu', 0, 4) + item('không số', 0, 0) + item('ba', 1, 1);
    assert.deepEqual(show(await blocks(body, { styles, numbering })), [
      '1. một',
      '  - một a',
      '  - một b',
      '2. hai',
      'p giữa',
      '- gạch',
      '1. qua kiểu',
      'p cấp sáu',
      'p mất kiểu',
      'p không số',
      // A nested item with no item before it: an empty item holds it.
      '- ',
      '  - ba',
    ]);
  });

  it('tables: cells\' paragraphs joined by breaks, a horizontal merge one cell, a vertical merge its first cell; deleted rows left out; rows in a content control kept', async () => {
    const tc = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const body =
      `<w:tbl><w:tblPr/><w:tblGrid/>` +
      `<w:tr>${tc(p(r('Chỉ tiêu')))}${tc(p(r('Năm 2024')), '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc(p(r('A')), '<w:vMerge w:val="restart"/>')}${tc(p(r('1')) + p(r('2')))}${tc('<w:p/>')}</w:tr>` +
      `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p(r('3')))}${tc(p(r('4')))}</w:tr>` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:trPr>${tc(p(r('xóa')))}</w:tr>` +
      `<w:sdt><w:sdtContent><w:tr>${tc(p(r('B')))}${tc(p(r('5')))}</w:tr></w:sdtContent></w:sdt>` +
      `</w:tbl>`;
    assert.deepEqual(show(await blocks(body)), ['| Chỉ tiêu | Năm 2024 |\n| A | 1|⏎2 |  |\n| 3 | 4 |\n| B | 5 |']);
  });

  it('wrappers: hyperlinks, fields (simple and complex), content controls, smart tags and custom XML keep their text; insertions kept, deletions dropped; a deleted paragraph mark joins two paragraphs', async () => {
    const rels = `<Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://mic.gov.vn/" TargetMode="External"/>`;
    const field = (code: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const body =
      p(`${r('Xem ')}<w:hyperlink r:id="rId5">${r('Cổng', '<w:b/>')}</w:hyperlink>${r(' và ')}${field('HYPERLINK "https://a.vn"', r('trang', '<w:b/>') + r(' A', '<w:b/>'))}${r('.')}`) +
      p(`${r('Số: ')}<w:fldSimple w:instr=" DOCPROPERTY number "><w:r><w:t>25/BC-BTTTT</w:t></w:r></w:fldSimple>${r(', ngày ')}${field('DATE \\@ "d/M/yyyy"', r('22/7/2022'))}`) +
      p(`<w:smartTag w:uri="urn:x" w:element="place">${r('Hà Nội')}</w:smartTag><w:customXml w:element="x">${r(' thủ đô')}</w:customXml>`) +
      `<w:sdt><w:sdtPr><w:alias w:val="Tiêu đề"/></w:sdtPr><w:sdtContent>${p(r('Trong ô nội dung'))}</w:sdtContent></w:sdt>` +
      p(`${r('Đạt ')}<w:ins w:id="1" w:author="x">${r('120%')}</w:ins><w:del w:id="2" w:author="x"><w:r><w:delText>100%</w:delText></w:r></w:del>${r('.')}`) +
      p(r('Đoạn đầu'), '<w:rPr><w:del w:id="3" w:author="x"/></w:rPr>') +
      p(r(' nối vào đoạn sau.')) +
      p(`<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent>${r('☒')}</w:sdtContent></w:sdt>${r(' Đồng ý')}`);
    assert.deepEqual(show(await blocks(body, { rels })), [
      'p Xem |**Cổng**| và |**trang A**|.',
      'p Số: 25/BC-BTTTT, ngày 22/7/2022',
      'p Hà Nội thủ đô',
      'p Trong ô nội dung',
      'p Đạt 120%.',
      'p Đoạn đầu nối vào đoạn sau.',
      'p Đồng ý',
    ]);
  });

  it('a text box\'s paragraphs follow its paragraph (Word\'s fallback picture of it); pictures are no text; footnotes are listed after the body, in the order they are referenced (a reference splits the run, as it did)', async () => {
    const box = `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>BẢN VẼ</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p(r('Trong hộp'))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></mc:Fallback></mc:AlternateContent>`;
    const picture = (id: string) =>
      `<w:r><w:drawing><wp:inline><wp:docPr id="1" name="p" descr="ảnh"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const rels = `<Relationship Id="rId7" Type="${REL}/image" Target="media/a.png"/><Relationship Id="rId8" Type="${REL}/image" Target="media/missing.png"/>`;
    const note = (id: number, inner: string, type = '') => `<w:footnote w:id="${id}"${type ? ` w:type="${type}"` : ''}>${inner}</w:footnote>`;
    const footnotes = note(-1, p('<w:r><w:separator/></w:r>'), 'separator') + note(1, p(`<w:r><w:footnoteRef/></w:r>${r(' Nguồn: TCTK.')}`)) + note(2, p(r('Số liệu sơ bộ.')));
    const ref = (id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
    const body = p(`${r('Trước')}${box}${r(' sau')}`) + p(picture('rId7')) + p(picture('rId8')) + p(`${r('Kinh tế số')}${ref(2)}${r(' tăng')}${ref(1)}`);
    const result = await read(body, { rels, footnotes, files: { 'word/media/a.png': 'png' } });
    // The picture's paragraph stays (an empty paragraph, as mammoth's <p><img></p>); the missing picture's goes, with a warning.
    assert.deepEqual(show(result.blocks), ['p Trước sau', 'p Trong hộp', 'p ', 'p Kinh tế số| tăng', '1. Số liệu sơ bộ.', '2. Nguồn: TCTK.']);
    assert.ok(result.warnings.some((w) => w.includes('word/media/missing.png')), result.warnings.join('\n'));
  });

  it('reads any prefix for WordprocessingML\'s namespace, and the strict format\'s; a BOM; parts where the relationships put them', async () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const document = `\uFEFF<?xml version="1.0"?><x:document xmlns:x="${strict}"><x:body><x:p><x:pPr><x:pStyle x:val="T"/></x:pPr><x:r><x:t>Khác tiền tố</x:t></x:r></x:p></x:body></x:document>`;
    const files = { 'word/kieu.xml': `<s:styles xmlns:s="${strict}"><s:style s:type="paragraph" s:styleId="T"><s:name s:val="Heading 2"/></s:style></s:styles>` };
    const rels = `<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="kieu.xml"/>`;
    assert.deepEqual(show(await blocks('', { document, files, rels })), ['h2 Khác tiền tố']);
    assert.deepEqual(partPaths(undefined), { styles: 'word/styles.xml', numbering: 'word/numbering.xml', footnotes: 'word/footnotes.xml', endnotes: 'word/endnotes.xml' });
  });

  it('an imported report takes its sections from the headings the reader finds (a localised heading style, an outline level)', async () => {
    const styles = style('paragraph', 'Muc', 'Tiêu đề mục', '<w:basedOn w:val="Heading1"/>') + style('paragraph', 'Heading1', 'heading 1');
    const body = p(r('BÁO CÁO')) + p(r('Kết quả 6 tháng đầu năm 2024', '<w:b/>')) + p(r('I. KẾT QUẢ'), '<w:pStyle w:val="Muc"/>') + p(r('Nội dung.')) + p(r('1. Chi tiết'), '<w:outlineLvl w:val="1"/>');
    const service = new LanguageService({ workspace: new InMemoryWorkspace({}), folders: ['file:///ws'], lang: 'en' });
    await service.reloadCatalog();
    const result = importReport(await blocks(body, { styles }), service.catalogs.catalog);
    assert.match(result.text, /\n# Kết quả 6 tháng đầu năm 2024\n\n## I\. KẾT QUẢ\n\nNội dung\.\n\n### 1\. Chi tiết\n$/);
  });

  describe('hostile parts', () => {
    const refused = (why: RegExp) => (e: unknown) => e instanceof DocxRefused && why.test(e.why.en) && e.why.vi.length > 0;

    it('a document part that is not XML, or has no body, is refused with a reason in both languages', async () => {
      await assert.rejects(read('', { document: 'PK this is not XML <<<' }), refused(/word\/document\.xml is unreadable or has no body/));
      await assert.rejects(read('', { document: `<?xml version="1.0"?><w:document ${NS}></w:document>` }), refused(/no body/));
      await assert.rejects(read('', { document: `<?xml version="1.0"?><w:document ${NS}><w:body><w:p><w:r><w:t>unclosed</w:r></w:p></w:body></w:document>` }), refused(/unreadable/));
    });

    it('entities declared in a DTD are not expanded (no billion laughs, nothing external read)', async () => {
      const lol = `<!DOCTYPE w:document [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>`;
      await assert.rejects(read('', { document: `<?xml version="1.0"?>${lol}<w:document ${NS}><w:body>${p(r('&c;&c;&c;&ext;'))}</w:body></w:document>` }), refused(/unreadable/));
    });

    it('content nested deeper than the reader follows is left out with a warning, the rest read', async () => {
      const deep = 20000;
      const body = p(r('trước')) + p(`${'<w:ins>'.repeat(deep)}${r('sâu')}${'</w:ins>'.repeat(deep)}${r('nông')}`) + p(r('sau'));
      const result = await read(body);
      assert.deepEqual(show(result.blocks), ['p trước', 'p nông', 'p sau']);
      assert.ok(result.warnings.some((w) => w.includes(`${MAX_DEPTH} levels`)));
      // Just inside the limit, the text is read.
      const inside = await blocks(p(`${'<w:ins>'.repeat(MAX_DEPTH - 3)}${r('vừa')}${'</w:ins>'.repeat(MAX_DEPTH - 3)}`));
      assert.deepEqual(show(inside), ['p vừa']);
    });

    it('broken styles or numbering, a numbering that links to itself: the body is still read, a warning says what was not', async () => {
      const numbering =
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="S"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
      const styles = style('numbering', 'S', 'S', '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>');
      const loop = await read(p(r('vòng'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'), { styles, numbering });
      assert.deepEqual(show(loop.blocks), ['p vòng']);
      const broken = await read(p(r('vẫn đọc'), '<w:pStyle w:val="Heading1"/>'), { styles: '<w:style', numbering: '&bad;' });
      assert.deepEqual(show(broken.blocks), ['h1 vẫn đọc']);
      assert.ok(broken.warnings.some((w) => /^styles could not be read/.test(w)) && broken.warnings.some((w) => /^numbering could not be read/.test(w)), broken.warnings.join('\n'));
    });

    it('many fields open at once, long field codes, a note referenced many times: read in one pass (each run looks up its field once; a note is listed once)', async () => {
      const n = 40000;
      const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>';
      const code = `<w:r><w:instrText>${'HYPERLINK "https://a.vn/' + 'x'.repeat(5000)}</w:instrText></w:r>`;
      const body = p(begin.repeat(n) + code.repeat(20) + r('chữ').repeat(n) + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'.repeat(n) + r('cuối'));
      const result = await read(body, { store: true });
      assert.equal(show(result.blocks)[0], `p ${'chữ'.repeat(n)}|cuối`);
      const footnotes = `<w:footnote w:id="1">${p(r('Một ghi chú.'))}</w:footnote>`;
      const many = await read(p(r('Có') + '<w:r><w:footnoteReference w:id="1"/></w:r>'.repeat(n)), { footnotes, store: true });
      assert.deepEqual(show(many.blocks), ['p Có', '1. Một ghi chú.']);
    });

    it('the pure reader: null for a main part without a body, never a throw', () => {
      assert.equal(ooxmlBlocks({ document: '' }), null);
      assert.equal(ooxmlBlocks({ document: '<a/>' }), null);
      assert.deepEqual(ooxmlBlocks({ document: `<w:document ${NS}><w:body/></w:document>` }), { blocks: [], warnings: [] });
    });
  });
});
