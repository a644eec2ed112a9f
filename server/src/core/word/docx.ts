/**
 * The .docx of a report, in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins top and
 * bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt body; the header block (a two-column
 * table without borders: the issuing body and "Số: …" on the left, the Quốc hiệu and the underlined
 * tiêu ngữ on the right, then the place and date in italics); the document type and its title
 * centred in bold; the body; the recipients ("Nơi nhận:") and the signature block side by side;
 * page numbers at the top centre from page 2 (a first-page header that differs: w:titlePg).
 * Written as WordprocessingML through an XML DOM (ooxml-write.ts: no hand-made XML strings), zipped
 * with JSZip. A team's own .docx template is filled by placeholders instead (ooxml-template.ts; see
 * TEMPLATE_PLACEHOLDERS). Pure: bytes in, bytes out; the same report gives the same bytes.
 */
import { vietnameseDate, type Block, type Run, type WordReport } from './model';
import { customProperties, customXml } from './properties';
import { CONTENT_TYPE, NS, Part, REL, contentTypes, relationships, zipParts } from './ooxml-write';
import { patchTemplate } from './ooxml-template';

/** Twips (1/1440 inch) in a millimetre. */
const MM = 1440 / 25.4;
/** A4 and the margins of ND 30/2020 (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
export const FONT = 'Times New Roman';
/** Sizes in points: body 14, header lines 13, the Quốc hiệu and the bodies' names 12, recipients 12 and 11. */
const PT = { body: 14, header: 13, quocHieu: 12, recipientsLabel: 12, recipients: 11 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** A first-line indent of 10 mm (body paragraphs, headings, list items). */
const INDENT = Math.round(10 * MM);

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
export const DEFAULT_RECIPIENTS = ['Như trên;', 'Lưu: VT.'];

/** The placeholders a team template may hold ({{name}}), and what fills each. */
export const TEMPLATE_PLACEHOLDERS: Record<string, string> = {
  issuer_parent: 'cơ quan chủ quản / the parent body (issuer-parent)',
  issuer: 'cơ quan ban hành / the issuing body (issuer, else committee)',
  number: 'số và ký hiệu / number, e.g. 15/BC-BKHCN',
  place_date: 'địa danh, ngày tháng / "Hà Nội, ngày 20 tháng 02 năm 2025"',
  doc_type: 'tên loại văn bản / document type (BÁO CÁO)',
  title: 'trích yếu / the title',
  body: 'the body: headings, paragraphs, tables (a paragraph holding only {{body}})',
  recipients: 'nơi nhận / the recipients, one paragraph each (a paragraph holding only {{recipients}})',
  signer_authority: 'quyền hạn ký / KT. BỘ TRƯỞNG…',
  signer_title: 'chức vụ / THỨ TRƯỞNG…',
  signer_name: 'họ tên người ký / the signer',
};

interface Style {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  font?: string;
}

/** A paragraph's properties (written in the schema's order: pStyle, keepNext, spacing, ind, jc). */
interface Para {
  style?: string;
  keepNext?: boolean;
  spacing?: { before?: number; after?: number; line?: number };
  indent?: { left?: number; firstLine?: number };
  align?: 'left' | 'center' | 'right' | 'both';
}

const fonts = (x: Part, font: string) => x.el('w:rFonts', { 'w:ascii': font, 'w:hAnsi': font, 'w:eastAsia': font, 'w:cs': font });

/** Run properties in the schema's order: rFonts, b, bCs, i, iCs, color, sz, szCs, u. */
function runProps(x: Part, s: Style, color?: string): Element {
  const half = (s.size ?? PT.body) * 2;
  return x.el(
    'w:rPr',
    {},
    fonts(x, s.font ?? FONT),
    s.bold && [x.el('w:b'), x.el('w:bCs')],
    s.italic && [x.el('w:i'), x.el('w:iCs')],
    color && x.el('w:color', { 'w:val': color }),
    x.el('w:sz', { 'w:val': half }),
    x.el('w:szCs', { 'w:val': half }),
    s.underline && x.el('w:u', { 'w:val': 'single' }),
  );
}

const run = (x: Part, text: string, s: Style = {}, breakBefore = false): Element =>
  x.el('w:r', {}, runProps(x, s), breakBefore && x.el('w:br'), x.el('w:t', { 'xml:space': 'preserve' }, text));

function paraProps(x: Part, p: Para): Element | null {
  const sp = p.spacing;
  const children = [
    p.style && x.el('w:pStyle', { 'w:val': p.style }),
    p.keepNext && x.el('w:keepNext'),
    sp && x.el('w:spacing', { 'w:before': sp.before, 'w:after': sp.after, 'w:line': sp.line, 'w:lineRule': sp.line === undefined ? undefined : 'auto' }),
    p.indent && x.el('w:ind', { 'w:left': p.indent.left, 'w:firstLine': p.indent.firstLine }),
    p.align && x.el('w:jc', { 'w:val': p.align }),
  ];
  return children.some(Boolean) ? x.el('w:pPr', {}, children) : null;
}

const paragraph = (x: Part, p: Para, runs: Element[] = []): Element => x.el('w:p', {}, paraProps(x, p), runs);

const centred = (x: Part, text: string, s: Style = {}, after = 0): Element => paragraph(x, { spacing: { before: 0, after }, align: 'center' }, [run(x, text, s)]);

const runsOf = (x: Part, runs: Run[], s: Style = {}): Element[] => runs.map((r) => run(x, r.text, { ...s, bold: s.bold || r.bold, italic: s.italic || r.italic }, r.breakBefore));

/** The fields as the document shows them (placeholders "…" where the front matter gives none). */
export function headerTexts(report: WordReport, committee?: string): Record<string, string> {
  const f = report.fields;
  return {
    issuer_parent: (f.issuerParent ?? '').toUpperCase(),
    issuer: (f.issuer ?? committee ?? '…').toUpperCase(),
    number: f.number ?? '     /BC-…',
    place_date: `${f.place ?? 'Hà Nội'}, ${vietnameseDate(report.date)}`,
    doc_type: (f.docType ?? 'BÁO CÁO').toUpperCase(),
    title: report.title,
    signer_authority: (f.signer?.authority ?? '').toUpperCase(),
    signer_title: (f.signer?.title ?? '').toUpperCase(),
    signer_name: f.signer?.name ?? '',
  };
}

/** A cell: its width (twips), vertical alignment and content (at least one paragraph, as Word wants). */
interface Cell {
  width: number;
  middle?: boolean;
  children: Element[];
}

/** A fixed-layout table: borderless (the header and closing blocks) or with single lines (the body's tables). */
function table(x: Part, widths: number[], rows: Array<{ header?: boolean; cells: Cell[] }>, borders: 'none' | 'single'): Element {
  const line = (side: string) => x.el(`w:${side}`, borders === 'none' ? { 'w:val': 'none', 'w:sz': 0, 'w:space': 0, 'w:color': 'FFFFFF' } : { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': 'auto' });
  return x.el(
    'w:tbl',
    {},
    x.el(
      'w:tblPr',
      {},
      x.el('w:tblW', { 'w:w': widths.reduce((a, b) => a + b, 0), 'w:type': 'dxa' }),
      x.el('w:tblBorders', {}, ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(line)),
      x.el('w:tblLayout', { 'w:type': 'fixed' }),
    ),
    x.el('w:tblGrid', {}, widths.map((w) => x.el('w:gridCol', { 'w:w': w }))),
    rows.map((r) =>
      x.el(
        'w:tr',
        {},
        r.header && x.el('w:trPr', {}, x.el('w:tblHeader')),
        r.cells.map((c) =>
          x.el('w:tc', {}, x.el('w:tcPr', {}, x.el('w:tcW', { 'w:w': c.width, 'w:type': 'dxa' }), c.middle && x.el('w:vAlign', { 'w:val': 'center' })), c.children.length ? c.children : paragraph(x, {})),
        ),
      ),
    ),
  );
}

function headerBlock(x: Part, h: Record<string, string>): Element {
  const left: Element[] = [];
  // The bodies' names at 12 pt (ND 30/2020 allows 12–13): a ministry's name fits its column.
  if (h.issuer_parent) left.push(centred(x, h.issuer_parent, { size: PT.quocHieu }));
  left.push(centred(x, h.issuer, { size: PT.quocHieu, bold: true }, 120));
  left.push(centred(x, `Số: ${h.number}`, { size: PT.header }));
  const right = [centred(x, QUOC_HIEU, { size: PT.quocHieu, bold: true }), centred(x, TIEU_NGU, { size: PT.body, bold: true, underline: true }, 240), centred(x, h.place_date, { size: PT.body, italic: true })];
  const leftWidth = Math.round(TEXT_WIDTH * 0.38);
  const widths = [leftWidth, TEXT_WIDTH - leftWidth];
  return table(x, widths, [{ cells: [{ width: widths[0], children: left }, { width: widths[1], children: right }] }], 'none');
}

/** The body blocks as WordprocessingML paragraphs and tables, made in `x`'s document (the built-in layout's, or a template's). */
export function bodyChildren(x: Part, blocks: Block[]): Element[] {
  const out: Element[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      // Word's own heading styles (the navigation pane, a table of contents, and a reader takes them back as headings).
      out.push(paragraph(x, { style: `Heading${Math.min(b.level, 6)}`, keepNext: true, spacing: { before: 120, after: 120 }, indent: { firstLine: INDENT }, align: 'both' }, runsOf(x, b.runs, { bold: true, italic: b.level >= 4 })));
    } else if (b.kind === 'paragraph') {
      const indent = b.marker ? { left: Math.round(INDENT * (b.indent - 1)), firstLine: INDENT } : { left: b.quote ? INDENT : 0, firstLine: b.code ? 0 : INDENT };
      const children = b.code
        ? [run(x, b.runs.map((r) => r.text).join(''), { font: 'Courier New', size: 11 })]
        : b.marker
          ? [run(x, b.marker), ...runsOf(x, b.runs)]
          : runsOf(x, b.runs, { italic: b.quote });
      out.push(paragraph(x, { spacing: { before: 0, after: 120, line: 276 }, indent, align: b.code ? 'left' : 'both' }, children));
    } else out.push(...dataTable(x, b));
  }
  return out;
}

function dataTable(x: Part, b: Extract<Block, { kind: 'table' }>): Element[] {
  const columns = Math.max(1, ...b.rows.map((r) => r.length));
  const width = Math.floor(TEXT_WIDTH / columns);
  const align = (i: number) => (b.align[i] === 'right' ? 'right' : b.align[i] === 'center' ? 'center' : 'left');
  const rows = b.rows.map((cells, r) => ({
    header: r === 0,
    cells: Array.from({ length: columns }, (_, i) => ({ width, middle: true, children: [paragraph(x, { align: r === 0 ? 'center' : align(i) }, runsOf(x, cells[i] ?? [], { size: PT.header, bold: r === 0 }))] })),
  }));
  // An empty paragraph after the table keeps the next paragraph from joining it in Word.
  return [table(x, Array.from({ length: columns }, () => width), rows, 'single'), paragraph(x, {})];
}

export function recipientsParagraphs(x: Part, recipients: string[]): Element[] {
  return [paragraph(x, {}, [run(x, 'Nơi nhận:', { size: PT.recipientsLabel, bold: true, italic: true })]), ...recipients.map((r) => paragraph(x, {}, [run(x, `- ${r}`, { size: PT.recipients })]))];
}

function signerParagraphs(x: Part, h: Record<string, string>): Element[] {
  const out: Element[] = [];
  if (h.signer_authority) out.push(centred(x, h.signer_authority, { bold: true }));
  out.push(centred(x, h.signer_title || '…', { bold: true }, 1440));
  out.push(centred(x, h.signer_name || '…', { bold: true }));
  return out;
}

function closingBlock(x: Part, h: Record<string, string>, recipients: string[]): Element {
  const half = Math.round(TEXT_WIDTH / 2);
  const widths = [half, TEXT_WIDTH - half];
  return table(x, widths, [{ cells: [{ width: widths[0], children: recipientsParagraphs(x, recipients) }, { width: widths[1], children: signerParagraphs(x, h) }] }], 'none');
}

/** The section: A4, the margins, the page-number header from page 2 (rId of the default header, of the empty first-page one). */
function section(x: Part, defaultHeader: string, firstHeader: string): Element {
  return x.el(
    'w:sectPr',
    {},
    x.el('w:headerReference', { 'w:type': 'default', 'r:id': defaultHeader }),
    x.el('w:headerReference', { 'w:type': 'first', 'r:id': firstHeader }),
    x.el('w:pgSz', { 'w:w': PAGE.width, 'w:h': PAGE.height }),
    x.el('w:pgMar', { 'w:top': PAGE.top, 'w:right': PAGE.right, 'w:bottom': PAGE.bottom, 'w:left': PAGE.left, 'w:header': 708, 'w:footer': 708, 'w:gutter': 0 }),
    x.el('w:titlePg'),
    x.el('w:docGrid', { 'w:linePitch': 360 }),
  );
}

/** A header part: the page number centred (a PAGE field), or an empty paragraph (the first page's). */
function headerPart(pageNumber: boolean): string {
  const x = Part.create('w:hdr', ['w', 'r']);
  const s: Style = {};
  const field = (type: string) => x.el('w:r', {}, runProps(x, s), x.el('w:fldChar', { 'w:fldCharType': type }));
  const runs = pageNumber ? [field('begin'), x.el('w:r', {}, runProps(x, s), x.el('w:instrText', { 'xml:space': 'preserve' }, ' PAGE ')), field('separate'), x.el('w:r', {}, runProps(x, s), x.el('w:t', {}, '2')), field('end')] : [];
  x.append(x.root, [paragraph(x, { align: 'center' }, runs)]);
  return x.toString();
}

/** A w:style element (its children in the schema's order: name, basedOn, next, uiPriority, qFormat, pPr, rPr, tblPr). */
function style(x: Part, type: string, id: string, name: string, extra: { default?: boolean; basedOn?: string; priority?: number }, ...props: Array<Element | false>): Element {
  return x.el(
    'w:style',
    { 'w:type': type, 'w:default': extra.default ? 1 : undefined, 'w:styleId': id },
    x.el('w:name', { 'w:val': name }),
    extra.basedOn && x.el('w:basedOn', { 'w:val': extra.basedOn }),
    extra.basedOn && x.el('w:next', { 'w:val': 'Normal' }),
    extra.priority !== undefined && x.el('w:uiPriority', { 'w:val': extra.priority }),
    type === 'paragraph' && x.el('w:qFormat'),
    props,
  );
}

/**
 * Heading 1–6 as the body's headings use them: the body's font and size, bold, black (Word's own are
 * blue and larger), kept with the next paragraph, 6 pt before and after, outline level N-1 (the
 * navigation pane, a table of contents). Also added to a team template that lacks them.
 */
export function headingStyles(x: Part): Element[] {
  return [1, 2, 3, 4, 5, 6].map((n) =>
    style(x, 'paragraph', `Heading${n}`, `heading ${n}`, { basedOn: 'Normal', priority: 9 }, x.el('w:pPr', {}, x.el('w:keepNext'), x.el('w:spacing', { 'w:before': 120, 'w:after': 120 }), x.el('w:outlineLvl', { 'w:val': n - 1 })), runProps(x, { bold: true }, '000000')),
  );
}

/** word/styles.xml: Times New Roman 14 pt by default (Vietnamese), Normal, the default table, and the headings. */
export function stylesPart(): string {
  const x = Part.create('w:styles', ['w']);
  const rPrDefault = runProps(x, {});
  rPrDefault.appendChild(x.el('w:lang', { 'w:val': 'vi-VN', 'w:eastAsia': 'en-US', 'w:bidi': 'ar-SA' }));
  const cellMargin = (side: string, w: number) => x.el(`w:${side}`, { 'w:w': w, 'w:type': 'dxa' });
  x.append(x.root, [
    x.el('w:docDefaults', {}, x.el('w:rPrDefault', {}, rPrDefault), x.el('w:pPrDefault')),
    style(x, 'paragraph', 'Normal', 'Normal', { default: true }),
    style(x, 'table', 'TableNormal', 'Normal Table', { default: true }, x.el('w:tblPr', {}, x.el('w:tblInd', { 'w:w': 0, 'w:type': 'dxa' }), x.el('w:tblCellMar', {}, cellMargin('top', 0), cellMargin('left', 108), cellMargin('bottom', 0), cellMargin('right', 108)))),
    headingStyles(x),
  ]);
  return x.toString();
}

/** word/settings.xml: the default tab stop and Word 2013+ compatibility (no compatibility mode). */
function settingsPart(): string {
  const x = Part.create('w:settings', ['w']);
  x.append(x.root, [x.el('w:defaultTabStop', { 'w:val': 720 }), x.el('w:compat', {}, x.el('w:compatSetting', { 'w:name': 'compatibilityMode', 'w:uri': 'http://schemas.microsoft.com/office/word', 'w:val': 15 }))]);
  return x.toString();
}

/** docProps/core.xml: the title and the creator (no dates: the same report gives the same bytes). */
function corePart(title: string): string {
  const x = Part.create('cp:coreProperties', ['cp', 'dc', 'dcterms']);
  x.append(x.root, [x.el('dc:title', {}, title), x.el('dc:creator', {}, 'policy-report')]);
  return x.toString();
}

/** docProps/app.xml: the application. */
function appPart(): string {
  const x = Part.create('Properties', ['vt'], NS.ep);
  x.append(x.root, [x.el('Application', {}, 'policy-report')]);
  return x.toString();
}

/** The .docx of a report, built on the ND 30/2020 layout. `committee` stands in for a missing `issuer`. */
export async function renderDocx(report: WordReport, committee?: string): Promise<Uint8Array> {
  const h = headerTexts(report, committee);
  const x = Part.create('w:document', ['w', 'r']);
  x.append(x.root, [
    x.el(
      'w:body',
      {},
      headerBlock(x, h),
      paragraph(x, { spacing: { before: 240, after: 0 }, align: 'center' }, [run(x, h.doc_type, { bold: true })]),
      centred(x, report.title, { bold: true }, 240),
      bodyChildren(x, report.blocks),
      closingBlock(x, h, report.fields.recipients ?? DEFAULT_RECIPIENTS),
      // Page numbers centred at the top from page 2 (ND 30/2020, Phụ lục I); none on the first page.
      section(x, 'rId3', 'rId4'),
    ),
  ]);
  // The session, date and period, read back by the import (properties.ts).
  const custom = customProperties(report.stored).length > 0;
  const parts = new Map<string, string>([
    [
      '[Content_Types].xml',
      contentTypes([
        ['word/document.xml', CONTENT_TYPE.document],
        ['word/styles.xml', CONTENT_TYPE.styles],
        ['word/settings.xml', CONTENT_TYPE.settings],
        ['word/header1.xml', CONTENT_TYPE.header],
        ['word/header2.xml', CONTENT_TYPE.header],
        ['docProps/core.xml', CONTENT_TYPE.core],
        ['docProps/app.xml', CONTENT_TYPE.app],
        ...(custom ? [['docProps/custom.xml', CONTENT_TYPE.custom] as [string, string]] : []),
      ]),
    ],
    ['_rels/.rels', relationships([[REL.officeDocument, 'word/document.xml'], [REL.core, 'docProps/core.xml'], [REL.app, 'docProps/app.xml'], ...(custom ? [[REL.custom, 'docProps/custom.xml'] as [string, string]] : [])])],
    ['word/_rels/document.xml.rels', relationships([[REL.styles, 'styles.xml'], [REL.settings, 'settings.xml'], [REL.header, 'header1.xml'], [REL.header, 'header2.xml']])],
    ['word/document.xml', x.toString()],
    ['word/styles.xml', stylesPart()],
    ['word/settings.xml', settingsPart()],
    ['word/header1.xml', headerPart(true)],
    ['word/header2.xml', headerPart(false)],
    ['docProps/core.xml', corePart(report.title)],
    ['docProps/app.xml', appPart()],
  ]);
  if (custom) parts.set('docProps/custom.xml', customXml(undefined, report.stored));
  return zipParts(parts);
}

/**
 * The report poured into a team's own .docx template: each {{placeholder}} of TEMPLATE_PLACEHOLDERS
 * the template holds is replaced, also when Word split it over several runs (text in the template's
 * own style; {{body}} and {{recipients}} by whole paragraphs and tables), and the session, date and
 * period stored as in a generated report. Rejects (TemplateError, in both languages) a file that is
 * not a .docx, a part that is not well-formed XML, a template without a paragraph holding only
 * {{body}}; nothing is returned unless the whole template was filled. The heading styles the body
 * uses are added to the template's styles when it lacks them.
 */
export async function fillTemplate(template: Uint8Array, report: WordReport, committee?: string): Promise<Uint8Array> {
  const h = headerTexts(report, committee);
  return patchTemplate(template, {
    text: h,
    blocks: {
      body: (x) => bodyChildren(x, report.blocks),
      recipients: (x) => recipientsParagraphs(x, report.fields.recipients ?? DEFAULT_RECIPIENTS),
    },
    styles: headingStyles,
    required: ['body'],
    stored: report.stored,
  });
}
